package io.github.hfinference.core.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Disposable;
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

	/** The latest wait started by {@link #timer}; earlier ones are over (fired or cancelled). */
	private volatile @Nullable Wait current;

	private final Object timerLock = new Object();

	/** The armed timer task, or null. */
	private @Nullable Disposable task;

	/** When the armed task fires ({@link System#nanoTime()}). */
	private long taskDeadline;

	private boolean disposed;

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
				return delay(timeout);
			}
			Sinks.Empty<Void> demand = Sinks.empty();
			this.waiter = demand;
			if (this.outstanding.get() > 0) {
				return delay(timeout);
			}
			return demand.asMono().then(delay(timeout));
		});
	}

	/**
	 * Emits once the time has passed since it was subscribed to, as {@code Mono.delay},
	 * but on the stream's one timer task: a stream's timers follow one another (each event
	 * cancels the wait for it and starts the wait for the next), so instead of scheduling
	 * and cancelling a task per event (a lock on the scheduler's queue each time), the
	 * task stays armed and, when it fires early, re-arms itself for the latest deadline.
	 */
	private Mono<Long> delay(Duration timeout) {
		return new Mono<>() {
			@Override
			public void subscribe(CoreSubscriber<? super Long> actual) {
				Wait wait = new Wait(actual, System.nanoTime() + timeout.toNanos());
				actual.onSubscribe(wait);
				SubscriberDemand.this.current = wait;
				arm(wait.deadline);
			}
		};
	}

	/** Makes sure the timer task fires by the deadline. */
	private void arm(long deadline) {
		synchronized (this.timerLock) {
			if (this.disposed || (this.task != null && this.taskDeadline - deadline <= 0)) {
				return;
			}
			if (this.task != null) {
				this.task.dispose();
			}
			this.taskDeadline = deadline;
			this.task = WheelTimer.INSTANCE.schedule(this::fire, Math.max(0, deadline - System.nanoTime()),
					TimeUnit.NANOSECONDS);
		}
	}

	private void fire() {
		synchronized (this.timerLock) {
			this.task = null;
		}
		Wait wait = this.current;
		if (wait == null || wait.done) {
			return;
		}
		if (wait.deadline - System.nanoTime() <= 0) {
			wait.fire();
		}
		else {
			arm(wait.deadline);
		}
	}

	/** Stops the timer task once the stream is over. */
	void dispose() {
		synchronized (this.timerLock) {
			this.disposed = true;
			if (this.task != null) {
				this.task.dispose();
				this.task = null;
			}
		}
	}

	/** One wait: its subscriber and deadline. */
	private static final class Wait implements Subscription {

		private final CoreSubscriber<? super Long> actual;

		private final long deadline;

		private volatile boolean done;

		Wait(CoreSubscriber<? super Long> actual, long deadline) {
			this.actual = actual;
			this.deadline = deadline;
		}

		void fire() {
			if (!this.done) {
				this.done = true;
				this.actual.onNext(0L);
				this.actual.onComplete();
			}
		}

		@Override
		public void request(long n) {
		}

		@Override
		public void cancel() {
			this.done = true;
		}

	}

}
