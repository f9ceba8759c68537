package io.github.hfinference.core;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * When and how a failed call is retried. Only retryable failures are retried (408, 429,
 * 500, 502, 503, 504, connection failures, timeouts); a server-advised wait
 * ({@code Retry-After}, {@code RateLimit}, a loading model's {@code estimated_time}) is
 * honoured up to {@code maxServerWait}, otherwise the wait grows exponentially with jitter.
 *
 * @param enabled whether failed calls are retried at all
 * @param maxRetries retries after the first attempt (attempts = 1 + maxRetries)
 * @param initialInterval wait before the first retry
 * @param multiplier factor applied to the wait after each retry
 * @param maxInterval upper bound of the exponential wait
 * @param jitter random fraction (0 to 1) added to or removed from each wait
 * @param maxServerWait upper bound of a wait the server asked for
 * @param deadline total time allowed for all attempts of one call, or null for none
 */
public record RetrySettings(boolean enabled, int maxRetries, Duration initialInterval, double multiplier,
		Duration maxInterval, double jitter, Duration maxServerWait, @Nullable Duration deadline) {

	private static final RetrySettings DEFAULTS = new RetrySettings(true, 3, Duration.ofSeconds(1), 2.0,
			Duration.ofSeconds(8), 0.1, Duration.ofSeconds(60), null);

	public RetrySettings {
		Objects.requireNonNull(initialInterval, "initialInterval");
		Objects.requireNonNull(maxInterval, "maxInterval");
		Objects.requireNonNull(maxServerWait, "maxServerWait");
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative, got " + maxRetries);
		}
		if (multiplier < 1) {
			throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be between 0 and 1, got " + jitter);
		}
		if (initialInterval.isNegative() || maxInterval.isNegative() || maxServerWait.isNegative()) {
			throw new IllegalArgumentException("retry intervals must not be negative");
		}
		if (deadline != null && (deadline.isZero() || deadline.isNegative())) {
			throw new IllegalArgumentException("deadline must be positive, got " + deadline);
		}
	}

	/** Three retries, 1 s doubling up to 8 s, 10 % jitter, server waits up to 60 s, no deadline. */
	public static RetrySettings defaults() {
		return DEFAULTS;
	}

	/** No retries. */
	public static RetrySettings disabled() {
		return new RetrySettings(false, 0, DEFAULTS.initialInterval, DEFAULTS.multiplier, DEFAULTS.maxInterval,
				DEFAULTS.jitter, DEFAULTS.maxServerWait, null);
	}

}
