package io.github.hfinference.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Circuit state shared by the fleet: an instance whose circuit opens sets a key that
 * expires when the circuit would try again and publishes the opening on a channel; every
 * instance keeps what it heard in memory, so that asking whether another instance holds a
 * circuit open costs no round trip. The half-open trial call is claimed with
 * {@code SET NX PX}: one instance probes, the others keep the circuit open. Without Redis
 * each instance decides alone, as without this module.
 */
final class SharedCircuits implements AutoCloseable {

	private final RedisGuard redis;

	private final String prefix;

	private final String channel;

	private final String instance = UUID.randomUUID().toString();

	private final Map<String, Long> openUntil = new ConcurrentHashMap<>();

	private final Disposable subscriber;

	private volatile @Nullable StatefulRedisPubSubConnection<String, String> subscription;

	SharedCircuits(RedisGuard redis, RedisClient client, RedisURI uri, String prefix) {
		this.redis = redis;
		this.prefix = prefix;
		this.channel = prefix + "circuits";
		// subscribe now, or once Redis is up; Lettuce resubscribes after a reconnection
		this.subscriber = RedisGuard.connectUntilConnected(() -> client.connectPubSubAsync(StringCodec.UTF8, uri),
				this::subscribe);
	}

	private Mono<StatefulRedisPubSubConnection<String, String>> subscribe(
			StatefulRedisPubSubConnection<String, String> connection) {
		connection.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(String channel, String message) {
				heard(message);
			}
		});
		return Mono.fromCompletionStage(connection.async().subscribe(this.channel)).thenReturn(connection)
			.doOnNext((subscribed) -> this.subscription = subscribed);
	}

	void opened(String model, String target, Duration openFor) {
		long until = System.currentTimeMillis() + openFor.toMillis();
		this.redis.fireAndForget("circuit", (commands) -> commands.set(key(model, target),
				Long.toString(until).getBytes(StandardCharsets.US_ASCII), SetArgs.Builder.px(openFor.toMillis())));
		publish(model, target, until);
	}

	void closed(String model, String target) {
		this.redis.fireAndForget("circuit", (commands) -> commands.del(key(model, target)));
		publish(model, target, 0);
	}

	Duration openElsewhere(String model, String target) {
		Long until = this.openUntil.get(model + '\n' + target);
		long left = (until != null) ? until - System.currentTimeMillis() : 0;
		return (left > 0) ? Duration.ofMillis(left) : Duration.ZERO;
	}

	Mono<Boolean> claimTrial(String model, String target, Duration hold) {
		byte[] owner = this.instance.getBytes(StandardCharsets.US_ASCII);
		return this.redis.call("trial claim",
				(connection) -> connection.async()
					.set(this.prefix + "trial:" + model + ":" + target, owner,
							SetArgs.Builder.nx().px(Math.max(1, hold.toMillis())))
					.thenApply("OK"::equals),
				() -> Mono.just(true));
	}

	private void publish(String model, String target, long until) {
		byte[] message = (this.instance + '\n' + until + '\n' + model + '\n' + target)
			.getBytes(StandardCharsets.UTF_8);
		this.redis.fireAndForget("circuit", (commands) -> commands.publish(this.channel, message));
	}

	private void heard(String message) {
		String[] parts = message.split("\n", 4);
		if (parts.length != 4 || parts[0].equals(this.instance)) {
			return;
		}
		String circuit = parts[2] + '\n' + parts[3];
		long until = Long.parseLong(parts[1]);
		if (until == 0) {
			this.openUntil.remove(circuit);
		}
		else {
			this.openUntil.merge(circuit, until, Math::max);
		}
	}

	private String key(String model, String target) {
		return this.prefix + "circuit:" + model + ":" + target;
	}

	@Override
	public void close() {
		this.subscriber.dispose();
		StatefulRedisPubSubConnection<String, String> current = this.subscription;
		if (current != null) {
			current.close();
		}
	}

}
