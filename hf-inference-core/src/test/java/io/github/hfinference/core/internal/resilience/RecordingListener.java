package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.observation.ResilienceListener;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;

/**
 * A listener that records every event as a short line, and the details tests assert.
 */
public final class RecordingListener implements ResilienceListener {

	/** Every event in order, e.g. {@code retry primary #2 30000ms HfRateLimitException}. */
	public final List<String> events = new CopyOnWriteArrayList<>();

	/** The waits of retry events, in order. */
	public final List<Duration> waits = new CopyOnWriteArrayList<>();

	/** The failures of retry and failover events, in order. */
	public final List<Throwable> failures = new CopyOnWriteArrayList<>();

	@Override
	public void onRetry(String model, String target, int attempt, Throwable failure, Duration wait) {
		this.events.add("retry " + target + " #" + attempt + " " + wait.toMillis() + "ms "
				+ failure.getClass().getSimpleName());
		this.waits.add(wait);
		this.failures.add(failure);
	}

	@Override
	public void onFailover(String model, String from, String to, Throwable failure) {
		this.events.add("failover " + from + " -> " + to + " " + failure.getClass().getSimpleName());
		this.failures.add(failure);
	}

	@Override
	public void onCircuitStateChange(String model, String target, CircuitState from, CircuitState to) {
		this.events.add("circuit " + target + " " + from + " -> " + to);
	}

	@Override
	public void onRateLimited(String model, String target, @Nullable Duration retryAfter) {
		this.events.add("rate-limited " + target + " " + ((retryAfter != null) ? retryAfter.toMillis() + "ms" : "?"));
	}

	@Override
	public void onAdmissionRejected(String model, HfAdmissionRejectedException rejection) {
		this.events.add("rejected " + model + " " + rejection.getReason());
	}

	/** The events starting with a prefix. */
	public List<String> events(String prefix) {
		return this.events.stream().filter((event) -> event.startsWith(prefix)).toList();
	}

}
