package io.github.hfinference.core.internal.http;

import java.util.concurrent.TimeUnit;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import io.netty.util.concurrent.DefaultThreadFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The scheduler of the transport's timeouts: almost every call arms one and cancels it
 * when the answer comes. On Reactor's parallel scheduler each arming takes the queue's
 * lock and, when no earlier timer is pending, wakes its thread, which costs more CPU
 * than the rest of a small call's bookkeeping. Here arming and cancelling only enqueue
 * (Netty's {@link HashedWheelTimer}, one daemon thread ticking every 10 ms, so a timer
 * fires up to a tick late); a timer that fires hands its work to
 * {@link Schedulers#parallel()}, so no downstream code ever runs on the tick thread.
 */
public final class WheelTimer implements Scheduler {

	/** The one timer of the process. */
	public static final WheelTimer INSTANCE = new WheelTimer();

	private static final long TICK_MILLIS = 10;

	private final HashedWheelTimer wheel = new HashedWheelTimer(new DefaultThreadFactory("hf-inference-timer", true),
			TICK_MILLIS, TimeUnit.MILLISECONDS, 512, false);

	private WheelTimer() {
	}

	@Override
	public Disposable schedule(Runnable task) {
		return Schedulers.parallel().schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		if (delay <= 0) {
			return schedule(task);
		}
		return new Armed(this.wheel.newTimeout((timeout) -> Schedulers.parallel().schedule(task), delay, unit));
	}

	/**
	 * A worker of {@link Schedulers#parallel()}: the timeouts this scheduler serves are
	 * armed through {@link #schedule(Runnable, long, TimeUnit)}, never through a worker.
	 */
	@Override
	public Worker createWorker() {
		return Schedulers.parallel().createWorker();
	}

	/** A pending timer: disposing it cancels it. */
	private record Armed(Timeout timeout) implements Disposable {

		@Override
		public void dispose() {
			this.timeout.cancel();
		}

		@Override
		public boolean isDisposed() {
			return this.timeout.isCancelled() || this.timeout.isExpired();
		}

	}

}
