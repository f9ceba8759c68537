package io.github.hfinference.core;

import org.jspecify.annotations.Nullable;

/**
 * Implemented by results that report token counts in their body (chat {@code usage}), so
 * the generic call path can expose them in {@link ResponseMetadata}.
 */
public interface TokenUsage {

	/** Prompt tokens, or null if not reported. */
	@Nullable Integer promptTokens();

	/** Generated tokens, or null if not reported. */
	@Nullable Integer generatedTokens();

	/**
	 * Of the generated tokens, those spent reasoning
	 * ({@code usage.completion_tokens_details.reasoning_tokens}), or null if not reported.
	 * @return the count or null
	 */
	default @Nullable Integer reasoningTokens() {
		return null;
	}

	/**
	 * Of the prompt tokens, those served from the provider's cache
	 * ({@code usage.prompt_tokens_details.cached_tokens}), or null if not reported.
	 * @return the count or null
	 */
	default @Nullable Integer cachedTokens() {
		return null;
	}

}
