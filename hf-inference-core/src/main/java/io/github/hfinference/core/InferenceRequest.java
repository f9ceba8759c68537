package io.github.hfinference.core;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.task.Task;

/**
 * One inference call: a task, the model, the input, optional parameters and per-call
 * options.
 *
 * @param <I> the input type
 * @param <P> the parameters type
 * @param <R> the result type
 * @param task the task
 * @param model the model and its targets
 * @param input the input
 * @param parameters the parameters, or null
 * @param options per-call options
 */
public record InferenceRequest<I, P, R>(Task<I, P, R> task, ModelDefinition model, I input, @Nullable P parameters,
		CallOptions options) {

	public InferenceRequest {
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
	 * @param <R> the result type
	 * @param task the task
	 * @param model the model
	 * @param input the input
	 * @return the request
	 */
	public static <I, P, R> InferenceRequest<I, P, R> of(Task<I, P, R> task, ModelDefinition model, I input) {
		return new InferenceRequest<>(task, model, input, null, CallOptions.defaults());
	}

	/**
	 * This request with parameters.
	 * @param parameters the parameters
	 * @return a new request
	 */
	public InferenceRequest<I, P, R> withParameters(@Nullable P parameters) {
		return new InferenceRequest<>(this.task, this.model, this.input, parameters, this.options);
	}

	/**
	 * This request with options.
	 * @param options the options
	 * @return a new request
	 */
	public InferenceRequest<I, P, R> withOptions(CallOptions options) {
		return new InferenceRequest<>(this.task, this.model, this.input, this.parameters, options);
	}

	@Override
	public String toString() {
		return "InferenceRequest[task=" + this.task.id() + ", model=" + this.model.alias() + "]";
	}

}
