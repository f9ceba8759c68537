package io.github.hfinference.core.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfHttpException.ErrorDetails;

/**
 * 429 Too Many Requests (or a TGI {@code overloaded} error): a rate limit or quota was
 * hit. {@link #getRetryAfter()} tells when the server said the limit resets, if it did.
 */
public class HfRateLimitException extends HfHttpException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	public HfRateLimitException(ErrorDetails details, @Nullable Duration retryAfter) {
		super(retryAfter != null
				? details.withMessage(details.serverMessage() + " (limit resets in " + retryAfter.toMillis() + " ms)")
				: details);
		this.retryAfter = retryAfter;
	}

	/** How long until the limit resets, from {@code Retry-After} or {@code RateLimit}; null if unknown. */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
