package io.github.hfinference.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Closed-loop load: {@code concurrency} callers each make one call after the other for a
 * warm-up and then a measured window; only calls that complete inside the window count.
 * Latencies are kept per caller (no shared recorder on the hot path) and merged at the end.
 */
public final class LoadRunner {

	private final Duration warmup;

	private final Duration measure;

	/**
	 * Creates a runner.
	 * @param warmup time run before measuring
	 * @param measure the measured window
	 */
	public LoadRunner(Duration warmup, Duration measure) {
		this.warmup = warmup;
		this.measure = measure;
	}

	/**
	 * Runs a reactive call in a loop from {@code concurrency} callers.
	 * @param client the client's name
	 * @param task the task's name
	 * @param concurrency the callers
	 * @param call makes one call
	 * @return the result
	 */
	public LoadResult reactive(String client, String task, int concurrency, Supplier<Mono<?>> call) {
		Window window = new Window(this.warmup, this.measure, concurrency);
		Flux.range(0, concurrency)
			.flatMap((caller) -> Mono.defer(() -> {
				long start = System.nanoTime();
				return call.get()
					.doOnSuccess((value) -> window.record(caller, start, System.nanoTime(), true))
					.onErrorResume((ex) -> {
						window.error(ex);
						window.record(caller, start, System.nanoTime(), false);
						return Mono.empty();
					});
			}).repeat(window::running).then(), concurrency)
			.blockLast();
		return window.result(client, task);
	}

	/**
	 * Runs a blocking call in a loop from {@code concurrency} virtual threads.
	 * @param client the client's name
	 * @param task the task's name
	 * @param concurrency the callers
	 * @param call makes one call and waits for it
	 * @return the result
	 * @throws InterruptedException if interrupted
	 */
	public LoadResult blocking(String client, String task, int concurrency, Supplier<?> call)
			throws InterruptedException {
		Window window = new Window(this.warmup, this.measure, concurrency);
		CountDownLatch done = new CountDownLatch(concurrency);
		for (int i = 0; i < concurrency; i++) {
			int caller = i;
			Thread.ofVirtual().start(() -> {
				try {
					while (window.running()) {
						long start = System.nanoTime();
						try {
							call.get();
							window.record(caller, start, System.nanoTime(), true);
						}
						catch (RuntimeException ex) {
							window.error(ex);
							window.record(caller, start, System.nanoTime(), false);
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		return window.result(client, task);
	}

	/**
	 * Runs the reactive call if there is one, else the blocking call on virtual threads.
	 * @param client the client's name
	 * @param task the task's name
	 * @param concurrency the callers
	 * @param reactive the reactive call, or null
	 * @param blocking the blocking call
	 * @return the result
	 * @throws InterruptedException if interrupted
	 */
	public LoadResult blockingOrReactive(String client, String task, int concurrency,
			@org.jspecify.annotations.Nullable Supplier<Mono<?>> reactive, Supplier<?> blocking)
			throws InterruptedException {
		return (reactive != null) ? reactive(client, task, concurrency, reactive)
				: blocking(client, task, concurrency, blocking);
	}

	/** The measured window and per-caller latency buffers. */
	static final class Window {

		private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "cpu-sampler");
			thread.setDaemon(true);
			return thread;
		});

		private final AtomicLong cpuStart = new AtomicLong(-1);

		private final AtomicLong cpuEnd = new AtomicLong(-1);

		private final long measureStart;

		private final long measureEnd;

		private final long[][] latencies;

		private final int[] counts;

		private final AtomicLong errors = new AtomicLong();

		private volatile Throwable firstError;

		Window(Duration warmup, Duration measure, int callers) {
			this.measureStart = System.nanoTime() + warmup.toNanos();
			this.measureEnd = this.measureStart + measure.toNanos();
			this.latencies = new long[callers][1024];
			this.counts = new int[callers];
			long now = System.nanoTime();
			CLOCK.schedule(() -> this.cpuStart.set(cpuTime()), this.measureStart - now, TimeUnit.NANOSECONDS);
			CLOCK.schedule(() -> this.cpuEnd.set(cpuTime()), this.measureEnd - now, TimeUnit.NANOSECONDS);
		}

		private static long cpuTime() {
			return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
		}

		boolean running() {
			return System.nanoTime() < this.measureEnd;
		}

		void record(int caller, long start, long end, boolean success) {
			if (start < this.measureStart || end > this.measureEnd) {
				return;
			}
			if (!success) {
				this.errors.incrementAndGet();
				return;
			}
			int count = this.counts[caller];
			long[] buffer = this.latencies[caller];
			if (count == buffer.length) {
				buffer = Arrays.copyOf(buffer, buffer.length * 2);
				this.latencies[caller] = buffer;
			}
			buffer[count] = end - start;
			this.counts[caller] = count + 1;
		}

		void error(Throwable ex) {
			if (this.firstError == null) {
				this.firstError = ex;
			}
		}

		LoadResult result(String client, String task) {
			long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
			while (this.cpuEnd.get() < 0 && System.nanoTime() < wait) {
				try {
					Thread.sleep(1);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			int total = Arrays.stream(this.counts).sum();
			long[] all = new long[total];
			int offset = 0;
			for (int i = 0; i < this.counts.length; i++) {
				System.arraycopy(this.latencies[i], 0, all, offset, this.counts[i]);
				offset += this.counts[i];
			}
			Arrays.sort(all);
			if (this.firstError != null) {
				System.err.println("  " + client + " " + task + ": " + this.errors.get() + " errors, first: "
						+ this.firstError);
			}
			double seconds = (this.measureEnd - this.measureStart) / 1e9;
			long cpu = (this.cpuStart.get() >= 0 && this.cpuEnd.get() >= 0) ? this.cpuEnd.get() - this.cpuStart.get() : -1;
			return new LoadResult(client, task, this.counts.length, total, this.errors.get(), seconds,
					percentile(all, 0.50), percentile(all, 0.99), (cpu >= 0 && total > 0) ? cpu / 1000.0 / total : Double.NaN);
		}

		private static double percentile(long[] sorted, double p) {
			if (sorted.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
			return sorted[Math.max(0, index)] / 1000.0;
		}

	}

}
