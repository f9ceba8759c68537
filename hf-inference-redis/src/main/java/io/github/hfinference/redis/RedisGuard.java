package io.github.hfinference.redis;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.RedisCodec;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one way to Redis: every command gets the budget, a failure or a command slower than
 * the budget marks the fleet degraded (with the reason) and the caller's fall-back runs
 * instead. While degraded, one command a second is let through to find out whether Redis
 * is back. The connection is opened in the background, so that an application starts
 * while Redis is down and connects once it is up (Lettuce reconnects an established
 * connection itself).
 */
final class RedisGuard implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisGuard.class);

	/** How often a degraded fleet tries Redis again. */
	static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

	private final RedisURI uri;

	private final Disposable connecting;

	private final Duration budget;

	private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;

	private volatile @Nullable String degradedReason;

	private volatile long retryAtNanos;

	RedisGuard(RedisClient client, RedisURI uri, RedisCodec<String, byte[]> codec, Duration budget) {
		this.uri = uri;
		this.budget = budget;
		this.degradedReason = "not connected to Redis yet";
		this.retryAtNanos = System.nanoTime();
		this.connecting = connectUntilConnected(() -> client.connectAsync(codec, uri), (opened) -> {
			this.connection = opened;
			healthy();
			return Mono.just(opened);
		});
	}

	/**
	 * Runs a command within the budget.
	 * @param what what the command is for, for the degraded reason
	 * @param command the command
	 * @param fallback what to answer when Redis cannot
	 * @return the command's answer, or the fall-back's
	 */
	<T> Mono<T> call(String what, Function<StatefulRedisConnection<String, byte[]>, ? extends CompletionStage<T>> command,
			Supplier<Mono<T>> fallback) {
		return Mono.defer(() -> {
			if (skipping()) {
				return fallback.get();
			}
			return connection().flatMap((connection) -> Mono.fromCompletionStage(command.apply(connection)))
				.timeout(this.budget)
				.doOnNext((answer) -> healthy())
				.onErrorResume((failure) -> {
					degraded(what, failure);
					return fallback.get();
				});
		});
	}

	/** Runs a command within the budget, ignoring its answer and any failure. */
	void fireAndForget(String what, Function<RedisAsyncCommands<String, byte[]>, ? extends CompletionStage<?>> command) {
		call(what, (connection) -> command.apply(connection.async()).thenApply((answer) -> Boolean.TRUE), Mono::empty)
			.subscribe();
	}

	/** Why the fleet is degraded, or null while Redis answers within the budget. */
	@Nullable String degradedReason() {
		return this.degradedReason;
	}

	/** Whether a command would skip Redis now (degraded, and not yet time to try again). */
	boolean skipping() {
		return this.degradedReason != null && System.nanoTime() - this.retryAtNanos < 0;
	}

	Duration budget() {
		return this.budget;
	}

	private Mono<StatefulRedisConnection<String, byte[]>> connection() {
		StatefulRedisConnection<String, byte[]> current = this.connection;
		return (current != null) ? Mono.just(current)
				: Mono.error(new IllegalStateException("not connected to " + this.uri.getHost() + ":"
						+ this.uri.getPort() + " yet"));
	}

	/**
	 * Connects now, or once Redis is up, trying every {@link #RETRY_INTERVAL}; Lettuce
	 * reconnects an established connection by itself.
	 * @param connect opens a connection
	 * @param connected takes the connection, once open
	 * @return stops trying
	 */
	static <C> Disposable connectUntilConnected(Supplier<? extends CompletionStage<C>> connect,
			Function<C, Mono<C>> connected) {
		return Flux.interval(Duration.ZERO, RETRY_INTERVAL)
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.fromCompletionStage(connect).flatMap(connected).onErrorResume((failure) -> {
				logger.debug("Cannot connect to Redis yet: " + failure);
				return Mono.empty();
			}), 1)
			.next()
			.subscribe();
	}

	private void healthy() {
		if (this.degradedReason != null) {
			this.degradedReason = null;
			logger.info("Redis answers again within " + this.budget.toMillis()
					+ " ms: quota, pauses and circuits are shared by the fleet again");
		}
	}

	private void degraded(String what, Throwable failure) {
		String reason = (failure instanceof TimeoutException)
				? "Redis did not answer (" + what + ") within the budget of " + this.budget.toMillis() + " ms"
				: "Redis failed (" + what + "): " + failure.getClass().getSimpleName()
						+ ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
		this.retryAtNanos = System.nanoTime() + RETRY_INTERVAL.toNanos();
		if (this.degradedReason == null) {
			logger.warn(reason + "; falling back to this instance's own quota, pauses and circuits until it answers");
		}
		this.degradedReason = reason;
	}

	@Override
	public void close() {
		this.connecting.dispose();
		StatefulRedisConnection<String, byte[]> current = this.connection;
		if (current != null) {
			current.close();
		}
	}

}
