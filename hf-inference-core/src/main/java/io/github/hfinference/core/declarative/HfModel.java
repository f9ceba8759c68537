package io.github.hfinference.core.declarative;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an interface as a client of one model: each abstract method is one inference
 * call on that model. Exactly one of {@link #value()} (a configured model alias) and
 * {@link #id()} (a Hugging Face model id, called through the router with provider
 * {@code auto}) must be set.
 *
 * <pre class="code">
 * &#64;HfModel("sentiment")
 * public interface SentimentClient {
 *
 *     List&lt;ClassificationOutput&gt; classify(String text);
 *
 *     Mono&lt;List&lt;ClassificationOutput&gt;&gt; classifyAsync(String text, ClassificationParameters parameters);
 *
 * }
 * </pre>
 *
 * A method's task is named by {@link InferenceTask @InferenceTask}, otherwise taken from
 * the model's configuration, otherwise inferred from the method's input and result types.
 * It takes exactly one input, optionally the task's parameters object and optionally a
 * {@link io.github.hfinference.core.CallOptions CallOptions}, and returns the result
 * {@code R}, {@code Mono<R>}, {@code CompletableFuture<R>}, {@code InferenceResponse<R>}
 * or {@code Mono<InferenceResponse<R>>}. A method returning {@code Flux<C>} streams: it
 * runs the streaming variant of its task and returns its chunks
 * ({@code Flux<ChatCompletionChunk>}, {@code Flux<TextGeneration.StreamOutput>}), or just
 * their text with {@code Flux<String>}. Default methods are invoked as written.
 *
 * @see HfModelProxyFactory
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HfModel {

	/**
	 * The alias of a configured model (for example {@code hf.inference.models.<alias>} in
	 * Spring Boot).
	 * @return the alias, or empty if {@link #id()} is set
	 */
	String value() default "";

	/**
	 * A Hugging Face model id ({@code org/name}) used directly, through the router with
	 * provider {@code auto}.
	 * @return the model id, or empty if {@link #value()} is set
	 */
	String id() default "";

}
