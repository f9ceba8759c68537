package io.github.hfinference.core.task;

/**
 * How a task is addressed on the {@code hf-inference} provider and on endpoints.
 */
public enum TaskRoute {

	/** {@code /models/{id}}: the classic pipeline route. */
	MODEL,

	/** {@code /models/{id}/pipeline/{task}}: tasks a model may serve besides its default one. */
	PIPELINE,

	/** OpenAI-compatible {@code /v1/chat/completions}. */
	CHAT_COMPLETIONS,

	/**
	 * The router's OpenAI-compatible Responses API, {@code /v1/responses} (the provider is
	 * chosen by the router from the {@code model} field's {@code :provider} suffix).
	 */
	RESPONSES

}
