package io.github.hfinference.core.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfHttpException.ErrorDetails;

/**
 * 5xx: the router, the provider or the model server failed (500, 502, 503, 504, or a
 * TGI {@code incomplete_generation}). A 503 while a model loads carries the server's
 * {@linkplain #getEstimatedTime() estimated loading time}.
 */
public class HfServerException extends HfHttpException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	private final @Nullable Duration estimatedTime;

	public HfServerException(ErrorDetails details, @Nullable Duration retryAfter, @Nullable Duration estimatedTime) {
		super(details);
		this.retryAfter = retryAfter;
		this.estimatedTime = estimatedTime;
	}

	/** Server's {@code Retry-After}, if it sent one. */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/** A loading model's {@code estimated_time}, if the 503 body carried one. */
	public @Nullable Duration getEstimatedTime() {
		return this.estimatedTime;
	}

}
