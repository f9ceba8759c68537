package io.github.hfinference.core;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.task.Task;

/**
 * A provider that runs inference inside this JVM (for example the {@code local} ONNX
 * provider). It is addressed by an {@link InferenceTarget.InProcess} target of the same
 * name and goes through the same typed API, failover and metrics as remote targets.
 */
public interface InProcessProvider {

	/** The provider name targets refer to ({@code local}). */
	String name();

	/**
	 * Whether this provider can run the task.
	 * @param task the task
	 * @return true if supported
	 */
	boolean supports(Task<?, ?, ?> task);

	/**
	 * Runs one call.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param task the task
	 * @param model the model definition
	 * @param input the input
	 * @param parameters the parameters, or null
	 * @return the result
	 */
	<I, P, R> Mono<R> execute(Task<I, P, R> task, ModelDefinition model, I input, @Nullable P parameters);

}
