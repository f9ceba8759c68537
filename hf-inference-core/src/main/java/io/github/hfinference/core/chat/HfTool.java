package io.github.hfinference.core.chat;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a bean as a tool a chat model may call. Its parameters become the
 * properties of the tool's JSON schema (named as in the source: compile with
 * {@code -parameters}, which Spring Boot's build plugins do) and are bound from the
 * model's arguments; its result is sent back as the tool's answer (a {@code String} as it
 * is, anything else as JSON, a {@code Mono} once it completes).
 *
 * <pre class="code">
 * &#64;HfTool(description = "The current temperature of a city, in °C")
 * double temperature(String city) { ... }
 * </pre>
 *
 * @see ChatTool#fromBean(Object)
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HfTool {

	/**
	 * What the tool does, for the model.
	 * @return the description
	 */
	String description();

	/**
	 * The tool's name; the method's name by default.
	 * @return the name
	 */
	String name() default "";

}
