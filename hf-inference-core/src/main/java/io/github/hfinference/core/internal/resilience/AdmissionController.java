package io.github.hfinference.core.internal.resilience;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

import io.github.hfinference.core.ResiliencePolicy.AdmissionSettings;
import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.error.HfAdmissionRejectedException.Reason;

/**
 * Client-side admission for one model, without blocking a thread: at most
 * {@code maxConcurrentCalls} permits out at once and, if {@code maxCallsPerSecond} is
 * set, call starts spaced by at least {@code 1 / maxCallsPerSecond}. A call that cannot
 * start at once waits, first in first out, if fewer than {@code maxQueueSize} calls are
 * waiting, for at most {@code maxQueueWait}; otherwise it fails with
 * {@link HfAdmissionRejectedException}.
 * <p>
 * A permit is released exactly once, whether its call completes, fails or is cancelled;
 * a call cancelled while waiting leaves the queue.
 */
final class AdmissionController {

	private final String model;

	private final AdmissionSettings settings;

	private final Scheduler scheduler;

	private final ResilienceEvents events;

	private final long slotNanos;

	private final long maxQueueWaitNanos;

	private final ArrayDeque<Waiter> queue = new ArrayDeque<>();

	private int inFlight;

	private int waiting;

	private long nextSlotNanos = Long.MIN_VALUE;

	AdmissionController(String model, AdmissionSettings settings, Scheduler scheduler, ResilienceEvents events) {
		this.model = model;
		this.settings = settings;
		this.scheduler = scheduler;
		this.events = events;
		this.slotNanos = (settings.maxCallsPerSecond() > 0) ? Math.round(1e9 / settings.maxCallsPerSecond()) : 0;
		this.maxQueueWaitNanos = settings.maxQueueWait().toNanos();
	}

	/** A permit to start a call, once admitted; fails with {@link HfAdmissionRejectedException}. */
	Mono<Permit> acquire() {
		return Mono.create((sink) -> {
			Waiter waiter = new Waiter(sink);
			sink.onCancel(() -> cancel(waiter));
			HfAdmissionRejectedException rejection = null;
			Permit immediate = null;
			synchronized (this) {
				if (waiter.state != WaiterState.NEW) {
					return;
				}
				long now = now();
				if (hasFreePermit()) {
					long wait = slotDelay(now);
					if (wait > 0 && this.waiting >= this.settings.maxQueueSize()) {
						rejection = queueFull();
					}
					else if (wait > this.maxQueueWaitNanos) {
						rejection = rejection(Reason.WAIT_EXCEEDED, "it would wait " + wait / 1_000_000
								+ " ms for its rate slot, longer than maxQueueWait=" + this.settings.maxQueueWait());
					}
					else {
						if (wait > 0) {
							this.waiting++;
						}
						start(waiter, now, wait);
						immediate = (wait == 0) ? waiter.permit : null;
					}
				}
				else if (this.waiting >= this.settings.maxQueueSize()) {
					rejection = queueFull();
				}
				else {
					this.waiting++;
					waiter.deadlineNanos = now + this.maxQueueWaitNanos;
					waiter.state = WaiterState.QUEUED;
					this.queue.add(waiter);
					waiter.timer = this.scheduler.schedule(() -> expire(waiter), this.maxQueueWaitNanos,
							TimeUnit.NANOSECONDS);
				}
			}
			if (rejection != null) {
				reject(sink, rejection);
			}
			else if (immediate != null) {
				sink.success(immediate);
			}
		});
	}

	/** Calls holding a permit (including those about to start at their rate slot). */
	synchronized int inFlight() {
		return this.inFlight;
	}

	/** Calls admitted to wait and not started yet. */
	synchronized int waiting() {
		return this.waiting;
	}

	/** The limits this controller enforces. */
	AdmissionSettings settings() {
		return this.settings;
	}

	private boolean hasFreePermit() {
		return this.settings.maxConcurrentCalls() == 0
				|| (this.inFlight < this.settings.maxConcurrentCalls() && this.queue.isEmpty());
	}

	private long slotDelay(long now) {
		// before the first start there is no slot to wait for (and MIN_VALUE - now would overflow)
		return (this.slotNanos > 0 && this.nextSlotNanos != Long.MIN_VALUE) ? Math.max(0, this.nextSlotNanos - now)
				: 0;
	}

	/**
	 * Hands a permit to a waiter and reserves its rate slot; a waiter that must wait for
	 * its slot stays counted as waiting until the slot is reached.
	 */
	private void start(Waiter waiter, long now, long wait) {
		this.inFlight++;
		if (this.slotNanos > 0) {
			this.nextSlotNanos = now + wait + this.slotNanos;
		}
		waiter.permit = new Permit();
		if (wait == 0) {
			waiter.state = WaiterState.GRANTED;
		}
		else {
			waiter.state = WaiterState.SCHEDULED;
			waiter.timer = this.scheduler.schedule(() -> slotReached(waiter), wait, TimeUnit.NANOSECONDS);
		}
	}

	private void slotReached(Waiter waiter) {
		synchronized (this) {
			if (waiter.state != WaiterState.SCHEDULED) {
				return;
			}
			this.waiting--;
			waiter.state = WaiterState.GRANTED;
		}
		deliver(waiter);
	}

	private void expire(Waiter waiter) {
		synchronized (this) {
			if (waiter.state != WaiterState.QUEUED) {
				return;
			}
			this.queue.remove(waiter);
			this.waiting--;
			waiter.state = WaiterState.DONE;
		}
		reject(waiter.sink, waitExceeded());
	}

	private void release() {
		Waiter granted = null;
		List<Waiter> expired = new ArrayList<>();
		synchronized (this) {
			this.inFlight--;
			for (Waiter next = this.queue.poll(); next != null; next = this.queue.poll()) {
				disposeTimer(next);
				long now = now();
				long wait = slotDelay(now);
				if (now + wait > next.deadlineNanos) {
					this.waiting--;
					next.state = WaiterState.DONE;
					expired.add(next);
					continue;
				}
				if (wait == 0) {
					this.waiting--;
				}
				start(next, now, wait);
				granted = (wait == 0) ? next : null;
				break;
			}
		}
		expired.forEach((waiter) -> reject(waiter.sink, waitExceeded()));
		if (granted != null) {
			deliver(granted);
		}
	}

	/** Completes a waiter on the scheduler: a call must not run inside the completion of another. */
	private void deliver(Waiter waiter) {
		Permit permit = waiter.permit;
		if (permit != null) {
			this.scheduler.schedule(() -> waiter.sink.success(permit));
		}
	}

	private void cancel(Waiter waiter) {
		Permit toRelease = null;
		synchronized (this) {
			switch (waiter.state) {
				case QUEUED -> {
					this.queue.remove(waiter);
					this.waiting--;
				}
				case SCHEDULED -> {
					this.waiting--;
					toRelease = waiter.permit;
				}
				case GRANTED -> toRelease = waiter.permit;
				default -> {
				}
			}
			disposeTimer(waiter);
			waiter.state = WaiterState.DONE;
		}
		if (toRelease != null) {
			toRelease.release();
		}
	}

	private static void disposeTimer(Waiter waiter) {
		if (waiter.timer != null) {
			waiter.timer.dispose();
		}
	}

	private HfAdmissionRejectedException queueFull() {
		return rejection(Reason.QUEUE_FULL,
				"it cannot start now and the wait queue is full (maxQueueSize=" + this.settings.maxQueueSize() + ")");
	}

	private HfAdmissionRejectedException waitExceeded() {
		return rejection(Reason.WAIT_EXCEEDED,
				"it waited maxQueueWait=" + this.settings.maxQueueWait() + " without being admitted");
	}

	private HfAdmissionRejectedException rejection(Reason reason, String why) {
		String limits = "maxConcurrentCalls=" + this.settings.maxConcurrentCalls()
				+ ((this.slotNanos > 0) ? ", maxCallsPerSecond=" + this.settings.maxCallsPerSecond() : "");
		return new HfAdmissionRejectedException(this.model, reason,
				"Call to model '" + this.model + "' not admitted: " + why + " (" + limits + ")");
	}

	private void reject(MonoSink<Permit> sink, HfAdmissionRejectedException rejection) {
		this.events.admissionRejected(this.model, rejection);
		sink.error(rejection);
	}

	private long now() {
		return this.scheduler.now(TimeUnit.NANOSECONDS);
	}

	private enum WaiterState {

		/** Just arrived. */
		NEW,

		/** Waiting in the queue for a permit. */
		QUEUED,

		/** Holding a permit, waiting for its rate slot. */
		SCHEDULED,

		/** Holding a permit, started or starting. */
		GRANTED,

		/** Rejected, expired or cancelled. */
		DONE

	}

	private static final class Waiter {

		final MonoSink<Permit> sink;

		WaiterState state = WaiterState.NEW;

		long deadlineNanos;

		@Nullable Disposable timer;

		@Nullable Permit permit;

		Waiter(MonoSink<Permit> sink) {
			this.sink = sink;
		}

	}

	/** The right to run one call; released once, however often {@link #release()} is called. */
	final class Permit {

		private final AtomicBoolean released = new AtomicBoolean();

		/** Gives the permit back (idempotent). */
		void release() {
			if (this.released.compareAndSet(false, true)) {
				AdmissionController.this.release();
			}
		}

	}

}
