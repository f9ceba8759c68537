package io.github.hfinference.boot.declarative;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Enables {@link io.github.hfinference.core.declarative.HfModel @HfModel} interfaces, in
 * the {@code @EnableXxx} style: the same as {@link ImportHfModels @ImportHfModels}, under
 * the name Spring users look for first. With no attribute set, the package of the
 * annotated class is scanned.
 *
 * <pre class="code">
 * &#64;SpringBootApplication
 * &#64;EnableHfModels(basePackageClasses = SentimentClient.class)
 * class Application {
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ImportHfModels
public @interface EnableHfModels {

	/**
	 * Alias for {@link #types()}.
	 * @return the interfaces
	 */
	@AliasFor(annotation = ImportHfModels.class, attribute = "types")
	Class<?>[] value() default {};

	/**
	 * The {@code @HfModel} interfaces to register.
	 * @return the interfaces
	 */
	@AliasFor(annotation = ImportHfModels.class, attribute = "types")
	Class<?>[] types() default {};

	/**
	 * Packages to scan for {@code @HfModel} interfaces.
	 * @return the package names
	 */
	@AliasFor(annotation = ImportHfModels.class, attribute = "basePackages")
	String[] basePackages() default {};

	/**
	 * Type-safe alternative to {@link #basePackages()}: the package of each class is scanned.
	 * @return classes whose packages are scanned
	 */
	@AliasFor(annotation = ImportHfModels.class, attribute = "basePackageClasses")
	Class<?>[] basePackageClasses() default {};

}
