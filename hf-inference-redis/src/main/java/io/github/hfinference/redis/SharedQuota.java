package io.github.hfinference.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.error.HfAdmissionRejectedException.Reason;
import io.github.hfinference.core.fleet.FleetCoordination.FleetAttempt;
import io.github.hfinference.redis.RedisFleetSettings.RedisFailureMode;

/**
 * The account's quota, shared by the fleet through Bucket4j buckets in Redis: one bucket
 * of requests and, for chat, one of tokens per account and provider (or per account and
 * model when the model has its own quota). A call reserves what it needs
 * ({@code consumeIgnoringRateLimits}: the bucket may go below zero, and the answer is how
 * long the call must wait for its turn), waits that long and goes; a chat call settles
 * its token reservation with the usage the server reported. A bucket's key ends with its
 * limit, so that a changed limit starts a new bucket at once (the old one expires a minute
 * after its last use). When Redis cannot answer
 * within the budget, an in-memory bucket with the same limits stands in.
 */
final class SharedQuota {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final RedisGuard redis;

	private final RedisFleetSettings settings;

	private final Map<String, Bucket> localBuckets = new ConcurrentHashMap<>();

	private volatile @Nullable Proxies proxies;

	SharedQuota(RedisGuard redis, RedisFleetSettings settings) {
		this.redis = redis;
		this.settings = settings;
	}

	/**
	 * Reserves what an attempt needs and waits for its turn.
	 * @return the reservation, to settle or refund once the attempt is over
	 */
	Mono<Reservation> reserve(FleetAttempt attempt) {
		return take(attempt).flatMap((reservation) -> awaitTurn(attempt, reservation));
	}

	/**
	 * Reserves what an attempt needs, without waiting for its turn.
	 * @return the reservation, whose {@link Reservation#waitNanos()} says how long the turn is off
	 */
	Mono<Reservation> take(FleetAttempt attempt) {
		QuotaLimits limits = this.settings.quotaOf(attempt.model(), attempt.target());
		if (!limits.isLimited()) {
			return Mono.just(Reservation.NONE);
		}
		String scope = this.settings.keyPrefix() + "quota:{" + attempt.account() + "}:"
				+ (this.settings.modelQuotas().containsKey(attempt.model()) ? "model:" + attempt.model()
						: "provider:" + attempt.target());
		List<Mono<Held>> holds = new ArrayList<>(2);
		if (limits.requestsPerMinute() > 0) {
			holds.add(hold(attempt, scope + ":requests:" + limits.requestsPerMinute(), limits.requestsPerMinute(), 1));
		}
		if (limits.tokensPerMinute() > 0 && attempt.reservedTokens() > 0) {
			holds.add(hold(attempt, scope + ":tokens:" + limits.tokensPerMinute(), limits.tokensPerMinute(),
					attempt.reservedTokens()));
		}
		return Mono.zip(holds, (held) -> {
			List<Held> all = new ArrayList<>(held.length);
			for (Object one : held) {
				all.add((Held) one);
			}
			return new Reservation(this, limits, all);
		});
	}

	/**
	 * Waits for a reservation's turn, or gives it back and fails with
	 * {@link HfAdmissionRejectedException} when the turn is further off than the longest wait allowed.
	 */
	Mono<Reservation> awaitTurn(FleetAttempt attempt, Reservation reservation) {
		long waitNanos = reservation.waitNanos();
		if (waitNanos > this.settings.maxQuotaWait().toNanos()) {
			return reservation.release().then(Mono.error(tooLong(attempt, reservation.limits, waitNanos)));
		}
		return (waitNanos > 0) ? Mono.delay(Duration.ofNanos(waitNanos)).thenReturn(reservation)
				: Mono.just(reservation);
	}

	private Mono<Held> hold(FleetAttempt attempt, String key, long perMinute, long amount) {
		return this.redis.call("quota", (connection) -> proxies(connection).bucket(key, perMinute)
			.consumeIgnoringRateLimits(amount)
			.thenApply((wait) -> new Held(key, perMinute, amount, wait, true)), () -> fallback(attempt, key, perMinute, amount));
	}

	private Mono<Held> fallback(FleetAttempt attempt, String key, long perMinute, long amount) {
		if (this.settings.onRedisFailure() == RedisFailureMode.FAIL) {
			return Mono.error(new HfAdmissionRejectedException(attempt.model(), Reason.FLEET_UNAVAILABLE,
					"Call to model '" + attempt.model() + "' not admitted: the fleet's shared quota is unreachable ("
							+ this.redis.degradedReason() + ") and hf.inference.fleet.on-redis-failure=fail"));
		}
		long wait = localBucket(key, perMinute).consumeIgnoringRateLimits(amount);
		return Mono.just(new Held(key, perMinute, amount, wait, false));
	}

	/**
	 * Gives back tokens a reservation took but did not use (a negative amount takes more).
	 * @return completes once the bucket holds the change, or Redis could not be used
	 */
	Mono<Void> adjust(Held held, long amount) {
		if (amount == 0) {
			return Mono.empty();
		}
		if (!held.remote()) {
			Bucket bucket = localBucket(held.key(), held.perMinute());
			if (amount > 0) {
				bucket.addTokens(amount);
			}
			else {
				bucket.consumeIgnoringRateLimits(-amount);
			}
			return Mono.empty();
		}
		return this.redis.call("quota settlement", (connection) -> {
			AsyncBucketProxy bucket = proxies(connection).bucket(held.key(),
					held.perMinute());
			return (amount > 0) ? bucket.addTokens(amount).thenApply((done) -> Boolean.TRUE)
					: bucket.consumeIgnoringRateLimits(-amount).thenApply((wait) -> Boolean.TRUE);
		}, Mono::empty).then();
	}

	private Bucket localBucket(String key, long perMinute) {
		return this.localBuckets.computeIfAbsent(key,
				(k) -> Bucket.builder().addLimit(bandwidth(perMinute)).build());
	}

	private Proxies proxies(StatefulRedisConnection<String, byte[]> connection) {
		Proxies current = this.proxies;
		if (current == null || current.connection() != connection) {
			current = new Proxies(connection, Bucket4jLettuce.casBasedBuilder(connection)
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(MINUTE))
				.build()
				.asAsync());
			this.proxies = current;
		}
		return current;
	}

	private static Bandwidth bandwidth(long perMinute) {
		return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, MINUTE).build();
	}

	private HfAdmissionRejectedException tooLong(FleetAttempt attempt, QuotaLimits limits, long waitNanos) {
		String what = (waitNanos == Long.MAX_VALUE) ? "it needs more than the quota holds"
				: "it would wait " + Duration.ofNanos(waitNanos).toMillis() + " ms for the shared quota, longer than "
						+ "hf.inference.quota.max-wait=" + this.settings.maxQuotaWait();
		return new HfAdmissionRejectedException(attempt.model(), Reason.WAIT_EXCEEDED,
				"Call to model '" + attempt.model() + "' via " + attempt.target() + " not admitted: " + what + " ("
						+ limits.requestsPerMinute() + " requests/min, " + limits.tokensPerMinute()
						+ " tokens/min; reserved " + attempt.reservedTokens() + " tokens)");
	}

	/**
	 * The Bucket4j buckets on one Redis connection, one proxy per key, each batching the
	 * commands of concurrent calls (Bucket4j's batching optimisation: while one
	 * compare-and-swap is in flight, the calls that arrive meanwhile go together in the
	 * next, instead of each retrying against the others).
	 */
	private record Proxies(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> manager,
			Map<String, AsyncBucketProxy> buckets) {

		Proxies(StatefulRedisConnection<String, byte[]> connection, AsyncProxyManager<String> manager) {
			this(connection, manager, new ConcurrentHashMap<>());
		}

		AsyncBucketProxy bucket(String key, long perMinute) {
			return this.buckets.computeIfAbsent(key, (k) -> this.manager.builder()
				.withOptimization(Optimizations.batching())
				.build(k, () -> CompletableFuture
					.completedFuture(BucketConfiguration.builder().addLimit(bandwidth(perMinute)).build())));
		}

	}

	/** What one bucket granted: {@code waitNanos} until the call's turn. */
	record Held(String key, long perMinute, long amount, long waitNanos, boolean remote) {

	}

	/** What an attempt reserved, settled once when it ends. */
	static final class Reservation {

		static final Reservation NONE = new Reservation(null, QuotaLimits.UNLIMITED, List.of());

		private final @Nullable SharedQuota quota;

		private final QuotaLimits limits;

		private final List<Held> held;

		private boolean settled;

		Reservation(@Nullable SharedQuota quota, QuotaLimits limits, List<Held> held) {
			this.quota = quota;
			this.limits = limits;
			this.held = held;
		}

		long waitNanos() {
			long wait = 0;
			for (Held one : this.held) {
				wait = Math.max(wait, one.waitNanos());
			}
			return wait;
		}

		/**
		 * The attempt reported the tokens it used: the token reservation is settled with them.
		 * @return completes once settled
		 */
		Mono<Void> settle(long usedTokens) {
			SharedQuota quota = this.quota;
			if (quota == null || !claim()) {
				return Mono.empty();
			}
			return Flux.fromIterable(this.held)
				.filter((one) -> one.key().contains(":tokens:") && one.waitNanos() != Long.MAX_VALUE)
				.flatMap((one) -> quota.adjust(one, one.amount() - usedTokens))
				.then();
		}

		/** The attempt was sent but used no tokens (it failed): every reserved token goes back. */
		void refund() {
			giveBack(false).subscribe();
		}

		/**
		 * The attempt will not be sent: everything it reserved goes back.
		 * @return completes once the buckets hold it again (or Redis could not be used)
		 */
		Mono<Void> release() {
			return giveBack(true);
		}

		private Mono<Void> giveBack(boolean requests) {
			SharedQuota quota = this.quota;
			if (quota == null || !claim()) {
				return Mono.empty();
			}
			return Flux.fromIterable(this.held)
				.filter((one) -> (requests || one.key().contains(":tokens:")) && one.waitNanos() != Long.MAX_VALUE)
				.flatMap((one) -> quota.adjust(one, one.amount()))
				.then();
		}

		private synchronized boolean claim() {
			if (this.settled) {
				return false;
			}
			this.settled = true;
			return true;
		}

	}

}
