package io.github.hfinference.core.internal.resilience;

import java.util.Set;

import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfTimeoutException;

/**
 * The one place that decides whether a failed attempt may be tried again (on the same
 * target after a wait, or on the next target).
 * <p>
 * Retryable: HTTP 408, 429, 500, 502, 503 and 504, a rate limit or overload reported
 * inside a stream, connection failures ({@link HfConnectionException}) and timeouts
 * ({@link HfTimeoutException}). Everything else is final: other 4xx (400, 401, 402, 403,
 * 404, 410, 422, 424), configuration mistakes, undecodable responses, admission
 * rejections and open circuits.
 */
public final class RetryClassifier {

	/** HTTP statuses worth another attempt. */
	public static final Set<Integer> RETRYABLE_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

	private RetryClassifier() {
	}

	/**
	 * Whether a failure may be retried.
	 * @param failure the failure of one attempt
	 * @return true if another attempt may succeed
	 */
	public static boolean isRetryable(Throwable failure) {
		if (failure instanceof HfRateLimitException) {
			return true;
		}
		if (failure instanceof HfHttpException http) {
			return RETRYABLE_STATUSES.contains(http.getStatus());
		}
		return failure instanceof HfConnectionException || failure instanceof HfTimeoutException;
	}

}
