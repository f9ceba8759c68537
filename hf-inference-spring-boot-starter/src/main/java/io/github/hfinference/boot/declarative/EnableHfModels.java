package io.github.hfinference.boot.declarative;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * Registers {@link io.github.hfinference.core.declarative.HfModel @HfModel} interfaces as
 * beans, listed explicitly or detected in packages; with no attribute set, the package of
 * the annotated class is scanned. Use it on a {@code @Configuration} class when the
 * interfaces live outside the application's auto-configuration packages or when
 * {@code hf.inference.scan.enabled} is {@code false}.
 *
 * <pre class="code">
 * &#64;SpringBootApplication
 * &#64;EnableHfModels(types = { SentimentClient.class, ChatAssistant.class })
 * class Application {
 * }
 * </pre>
 *
 * Each interface becomes one singleton bean, named after the interface
 * ({@code sentimentClient}), created and validated at startup.
 *
 * @see AbstractHfModelRegistrar
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(EnableHfModels.Container.class)
@Import(EnableHfModelsRegistrar.class)
public @interface EnableHfModels {

	/**
	 * Alias for {@link #types()}.
	 * @return the interfaces
	 */
	@AliasFor("types")
	Class<?>[] value() default {};

	/**
	 * The {@code @HfModel} interfaces to register.
	 * @return the interfaces
	 */
	@AliasFor("value")
	Class<?>[] types() default {};

	/**
	 * Packages to scan for {@code @HfModel} interfaces.
	 * @return the package names
	 */
	String[] basePackages() default {};

	/**
	 * Type-safe alternative to {@link #basePackages()}: the package of each class is scanned.
	 * @return classes whose packages are scanned
	 */
	Class<?>[] basePackageClasses() default {};

	/**
	 * Container for repeated {@link EnableHfModels @EnableHfModels} annotations.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@Import(EnableHfModelsRegistrar.class)
	@interface Container {

		/**
		 * The repeated annotations.
		 * @return the annotations
		 */
		EnableHfModels[] value();

	}

}
