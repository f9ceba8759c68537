package io.github.hfinference.core.internal.resilience;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfServerException;

/**
 * The one place that computes how long to wait before retrying a target: the wait the
 * server asked for, in this order {@code Retry-After} (seconds or HTTP date), the
 * {@code RateLimit} header's reset ({@code t=}), a loading model's
 * {@code estimated_time}, capped by {@link RetrySettings#maxServerWait()}; otherwise the
 * retry policy's back-off.
 */
public final class RetryWait {

	private RetryWait() {
	}

	/**
	 * The wait before retrying after a failure.
	 * @param failure the failure of the target about to be retried
	 * @param backOff the back-off the retry policy computed for this retry
	 * @param maxServerWait the cap of a server-advised wait
	 * @return the wait
	 */
	public static Duration of(Throwable failure, Duration backOff, Duration maxServerWait) {
		Duration advised = serverAdvised(failure);
		if (advised == null) {
			return backOff;
		}
		return (advised.compareTo(maxServerWait) > 0) ? maxServerWait : advised;
	}

	/**
	 * The wait a server asked for in a failed response, uncapped.
	 * @param failure the failure
	 * @return the wait, or null if the server did not say
	 */
	public static @Nullable Duration serverAdvised(Throwable failure) {
		if (failure instanceof HfRateLimitException rateLimit) {
			return rateLimit.getRetryAfter();
		}
		if (failure instanceof HfServerException server) {
			return (server.getRetryAfter() != null) ? server.getRetryAfter() : server.getEstimatedTime();
		}
		return null;
	}

}
