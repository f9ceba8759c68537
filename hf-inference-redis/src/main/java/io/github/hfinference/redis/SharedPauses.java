package io.github.hfinference.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.KeyValue;
import io.lettuce.core.SetArgs;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.error.HfHttpException.ErrorDetails;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.fleet.FleetCoordination.FleetAttempt;
import io.github.hfinference.redis.RedisFleetSettings.PauseMode;

/**
 * Pauses the servers asked for, shared by the fleet: a 429 with a reset time
 * ({@code Retry-After}, {@code RateLimit}) pauses the account's calls to that provider,
 * a loading model's 503 {@code estimated_time} pauses calls to that model on that
 * provider, until the time the server gave. Each is a Redis key holding the end of the
 * pause (epoch milliseconds) that expires with it; every attempt reads its two keys in
 * one {@code MGET} (alongside its quota reservation) and waits the pause out, or fails at
 * once, per {@link RedisFleetSettings#onPause()}. This JVM's own pauses stand in while Redis cannot
 * answer.
 */
final class SharedPauses {

	private final RedisGuard redis;

	private final RedisFleetSettings settings;

	private final Map<String, Long> local = new ConcurrentHashMap<>();

	SharedPauses(RedisGuard redis, RedisFleetSettings settings) {
		this.redis = redis;
		this.settings = settings;
	}

	/**
	 * How long the attempt's pauses have left, read in one {@code MGET} (this JVM's own
	 * pauses while Redis cannot answer).
	 * @return milliseconds left, 0 or less when the attempt is not paused
	 */
	Mono<Long> left(FleetAttempt attempt) {
		String[] keys = keys(attempt).toArray(String[]::new);
		return this.redis.call("pause check", (connection) -> connection.async().mget(keys).thenApply((values) -> {
			long until = 0;
			for (KeyValue<String, byte[]> value : values) {
				if (value.hasValue()) {
					until = Math.max(until, Long.parseLong(new String(value.getValue(), StandardCharsets.US_ASCII)));
				}
			}
			return until;
		}), () -> Mono.just(localUntil(keys))).map((until) -> until - System.currentTimeMillis());
	}

	/**
	 * Honours a pause: waits it out, or fails with {@link HfRateLimitException} at once when
	 * so configured or when it is longer than the longest wait allowed.
	 * @param left milliseconds the pause has left, as {@link #left} gave them
	 */
	Mono<Void> honour(FleetAttempt attempt, long left) {
		if (left <= 0) {
			return Mono.empty();
		}
		if (this.settings.onPause() == PauseMode.FAIL || left > this.settings.maxPauseWait().toMillis()) {
			return Mono.error(paused(attempt, System.currentTimeMillis() + left, left));
		}
		return Mono.delay(Duration.ofMillis(left)).then();
	}

	/**
	 * Records the pause a failed attempt's server asked for, if it asked for one. Completes
	 * once Redis stored it (or the budget ran out), so that the failure reaches the caller
	 * only after every instance can see the pause.
	 */
	Mono<Void> record(FleetAttempt attempt, Throwable failure) {
		if (failure instanceof HfRateLimitException rateLimit && rateLimit.getRetryAfter() != null
				&& !(failure instanceof FleetPauseException)) {
			return pause(accountKey(attempt), rateLimit.getRetryAfter());
		}
		if (failure instanceof HfServerException server && server.getEstimatedTime() != null
				&& attempt.modelId() != null) {
			return pause(loadingKey(attempt), server.getEstimatedTime());
		}
		return Mono.empty();
	}

	private Mono<Void> pause(String key, Duration wait) {
		long millis = Math.max(1, wait.toMillis());
		long until = System.currentTimeMillis() + millis;
		this.local.merge(key, until, Math::max);
		byte[] value = Long.toString(until).getBytes(StandardCharsets.US_ASCII);
		return this.redis.call("pause", (connection) -> connection.async().set(key, value, SetArgs.Builder.px(millis)),
				Mono::empty).then();
	}

	private long localUntil(String[] keys) {
		long now = System.currentTimeMillis();
		long until = 0;
		for (String key : keys) {
			Long end = this.local.get(key);
			if (end != null && end <= now) {
				this.local.remove(key, end);
			}
			else if (end != null) {
				until = Math.max(until, end);
			}
		}
		return until;
	}

	private List<String> keys(FleetAttempt attempt) {
		List<String> keys = new ArrayList<>(2);
		keys.add(accountKey(attempt));
		if (attempt.modelId() != null) {
			keys.add(loadingKey(attempt));
		}
		return keys;
	}

	private String accountKey(FleetAttempt attempt) {
		return this.settings.keyPrefix() + "pause:{" + attempt.account() + "}:" + attempt.target();
	}

	private String loadingKey(FleetAttempt attempt) {
		return this.settings.keyPrefix() + "loading:" + attempt.target() + ":" + attempt.modelId();
	}

	private static HfRateLimitException paused(FleetAttempt attempt, long until, long left) {
		return new FleetPauseException(new ErrorDetails(429, null,
				"not sent: the fleet paused calls to " + attempt.target() + " until " + Instant.ofEpochMilli(until)
						+ ", as the server asked one of its instances",
				null, attempt.model(), attempt.target()), Duration.ofMillis(left));
	}

	/** A pause of the fleet, raised without sending the attempt: never recorded again. */
	static final class FleetPauseException extends HfRateLimitException {

		private static final long serialVersionUID = 1L;

		FleetPauseException(ErrorDetails details, Duration retryAfter) {
			super(details, retryAfter);
		}

	}

}
