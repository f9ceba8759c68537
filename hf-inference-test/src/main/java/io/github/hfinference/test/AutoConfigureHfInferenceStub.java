package io.github.hfinference.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts an {@link HfInferenceStub} for a Spring test's application context and points the
 * starter at it: {@code hf.inference.base-url} and {@code hf.inference.hub-url} are the
 * stub's URL, {@code hf.inference.token} is a fake token. The stub is a bean (inject it
 * to script answers and assert calls); its scripts and received calls are cleared before
 * each test method, and it stops with the context.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureHfInferenceStub
 * class SentimentTests {
 *     &#64;Autowired HfInferenceStub stub;
 *     ...
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureHfInferenceStub {

	/**
	 * The port the stub listens on; 0 (the default) picks a free one.
	 * @return the port
	 */
	int port() default 0;

	/**
	 * The token the application is given ({@code hf.inference.token}); a fake one by default.
	 * @return the token
	 */
	String token() default "hf_test";

}
