package io.github.hfinference.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.routing.InferenceTarget;
import io.github.hfinference.core.routing.ModelDefinition;
import io.github.hfinference.core.task.TextClassification;

/**
 * Starts {@code N} text-classification calls at once through the core client against the
 * stub's {@code /slow} path (answers after one second) and samples, every 10 ms, the
 * calls in flight, the used heap and the live threads. Run in its own JVM (the harness
 * gives it {@code -Xmx256m}); prints one line {@code INFLIGHT key=value ...}.
 */
public final class InFlightProbe {

	private InFlightProbe() {
	}

	/**
	 * Runs the probe.
	 * @param args the stub's base URL and the number of calls
	 */
	public static void main(String[] args) {
		URI base = URI.create(args[0]);
		int calls = Integer.parseInt(args[1]);
		HfInferenceClient client = HfInferenceClient.builder().noTokenLookup().build();
		ModelDefinition model = ModelDefinition.builder("slow")
			.target(new InferenceTarget.Endpoint("stub", base.resolve("/slow"), HfToken.of(Clients.TOKEN, "bench"),
					false))
			.timeout(Duration.ofSeconds(60))
			.build();
		// warm up the code paths (and open a few connections) before measuring
		Flux.range(0, 200).flatMap((i) -> client.call(TextClassification.TASK, model, Clients.TEXT, null), 200)
			.blockLast();
		System.gc();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long baselineHeap = memory.getHeapMemoryUsage().getUsed();
		int baselineThreads = threads.getThreadCount();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger peakInFlight = new AtomicInteger();
		AtomicLong peakHeap = new AtomicLong();
		AtomicInteger peakThreads = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> {
			peakInFlight.accumulateAndGet(inFlight.get(), Math::max);
			peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
			peakThreads.accumulateAndGet(threads.getThreadCount(), Math::max);
		}, 0, 10, TimeUnit.MILLISECONDS);
		long start = System.nanoTime();
		Long ok = Flux.range(0, calls)
			.flatMap((i) -> Mono.defer(() -> {
				inFlight.incrementAndGet();
				return client.call(TextClassification.TASK, model, Clients.TEXT, null);
			}).doFinally((signal) -> inFlight.decrementAndGet()).onErrorResume((ex) -> {
				if (errors.getAndIncrement() == 0) {
					System.err.println("first error: " + ex);
				}
				return Mono.empty();
			}), calls)
			.count()
			.block();
		double seconds = (System.nanoTime() - start) / 1e9;
		sampler.shutdownNow();
		System.out.printf(java.util.Locale.ROOT,
				"INFLIGHT calls=%d ok=%d errors=%d seconds=%.2f peakInFlight=%d peakHeapMb=%.1f baselineHeapMb=%.1f "
						+ "maxHeapMb=%.0f peakThreads=%d baselineThreads=%d%n",
				calls, ok, errors.get(), seconds, peakInFlight.get(), peakHeap.get() / 1048576.0,
				baselineHeap / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0, peakThreads.get(),
				baselineThreads);
		System.exit(0);
	}

}
