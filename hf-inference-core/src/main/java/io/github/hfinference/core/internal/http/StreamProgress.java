package io.github.hfinference.core.internal.http;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * How far one event stream got: whether any event arrived and whether (and when) the
 * end-of-stream marker did.
 */
final class StreamProgress {

	private volatile boolean started;

	private volatile boolean ended;

	private volatile long endedAt;

	/**
	 * Records an event.
	 * @param event the event
	 * @param endOfStream tests an event for the end-of-stream marker
	 */
	void observe(SseEvent event, Predicate<SseEvent> endOfStream) {
		this.started = true;
		if (!this.ended && event.data() != null && endOfStream.test(event)) {
			this.endedAt = System.nanoTime();
			this.ended = true;
		}
	}

	/** Whether any event (a comment included) arrived. */
	boolean started() {
		return this.started;
	}

	/** Whether the end-of-stream marker arrived. */
	boolean ended() {
		return this.ended;
	}

	/**
	 * What is left of a wait that started with the end-of-stream marker.
	 * @param wait the whole wait
	 * @return the time left, zero if none
	 */
	Duration remaining(Duration wait) {
		Duration left = wait.minusNanos(System.nanoTime() - this.endedAt);
		return left.isNegative() ? Duration.ZERO : left;
	}

}
