package io.github.hfinference.core;

import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.task.StreamingTask;
import io.github.hfinference.core.task.Task;

/**
 * The blocking view of an {@link HfInferenceClient}: the same calls, waiting for the
 * result. Suited to imperative code, ideally on virtual threads; never call it from a
 * reactive (event-loop) thread.
 */
public final class BlockingHfInferenceClient {

	private final HfInferenceClient client;

	BlockingHfInferenceClient(HfInferenceClient client) {
		this.client = client;
	}

	/**
	 * Calls a task on a model through the router ({@code auto} provider).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param task the task
	 * @param modelId the model id
	 * @param input the input
	 * @return the typed result
	 */
	public <I, P, R> R call(Task<I, P, R> task, String modelId, I input) {
		return execute(InferenceRequest.of(task, ModelDefinition.of(modelId), input)).value();
	}

	/**
	 * Calls a task with parameters on a model through the router ({@code auto} provider).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param task the task
	 * @param modelId the model id
	 * @param input the input
	 * @param parameters the parameters, or null
	 * @return the typed result
	 */
	public <I, P, R> R call(Task<I, P, R> task, String modelId, I input, @Nullable P parameters) {
		return execute(InferenceRequest.of(task, ModelDefinition.of(modelId), input).withParameters(parameters))
			.value();
	}

	/**
	 * Calls a task with parameters on a model definition.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param task the task
	 * @param model the model
	 * @param input the input
	 * @param parameters the parameters, or null
	 * @return the typed result
	 */
	public <I, P, R> R call(Task<I, P, R> task, ModelDefinition model, I input, @Nullable P parameters) {
		return execute(InferenceRequest.of(task, model, input).withParameters(parameters)).value();
	}

	/**
	 * Executes a request and waits for the result with its metadata.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param request the request
	 * @return the result and metadata
	 */
	public <I, P, R> InferenceResponse<R> execute(InferenceRequest<I, P, R> request) {
		InferenceResponse<R> response = this.client.execute(request).block();
		if (response == null) {
			throw new IllegalStateException("No response for " + request);
		}
		return response;
	}

	/**
	 * Streams a task with parameters on a model definition, as a {@link Stream} read as the
	 * chunks arrive. Close the stream (try-with-resources) to stop early: closing it
	 * closes the connection.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <C> the chunk type
	 * @param task the streaming task
	 * @param model the model
	 * @param input the input
	 * @param parameters the parameters, or null
	 * @return the chunks
	 * @see HfInferenceClient#executeStream(StreamingRequest)
	 */
	public <I, P, C> Stream<C> stream(StreamingTask<I, P, C> task, ModelDefinition model, I input,
			@Nullable P parameters) {
		return this.client.stream(task, model, input, parameters).toStream(1);
	}

}
