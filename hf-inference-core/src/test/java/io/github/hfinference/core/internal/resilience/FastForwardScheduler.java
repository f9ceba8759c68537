package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A test scheduler whose clock jumps forward by each delay instead of waiting: a delayed
 * task runs at once (on a single thread) and {@link #now(TimeUnit)} tells the virtual
 * time. It lets calls that involve long retry waits run in milliseconds while their
 * waits stay measurable, with no race between the call and the test advancing time.
 */
public final class FastForwardScheduler implements Scheduler {

	private final AtomicLong nanos = new AtomicLong();

	private final Scheduler delegate = Schedulers.newSingle("fast-forward");

	@Override
	public Disposable schedule(Runnable task) {
		return this.delegate.schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		this.nanos.addAndGet(unit.toNanos(delay));
		return this.delegate.schedule(task);
	}

	@Override
	public long now(TimeUnit unit) {
		return unit.convert(this.nanos.get(), TimeUnit.NANOSECONDS);
	}

	@Override
	public Worker createWorker() {
		Worker worker = this.delegate.createWorker();
		return new Worker() {

			@Override
			public Disposable schedule(Runnable task) {
				return worker.schedule(task);
			}

			@Override
			public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
				FastForwardScheduler.this.nanos.addAndGet(unit.toNanos(delay));
				return worker.schedule(task);
			}

			@Override
			public void dispose() {
				worker.dispose();
			}

			@Override
			public boolean isDisposed() {
				return worker.isDisposed();
			}

		};
	}

	/**
	 * Moves the clock forward without running anything.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	/** The virtual time elapsed since this scheduler was created. */
	public Duration elapsed() {
		return Duration.ofNanos(this.nanos.get());
	}

	@Override
	public void dispose() {
		this.delegate.dispose();
	}

	@Override
	public boolean isDisposed() {
		return this.delegate.isDisposed();
	}

}
