package io.github.hfinference.core.observation;

import io.github.hfinference.core.ResponseMetadata;

/**
 * Told about the outcome of every (non-streaming) call, whether or not observations are
 * enabled: for per-model activity figures such as call and error counts. Callbacks run on
 * the thread that completed the call and must return quickly; an exception thrown by a
 * listener is ignored. Every method does nothing by default.
 */
public interface InferenceCallListener {

	/**
	 * A call succeeded.
	 * @param modelAlias the application's name for the model
	 * @param task the task id
	 * @param metadata the response metadata (served target, tokens, revision...)
	 */
	default void onSuccess(String modelAlias, String task, ResponseMetadata metadata) {
	}

	/**
	 * A call failed after all its attempts.
	 * @param modelAlias the application's name for the model
	 * @param task the task id
	 * @param failure the typed failure (never carries the token)
	 */
	default void onFailure(String modelAlias, String task, Throwable failure) {
	}

}
