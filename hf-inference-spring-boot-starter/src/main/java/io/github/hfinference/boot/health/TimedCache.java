package io.github.hfinference.boot.health;

import java.time.Duration;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Keeps one computed value for a time to live, so that health checks do not hit rate
 * limited or remote endpoints on every request. Concurrent callers of an expired value
 * wait for one computation.
 *
 * @param <T> the value type
 */
final class TimedCache<T> {

	private final Duration timeToLive;

	private final Supplier<T> computation;

	private @Nullable Entry<T> entry;

	TimedCache(Duration timeToLive, Supplier<T> computation) {
		this.timeToLive = timeToLive;
		this.computation = computation;
	}

	synchronized T get() {
		long now = System.nanoTime();
		Entry<T> current = this.entry;
		if (current != null && now - current.computedAt() < this.timeToLive.toNanos()) {
			return current.value();
		}
		T value = this.computation.get();
		this.entry = new Entry<>(value, System.nanoTime());
		return value;
	}

	private record Entry<T>(T value, long computedAt) {

	}

}
