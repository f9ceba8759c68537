package io.github.hfinference.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.observation.InferenceCallListener;
import io.github.hfinference.core.observation.ResilienceListener;

/**
 * Counts, per model alias, the calls, errors, retries, failovers and rate-limited answers
 * of the client, and remembers the last target that served and a summary of the last
 * error. The client tells it about every call whether or not observations are enabled
 * (it is both an {@link InferenceCallListener} and a {@link ResilienceListener}).
 */
public class HfModelActivity implements InferenceCallListener, ResilienceListener {

	private static final int MAX_MESSAGE_LENGTH = 300;

	private final Map<String, Counters> models = new ConcurrentHashMap<>();

	@Override
	public void onSuccess(String modelAlias, String task, ResponseMetadata metadata) {
		Counters counters = counters(modelAlias);
		counters.calls.incrementAndGet();
		counters.lastTarget.set(metadata.target());
	}

	@Override
	public void onFailure(String modelAlias, String task, Throwable failure) {
		Counters counters = counters(modelAlias);
		counters.calls.incrementAndGet();
		counters.errors.incrementAndGet();
		counters.lastError.set(new LastError(Instant.now(), summary(failure)));
	}

	@Override
	public void onRetry(String model, String target, int attempt, Throwable failure, Duration wait) {
		counters(model).retries.incrementAndGet();
	}

	@Override
	public void onFailover(String model, String from, String to, Throwable failure) {
		counters(model).failovers.incrementAndGet();
	}

	@Override
	public void onRateLimited(String model, String target, @Nullable Duration retryAfter) {
		counters(model).rateLimited.incrementAndGet();
	}

	/**
	 * The activity of a model so far.
	 * @param alias the model alias
	 * @return its figures, all zero before its first call
	 */
	public Snapshot snapshot(String alias) {
		Counters counters = this.models.get(alias);
		if (counters == null) {
			return new Snapshot(0, 0, 0, 0, 0, null, null);
		}
		return new Snapshot(counters.calls.get(), counters.errors.get(), counters.retries.get(),
				counters.failovers.get(), counters.rateLimited.get(), counters.lastTarget.get(),
				counters.lastError.get());
	}

	/**
	 * A short description of a failure: its type, the HTTP status if any, and its message
	 * (which the client never fills with the token), cut to 300 characters.
	 * @param failure the failure
	 * @return the summary
	 */
	public static String summary(Throwable failure) {
		StringBuilder summary = new StringBuilder(failure.getClass().getSimpleName());
		if (failure instanceof HfHttpException http) {
			summary.append(" (HTTP ").append(http.getStatus()).append(')');
		}
		String message = failure.getMessage();
		if (message != null && !message.isBlank()) {
			summary.append(": ").append(message.strip());
		}
		return (summary.length() > MAX_MESSAGE_LENGTH) ? summary.substring(0, MAX_MESSAGE_LENGTH) + "..."
				: summary.toString();
	}

	private Counters counters(String alias) {
		return this.models.computeIfAbsent(alias, (key) -> new Counters());
	}

	/**
	 * A model's activity.
	 *
	 * @param calls completed calls (successful or not)
	 * @param errors calls that failed after all their attempts
	 * @param retries retries of an attempt on the same target
	 * @param failovers moves to another target
	 * @param rateLimited answers saying a rate limit was hit
	 * @param lastTarget the target that served the last successful call
	 * @param lastError the last failure, if any
	 */
	public record Snapshot(long calls, long errors, long retries, long failovers, long rateLimited,
			@Nullable String lastTarget, @Nullable LastError lastError) {

	}

	/**
	 * The last failure of a model.
	 *
	 * @param time when it happened
	 * @param summary its type, HTTP status and message
	 */
	public record LastError(Instant time, String summary) {

	}

	private static final class Counters {

		private final AtomicLong calls = new AtomicLong();

		private final AtomicLong errors = new AtomicLong();

		private final AtomicLong retries = new AtomicLong();

		private final AtomicLong failovers = new AtomicLong();

		private final AtomicLong rateLimited = new AtomicLong();

		private final AtomicReference<@Nullable String> lastTarget = new AtomicReference<>();

		private final AtomicReference<@Nullable LastError> lastError = new AtomicReference<>();

	}

}
