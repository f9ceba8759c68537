package io.github.hfinference.core.task.chat;

import org.jspecify.annotations.Nullable;

/**
 * Token counts of a chat completion.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens generated (reasoning tokens included)
 * @param totalTokens their sum
 * @param completionTokensDetails the breakdown of generated tokens, if reported
 * @param promptTokensDetails the breakdown of prompt tokens, if reported
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens,
		@Nullable CompletionTokensDetails completionTokensDetails, @Nullable PromptTokensDetails promptTokensDetails) {

	/**
	 * Counts without breakdown.
	 * @param promptTokens tokens in the prompt
	 * @param completionTokens tokens generated
	 * @param totalTokens their sum
	 */
	public Usage(int promptTokens, int completionTokens, int totalTokens) {
		this(promptTokens, completionTokens, totalTokens, null, null);
	}

	/**
	 * {@code usage.completion_tokens_details}.
	 *
	 * @param reasoningTokens tokens spent reasoning, part of the completion tokens
	 */
	public record CompletionTokensDetails(@Nullable Integer reasoningTokens) {

	}

	/**
	 * {@code usage.prompt_tokens_details}.
	 *
	 * @param cachedTokens prompt tokens served from the provider's cache
	 */
	public record PromptTokensDetails(@Nullable Integer cachedTokens) {

	}

}
