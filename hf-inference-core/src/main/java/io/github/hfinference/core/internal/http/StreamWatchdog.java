package io.github.hfinference.core.internal.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The timeouts of one event stream, on one timer task: the first-event and between-event
 * timeouts count only while the subscriber is waiting (has requested an event it has not
 * received), so a slow subscriber exercising backpressure never makes a healthy server
 * look silent; after the end-of-stream marker, the drain of the rest of the body is
 * bounded whatever the demand.
 * <p>
 * An event only records its time. The task stays armed for the earliest deadline it
 * knew; when it fires it works out the current deadline and either expires the stream or
 * re-arms itself, so a stream costs a few timer operations in all instead of a timer per
 * event.
 */
final class StreamWatchdog {

	private static final long NONE = Long.MIN_VALUE;

	private final @Nullable Duration firstEventTimeout;

	private final @Nullable Duration eventTimeout;

	private final Duration drain;

	private final StreamProgress progress;

	private final boolean timesEvents;

	private final AtomicLong outstanding = new AtomicLong();

	/** When the current wait started: the last event, or the request that ended a pause. */
	private volatile long lastActivity;

	private volatile boolean drainArmed;

	private volatile boolean timedOut;

	private final Sinks.One<Boolean> expiry = Sinks.one();

	private final Object timerLock = new Object();

	/** The armed timer task, or null. */
	private @Nullable Disposable task;

	/** When the armed task fires ({@link System#nanoTime()}). */
	private long taskDeadline;

	private boolean disposed;

	/**
	 * Creates the watchdog of one stream.
	 * @param firstEventTimeout the time allowed until the first event, or null for none
	 * @param eventTimeout the time allowed between two events, or null for none
	 * @param drain the time allowed for the rest of the body after the end marker
	 * @param progress the stream's progress (whether it started and ended)
	 */
	StreamWatchdog(@Nullable Duration firstEventTimeout, @Nullable Duration eventTimeout, Duration drain,
			StreamProgress progress) {
		this.firstEventTimeout = firstEventTimeout;
		this.eventTimeout = eventTimeout;
		this.drain = drain;
		this.progress = progress;
		this.timesEvents = firstEventTimeout != null || eventTimeout != null;
	}

	/** Whether the subscriber's demand needs tracking (a first-event or event timeout is set). */
	boolean timesEvents() {
		return this.timesEvents;
	}

	/**
	 * Records a request from the subscriber; a request that ends a pause starts a wait.
	 * @param count the number of events requested
	 */
	void requested(long count) {
		long before = this.outstanding.getAndUpdate((current) -> {
			long sum = current + count;
			return (sum < 0) ? Long.MAX_VALUE : sum;
		});
		if (before == 0) {
			this.lastActivity = System.nanoTime();
			arm(deadline());
		}
	}

	/** Records an event delivered to the subscriber. */
	void delivered() {
		if (this.outstanding.get() != Long.MAX_VALUE) {
			this.outstanding.getAndUpdate((current) -> (current == Long.MAX_VALUE || current == 0) ? current : current - 1);
		}
	}

	/** Records an event read from the server (a comment or keep-alive included). */
	void observed() {
		if (this.timesEvents) {
			this.lastActivity = System.nanoTime();
		}
		if (this.progress.ended() && !this.drainArmed) {
			this.drainArmed = true;
			arm(deadline());
		}
	}

	/**
	 * Emits once the stream waited too long (or drained for too long after its end);
	 * cancelling it (the stream is over) stops the timer.
	 */
	Mono<Boolean> expired() {
		return this.expiry.asMono().doOnCancel(this::dispose);
	}

	/** Whether the stream expired waiting for an event (not while draining after its end). */
	boolean timedOut() {
		return this.timedOut;
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

	/** The current deadline, or {@link #NONE} while nothing is timed. */
	private long deadline() {
		if (this.progress.ended()) {
			return System.nanoTime() + this.progress.remaining(this.drain).toNanos();
		}
		Duration timeout = this.progress.started() ? this.eventTimeout : this.firstEventTimeout;
		if (timeout == null || this.outstanding.get() == 0) {
			return NONE;
		}
		return this.lastActivity + timeout.toNanos();
	}

	/** Makes sure the timer task fires by the deadline. */
	private void arm(long deadline) {
		if (deadline == NONE) {
			return;
		}
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
		long deadline = deadline();
		if (deadline == NONE) {
			return;
		}
		if (deadline - System.nanoTime() <= 0) {
			this.timedOut = !this.progress.ended();
			this.expiry.tryEmitValue(Boolean.TRUE);
		}
		else {
			arm(deadline);
		}
	}

}
