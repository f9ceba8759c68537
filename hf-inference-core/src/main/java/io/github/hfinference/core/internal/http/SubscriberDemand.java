package io.github.hfinference.core.internal.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Tracks how many events a stream's subscriber has requested but not yet received, so
 * that a stream timeout only runs while the subscriber is waiting: a slow subscriber
 * exercising backpressure must not make a healthy server look idle.
 */
final class SubscriberDemand {

	private final AtomicLong outstanding = new AtomicLong();

	private volatile Sinks.@Nullable Empty<Void> waiter;

	/**
	 * Records a request from the subscriber.
	 * @param count the number of events requested
	 */
	void requested(long count) {
		this.outstanding.getAndUpdate((current) -> {
			long sum = current + count;
			return (sum < 0) ? Long.MAX_VALUE : sum;
		});
		Sinks.Empty<Void> current = this.waiter;
		if (current != null) {
			current.tryEmitEmpty();
		}
	}

	/** Records an event delivered to the subscriber. */
	void delivered() {
		this.outstanding.getAndUpdate((current) -> (current == Long.MAX_VALUE || current == 0) ? current : current - 1);
	}

	/**
	 * A timer that starts once the subscriber is waiting for an event and then fires after
	 * the given time.
	 * @param timeout the time allowed, or null for a timer that never fires
	 * @return the timer
	 */
	Mono<Long> timer(@Nullable Duration timeout) {
		if (timeout == null) {
			return Mono.never();
		}
		return Mono.defer(() -> {
			if (this.outstanding.get() > 0) {
				return Mono.delay(timeout);
			}
			Sinks.Empty<Void> demand = Sinks.empty();
			this.waiter = demand;
			if (this.outstanding.get() > 0) {
				return Mono.delay(timeout);
			}
			return demand.asMono().then(Mono.delay(timeout));
		});
	}

}
