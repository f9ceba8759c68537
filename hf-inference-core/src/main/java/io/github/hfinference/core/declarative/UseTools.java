package io.github.hfinference.core.declarative;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets the chat methods of an {@link HfModel @HfModel} interface (on the interface) or
 * one chat method call the {@link io.github.hfinference.core.chat.HfTool @HfTool}
 * methods of the given classes, in the tool loop of
 * {@link io.github.hfinference.core.chat.HfChatClient}. The instances are looked up when
 * a tool first runs (in Spring Boot, the beans of those types; without Spring, the objects
 * given to {@link HfModelProxyFactory.Builder#tools(Object...)}); every tool method is
 * checked when the client is created.
 *
 * <pre class="code">
 * &#64;HfModel("chat")
 * interface Assistant {
 *
 *     &#64;UseTools({ WeatherTools.class, CalendarTools.class })
 *     String ask(String question);
 *
 * }
 * </pre>
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface UseTools {

	/**
	 * Classes whose {@code @HfTool} methods the model may call.
	 * @return the classes
	 */
	Class<?>[] value();

}
