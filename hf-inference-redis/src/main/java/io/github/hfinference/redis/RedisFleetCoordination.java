package io.github.hfinference.redis;

import java.time.Duration;
import java.util.Objects;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.TokenUsage;
import io.github.hfinference.core.fleet.FleetCoordination;
import io.github.hfinference.core.fleet.FleetCoordination.FleetAttempt;

/**
 * A {@link FleetCoordination} on Redis (Lettuce): the instances of an application that
 * share this Redis share the account's quota, the pauses servers ask for and the state of
 * circuits. Each attempt costs one {@code MGET} (pauses) and, with a quota, one Bucket4j
 * compare-and-swap per bucket, sent together; circuits cost nothing per attempt (they are
 * pushed by pub/sub).
 * <p>
 * Redis is never allowed to fail or stall a call: every command has
 * {@link RedisFleetSettings#budget()}, after which the call goes on with this JVM's own
 * limiter, pauses and circuits (or fails at once, if so configured), and
 * {@link #degradedReason()} says why until Redis answers again.
 */
public final class RedisFleetCoordination implements FleetCoordination, AutoCloseable {

	private final RedisClient client;

	private final RedisGuard redis;

	private final SharedQuota quota;

	private final SharedPauses pauses;

	private final SharedCircuits circuits;

	/**
	 * Connects to Redis (lazily: the application starts while Redis is down).
	 * @param uri where Redis is
	 * @param settings quota, budget and behaviour
	 */
	public RedisFleetCoordination(RedisURI uri, RedisFleetSettings settings) {
		Objects.requireNonNull(uri, "uri");
		Objects.requireNonNull(settings, "settings");
		this.client = RedisClient.create();
		this.client.setOptions(ClientOptions.builder()
			.autoReconnect(true)
			.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
			.build());
		RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
		this.redis = new RedisGuard(this.client, uri, codec, settings.budget());
		this.quota = new SharedQuota(this.redis, settings);
		this.pauses = new SharedPauses(this.redis, settings);
		this.circuits = new SharedCircuits(this.redis, this.client, uri, settings.keyPrefix());
	}

	@Override
	public <T> Publisher<T> around(FleetAttempt attempt, Publisher<T> call) {
		// The pause check and the quota reservation go to Redis together (one round trip, not two);
		// a paused attempt gives its reservation back and reserves again once the pause is over.
		return Mono.zip(this.pauses.left(attempt), this.quota.take(attempt))
			.flatMap((checked) -> {
				long paused = checked.getT1();
				if (paused <= 0) {
					return this.quota.awaitTurn(attempt, checked.getT2());
				}
				return checked.getT2().release()
					.then(this.pauses.honour(attempt, paused))
					.then(this.quota.reserve(attempt));
			})
			.flatMapMany((reservation) -> Flux.from(call).concatMap((element) -> {
				long used = usedTokens(element);
				return (used >= 0) ? reservation.settle(used).thenReturn(element) : Mono.just(element);
			}).onErrorResume((failure) -> {
				reservation.refund();
				return this.pauses.record(attempt, failure).then(Mono.error(failure));
			}));
	}

	@Override
	public void circuitOpened(String model, String target, Duration openFor) {
		this.circuits.opened(model, target, openFor);
	}

	@Override
	public void circuitClosed(String model, String target) {
		this.circuits.closed(model, target);
	}

	@Override
	public Duration openElsewhere(String model, String target) {
		return this.circuits.openElsewhere(model, target);
	}

	@Override
	public Mono<Boolean> claimTrial(String model, String target, Duration hold) {
		return this.circuits.claimTrial(model, target, hold);
	}

	/**
	 * Why the fleet runs on this instance's own state, or null while Redis answers within
	 * the budget.
	 * @return the reason, or null
	 */
	public @Nullable String degradedReason() {
		return this.redis.degradedReason();
	}

	/** Tokens a result or chunk reports, or -1 if it reports none. */
	private static long usedTokens(Object element) {
		TokenUsage usage = (element instanceof InferenceResponse<?> response)
				? ((response.value() instanceof TokenUsage value) ? value : null)
				: (element instanceof TokenUsage value) ? value : null;
		if (usage == null || (usage.promptTokens() == null && usage.generatedTokens() == null)) {
			return -1;
		}
		return ((usage.promptTokens() != null) ? usage.promptTokens() : 0)
				+ ((usage.generatedTokens() != null) ? usage.generatedTokens() : 0);
	}

	@Override
	public void close() {
		this.circuits.close();
		this.redis.close();
		this.client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
	}

}
