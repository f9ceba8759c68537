package io.github.hfinference.core;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.task.StreamingTask;

/**
 * One streaming inference call: a streaming task, the model, the input, optional
 * parameters and per-call options.
 *
 * @param <I> the input type
 * @param <P> the parameters type
 * @param <C> the chunk type
 * @param task the streaming task
 * @param model the model and its targets
 * @param input the input
 * @param parameters the parameters, or null
 * @param options per-call options
 */
public record StreamingRequest<I, P, C>(StreamingTask<I, P, C> task, ModelDefinition model, I input,
		@Nullable P parameters, CallOptions options) {

	public StreamingRequest {
		Inputs.requireNonNull(task, "task");
		Inputs.requireNonNull(model, "model");
		Inputs.requireInput(input, task.id());
		Inputs.requireFiniteNumbers(parameters, "parameters of task '" + task.id() + "'");
		Inputs.requireNonNull(options, "options");
	}

	/**
	 * A request without parameters or options.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <C> the chunk type
	 * @param task the streaming task
	 * @param model the model
	 * @param input the input
	 * @return the request
	 */
	public static <I, P, C> StreamingRequest<I, P, C> of(StreamingTask<I, P, C> task, ModelDefinition model,
			I input) {
		return new StreamingRequest<>(task, model, input, null, CallOptions.defaults());
	}

	/**
	 * This request with parameters.
	 * @param parameters the parameters
	 * @return a new request
	 */
	public StreamingRequest<I, P, C> withParameters(@Nullable P parameters) {
		return new StreamingRequest<>(this.task, this.model, this.input, parameters, this.options);
	}

	/**
	 * This request with options.
	 * @param options the options
	 * @return a new request
	 */
	public StreamingRequest<I, P, C> withOptions(CallOptions options) {
		return new StreamingRequest<>(this.task, this.model, this.input, this.parameters, options);
	}

	@Override
	public String toString() {
		return "StreamingRequest[task=" + this.task.id() + ", model=" + this.model.alias() + "]";
	}

}
