package io.github.hfinference.core.task.chat;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.TokenUsage;

/**
 * A chat result or chunk that may carry OpenAI {@code usage}: exposes its token counts
 * to the generic call path.
 */
interface ChatUsage extends TokenUsage {

	/** The token counts, if reported. */
	@Nullable Usage usage();

	@Override
	default @Nullable Integer promptTokens() {
		Usage usage = usage();
		return (usage != null) ? usage.promptTokens() : null;
	}

	@Override
	default @Nullable Integer generatedTokens() {
		Usage usage = usage();
		return (usage != null) ? usage.completionTokens() : null;
	}

	@Override
	default @Nullable Integer reasoningTokens() {
		Usage usage = usage();
		return (usage != null && usage.completionTokensDetails() != null)
				? usage.completionTokensDetails().reasoningTokens() : null;
	}

	@Override
	default @Nullable Integer cachedTokens() {
		Usage usage = usage();
		return (usage != null && usage.promptTokensDetails() != null) ? usage.promptTokensDetails().cachedTokens()
				: null;
	}

}
