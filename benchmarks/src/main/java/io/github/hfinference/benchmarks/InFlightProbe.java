package io.github.hfinference.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.task.TextClassification;

/**
 * Starts {@code N} text-classification calls at once through the core client against the
 * stub's {@code /slow} path (answers after one second) and samples, every 10 ms, the
 * calls in flight, the used heap (and the heap left after the latest collection, an
 * estimate of the live set) and the live threads. Run in its own JVM (the harness
 * gives it {@code -Xmx256m}); prints one line {@code INFLIGHT key=value ...}. With a
 * third argument {@code n > 0} the client gets a pool of {@code n} connections (through
 * {@code webClientBuilder}); otherwise it uses its default pool (500 connections, the
 * other calls wait for one).
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
		int connections = (args.length > 2) ? Integer.parseInt(args[2]) : 0;
		HfInferenceClient.Builder builder = HfInferenceClient.builder().noTokenLookup();
		if (connections > 0) {
			ConnectionProvider pool = ConnectionProvider.builder("probe")
				.maxConnections(connections)
				.pendingAcquireMaxCount(-1)
				.build();
			builder.webClientBuilder(WebClient.builder()
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool).followRedirect(false))));
		}
		HfInferenceClient client = builder.build();
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
		AtomicLong peakAfterGc = new AtomicLong();
		List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null)
			.toList();
		AtomicInteger peakThreads = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		sampler.scheduleAtFixedRate(() -> {
			peakInFlight.accumulateAndGet(inFlight.get(), Math::max);
			peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
			peakAfterGc.accumulateAndGet(heapPools.stream().mapToLong((pool) -> pool.getCollectionUsage().getUsed()).sum(),
					Math::max);
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
				"INFLIGHT connections=%s calls=%d ok=%d errors=%d seconds=%.2f peakInFlight=%d peakHeapMb=%.1f peakAfterGcMb=%.1f baselineHeapMb=%.1f "
						+ "maxHeapMb=%.0f peakThreads=%d baselineThreads=%d%n",
				(connections > 0) ? Integer.toString(connections) : "default", calls, ok, errors.get(), seconds, peakInFlight.get(), peakHeap.get() / 1048576.0, peakAfterGc.get() / 1048576.0,
				baselineHeap / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0, peakThreads.get(),
				baselineThreads);
		System.exit(0);
	}

}
