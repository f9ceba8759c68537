package io.github.hfinference.core.declarative;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the task an {@link HfModel @HfModel} method runs, overriding the model's
 * configured task and the task inferred from the method's types.
 *
 * <pre class="code">
 * &#64;InferenceTask("text-classification")
 * List&lt;ClassificationOutput&gt; classify(String text);
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface InferenceTask {

	/**
	 * The Hugging Face task id, such as {@code text-classification} or
	 * {@code chat-completion}.
	 * @return the task id
	 */
	String value();

}
