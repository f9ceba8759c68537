package io.github.hfinference.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.TextClassification;

/**
 * Measures one client on one task in its own JVM, so that no client runs with code that
 * another client's run made megamorphic or left half-compiled: warms it up with 64
 * callers, then runs each concurrency and prints one {@code RESULT key=value ...} line per
 * concurrency.
 * <p>
 * Arguments: the stub's base URL, the client id (see {@link #CLIENTS}), the task, the
 * warm-up and measured windows in milliseconds, and the concurrencies (comma-separated).
 */
public final class LoadMain {

	/** Client ids and names, in the order they are reported. */
	public static final Map<String, String> CLIENTS = orderedClients();

	private LoadMain() {
	}

	private static Map<String, String> orderedClients() {
		java.util.LinkedHashMap<String, String> clients = new java.util.LinkedHashMap<>();
		clients.put("raw", "(a) raw Reactor Netty + Jackson");
		clients.put("core", "(b) core client, reactive");
		clients.put("blocking", "(b) core client, blocking (virtual threads)");
		clients.put("proxy", "(c) @HfModel proxy, Spring Boot (Boot's WebClient.Builder)");
		clients.put("proxy-own", "(c) @HfModel proxy, Spring Boot (client's own HTTP stack)");
		clients.put("layer1", "layer 1: WebClient bodyToMono(byte[]) + task decoder");
		clients.put("layer2", "layer 2: task encoder + HttpTransport (direct Reactor Netty) + task decoder");
		clients.put("layer3", "layer 3: layer 2 + RequestRouter (URL, headers)");
		return java.util.Collections.unmodifiableMap(clients);
	}

	/**
	 * Runs the measurement.
	 * @param args see the class description
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		URI base = URI.create(args[0]);
		String id = args[1];
		String task = args[2];
		Duration warmup = Duration.ofMillis(Long.parseLong(args[3]));
		Duration measure = Duration.ofMillis(Long.parseLong(args[4]));
		int[] concurrencies = Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).toArray();
		String name = CLIENTS.get(id);
		try (Clients clients = new Clients(base)) {
			Supplier<Mono<?>> reactive = switch (id) {
				case "raw" -> clients.raw(task);
				case "core" -> clients.core(task);
				case "blocking" -> null;
				case "proxy" -> clients.proxy(task, false);
				case "proxy-own" -> clients.proxy(task, true);
				default -> new Breakdown(base)
					.layers(Clients.TC.equals(task) ? TextClassification.TASK : FeatureExtraction.TASK,
							Clients.TC.equals(task) ? "/tc" : "/fe")
					.get(id);
			};
			new LoadRunner(Duration.ZERO, warmup.multipliedBy(2)).blockingOrReactive(name, task, 64, reactive,
					clients.blocking(task));
			LoadRunner runner = new LoadRunner(warmup, measure);
			for (int concurrency : concurrencies) {
				LoadResult r = runner.blockingOrReactive(name, task, concurrency, reactive, clients.blocking(task));
				System.out.printf(Locale.ROOT,
						"RESULT id=%s task=%s concurrency=%d calls=%d errors=%d seconds=%.3f p50=%.1f p99=%.1f cpu=%.2f%n",
						id, task, concurrency, r.calls(), r.errors(), r.seconds(), r.p50Micros(), r.p99Micros(),
						r.cpuMicrosPerCall());
			}
		}
		System.exit(0);
	}

}
