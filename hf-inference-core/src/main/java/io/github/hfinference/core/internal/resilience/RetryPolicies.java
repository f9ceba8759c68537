package io.github.hfinference.core.internal.resilience;

import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;

import io.github.hfinference.core.ResiliencePolicy.RetrySettings;

/**
 * Maps {@link RetrySettings} onto Spring Framework's {@link RetryPolicy}: the policy's
 * predicate is {@link RetryClassifier}, its {@link org.springframework.util.backoff.BackOff}
 * counts the retries and computes the exponential wait with jitter, and its timeout is
 * the call's deadline.
 * <p>
 * The settings' jitter is a fraction of the wait; the Framework's is a duration that it
 * scales with the multiplier, so the fraction is applied to the initial interval.
 */
public final class RetryPolicies {

	private static final Duration SMALLEST_MAX_DELAY = Duration.ofMillis(1);

	private RetryPolicies() {
	}

	/**
	 * Builds the Framework retry policy for retry settings.
	 * @param settings the settings
	 * @return the policy; with retries disabled it allows no retry
	 */
	public static RetryPolicy toRetryPolicy(RetrySettings settings) {
		RetryPolicy.Builder builder = RetryPolicy.builder()
			.predicate(RetryClassifier::isRetryable)
			.maxRetries(settings.enabled() ? settings.maxRetries() : 0)
			.delay(settings.initialInterval())
			.multiplier(settings.multiplier())
			.maxDelay(max(settings.maxInterval(), SMALLEST_MAX_DELAY));
		long jitterMillis = Math.round(settings.initialInterval().toMillis() * settings.jitter());
		if (jitterMillis > 0) {
			builder.jitter(Duration.ofMillis(jitterMillis));
		}
		if (settings.deadline() != null) {
			builder.timeout(settings.deadline());
		}
		return builder.build();
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
