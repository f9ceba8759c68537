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

}
