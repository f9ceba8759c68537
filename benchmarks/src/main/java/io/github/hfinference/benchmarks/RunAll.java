package io.github.hfinference.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one benchmark command (run by {@code benchmarks/run.sh}): starts the loopback stub
 * in its own JVM, measures every client at 1, 64 and 512 concurrency, the 10,000
 * in-flight probe, the official JS client, and the JMH codec benchmarks, then prints the
 * tables (Markdown) and writes them to {@code benchmarks/target/results.md}.
 * <p>
 * Options: {@code --quick} (short windows, for a smoke run), {@code --skip-js},
 * {@code --skip-jmh}, {@code --skip-load}, {@code --skip-inflight}, {@code --skip-stream} (the
 * streaming chat comparison, {@link StreamChatBenchmark}), {@code --pin} (stub on CPU 1, the
 * streaming chat client on CPU 0, with {@code taskset}), {@code --stream-timeout=60000} (the
 * core model's timeout in the streaming chat comparison, as the Boot starter's default),
 * {@code --clients=a,b,...}
 * (only these load clients, ids of {@link LoadMain#CLIENTS}, e.g. {@code raw,core,layer1};
 * the breakdown layers run only when named),
 * {@code --concurrency=64} (only that concurrency), {@code --tasks=text-classification}.
 */
public final class RunAll {

	private static final int[] CONCURRENCY = { 1, 64, 512 };






	private static final String JS = "@huggingface/inference 4.13.30 (Node)";

	private RunAll() {
	}

	/**
	 * Runs the benchmarks.
	 * @param args options
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		List<String> options = List.of(args);
		boolean quick = options.contains("--quick");
		String clients = option(options, "clients", "");
		clientFilter = clients.isEmpty() ? List.of() : List.of(clients.split(","));
		String task = option(options, "tasks", "");
		tasks = task.isEmpty() ? tasks : List.of(task.split(","));
		String concurrency = option(options, "concurrency", "");
		concurrencies = concurrency.isEmpty() ? CONCURRENCY : new int[] { Integer.parseInt(concurrency) };
		Duration warmup = quick ? Duration.ofSeconds(1) : Duration.ofSeconds(3);
		Duration measure = quick ? Duration.ofSeconds(2) : Duration.ofSeconds(5);
		StringBuilder report = new StringBuilder();
		report.append("# Benchmark results\n\n").append(machine()).append('\n');
		pin = options.contains("--pin");
		Process stub = startStub();
		try {
			URI base = URI.create("http://127.0.0.1:" + readPort(stub));
			List<LoadResult> load = new ArrayList<>();
			if (!options.contains("--skip-load")) {
				load.addAll(load(base, warmup, measure));
				report.append(loadTable(load)).append('\n');
			}
			if (!options.contains("--skip-js")) {
				List<LoadResult> js = js(base, warmup, measure);
				report.append(jsTable(js, load)).append('\n');
			}
			if (!options.contains("--skip-inflight")) {
				report.append(inFlight(base)).append('\n');
			}
			if (!options.contains("--skip-stream")) {
				report.append(streamChat(base, quick, option(options, "stream-timeout", ""))).append('\n');
			}
		}
		finally {
			stub.destroy();
			stub.waitFor(5, TimeUnit.SECONDS);
		}
		if (!options.contains("--skip-jmh")) {
			report.append(jmh(quick)).append('\n');
		}
		report.append("Load average after the run: ").append(loadAverage()).append('\n');
		Path out = Path.of("benchmarks", "target", "results.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println();
		System.out.println(report);
		System.out.println("Written to " + out.toAbsolutePath());
		System.exit(0);
	}

	private static String option(List<String> options, String name, String fallback) {
		return options.stream()
			.filter((option) -> option.startsWith("--" + name + "="))
			.map((option) -> option.substring(name.length() + 3))
			.findFirst()
			.orElse(fallback);
	}

	private static List<String> clientFilter = List.of();

	private static boolean pin;

	private static int[] concurrencies = CONCURRENCY;

	private static List<String> tasks = List.of(Clients.TC, Clients.FE);

	/**
	 * Measures every selected client on every task, each client and task in a JVM of its
	 * own ({@link LoadMain}), so that one client's run does not slow another's down
	 * (shared code made megamorphic, compilation still going on).
	 */
	private static List<LoadResult> load(URI base, Duration warmup, Duration measure) throws Exception {
		List<LoadResult> results = new ArrayList<>();
		String concurrency = String.join(",", java.util.Arrays.stream(concurrencies).mapToObj(Integer::toString).toList());
		for (String task : tasks) {
			for (Map.Entry<String, String> client : LoadMain.CLIENTS.entrySet()) {
				boolean layer = client.getKey().startsWith("layer");
				if (clientFilter.isEmpty() ? layer : !selected(client.getKey())) {
					continue;
				}
				List<String> command = java(List.of("-Xms1g", "-Xmx1g"), LoadMain.class, base.toString(),
						client.getKey(), task, Long.toString(warmup.toMillis()), Long.toString(measure.toMillis()),
						concurrency);
				for (String line : run(Path.of("."), command)) {
					if (line.startsWith("RESULT ")) {
						Map<String, String> v = keyValues(line);
						results.add(print(new LoadResult(client.getValue(), task, Integer.parseInt(v.get("concurrency")),
								Long.parseLong(v.get("calls")), Long.parseLong(v.get("errors")),
								Double.parseDouble(v.get("seconds")), Double.parseDouble(v.get("p50")),
								Double.parseDouble(v.get("p99")), Double.parseDouble(v.get("cpu")))));
					}
				}
			}
		}
		results.sort(java.util.Comparator.comparing((LoadResult r) -> tasks.indexOf(r.task()))
			.thenComparingInt(LoadResult::concurrency));
		return results;
	}

	private static boolean selected(String id) {
		return clientFilter.isEmpty() || clientFilter.contains(id);
	}

	private static LoadResult print(LoadResult result) {
		System.out.printf(Locale.ROOT,
				"%-60s %-20s c=%-4d %9.0f calls/s  p50 %8.0f us  p99 %8.0f us  cpu %6.1f us/call  errors %d%n",
				result.client(), result.task(), result.concurrency(), result.throughput(), result.p50Micros(),
				result.p99Micros(), result.cpuMicrosPerCall(), result.errors());
		return result;
	}

	private static String loadTable(List<LoadResult> results) {
		StringBuilder table = new StringBuilder("## Throughput and latency against the loopback stub\n\n");
		table.append("| task | concurrency | client | calls/s | ratio to (a) | p50 (ms) | p99 (ms) "
				+ "| client CPU µs/call | CPU ratio (a)/x | errors |\n");
		table.append("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
		for (LoadResult result : results) {
			LoadResult raw = results.stream()
				.filter((r) -> r.client().equals(LoadMain.CLIENTS.get("raw")) && r.task().equals(result.task())
						&& r.concurrency() == result.concurrency())
				.findFirst()
				.orElse(result);
			table.append(String.format(Locale.ROOT, "| %s | %d | %s | %.0f | %.2f | %.3f | %.3f | %.1f | %.2f | %d |%n",
					result.task(), result.concurrency(), result.client(), result.throughput(),
					result.throughput() / raw.throughput(), result.p50Micros() / 1000, result.p99Micros() / 1000,
					result.cpuMicrosPerCall(), raw.cpuMicrosPerCall() / result.cpuMicrosPerCall(), result.errors()));
		}
		return table.toString();
	}

	private static List<LoadResult> js(URI base, Duration warmup, Duration measure) throws Exception {
		Path folder = Path.of("benchmarks", "js");
		if (!Files.isDirectory(folder.resolve("node_modules/@huggingface/inference"))) {
			run(folder, List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error"));
		}
		List<LoadResult> results = new ArrayList<>();
		for (int concurrency : concurrencies) {
			String line = run(folder, List.of("node", "bench.mjs", base.resolve("/tc").toString(),
					Integer.toString(concurrency), Long.toString(warmup.toMillis()), Long.toString(measure.toMillis())))
				.stream()
				.filter((l) -> l.startsWith("JSBENCH"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("node bench.mjs printed no result"));
			Map<String, String> values = keyValues(line);
			LoadResult result = new LoadResult(JS, Clients.TC, concurrency, Long.parseLong(values.get("calls")),
					Long.parseLong(values.get("errors")), Double.parseDouble(values.get("seconds")),
					Double.parseDouble(values.get("p50us")), Double.parseDouble(values.get("p99us")), Double.NaN);
			results.add(print(result));
		}
		return results;
	}

	private static String jsTable(List<LoadResult> js, List<LoadResult> load) {
		StringBuilder table = new StringBuilder("## The official JS client on the same text-classification workload\n\n");
		table.append("| concurrency | JS calls/s | JS p50 (ms) | JS p99 (ms) | core reactive calls/s | core / JS |\n");
		table.append("|---:|---:|---:|---:|---:|---:|\n");
		for (LoadResult result : js) {
			double core = load.stream()
				.filter((r) -> r.client().equals(LoadMain.CLIENTS.get("core")) && r.task().equals(Clients.TC)
						&& r.concurrency() == result.concurrency())
				.mapToDouble(LoadResult::throughput)
				.findFirst()
				.orElse(Double.NaN);
			table.append(String.format(Locale.ROOT, "| %d | %.0f | %.3f | %.3f | %.0f | %.1f |%n", result.concurrency(),
					result.throughput(), result.p50Micros() / 1000, result.p99Micros() / 1000, core,
					core / result.throughput()));
		}
		return table.toString();
	}

	private static String inFlight(URI base) throws Exception {
		StringBuilder table = new StringBuilder(
				"## 10,000 calls in flight (core client, stub answers after 1 s, probe JVM -Xmx256m -Xms256m)\n\n"
						+ "| connection pool | calls | completed | errors | wall time (s) | peak in flight "
						+ "| peak heap used (MB) | peak heap after a GC (MB) | heap max (MB) | live threads before → peak |\n"
						+ "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
		for (String connections : List.of("0", "10000")) {
			List<String> command = java(List.of("-Xmx256m", "-Xms256m"), InFlightProbe.class, base.toString(),
					"10000", connections);
			String line = run(Path.of("."), command).stream()
				.filter((l) -> l.startsWith("INFLIGHT"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("the in-flight probe printed no result"));
			System.out.println(line);
			Map<String, String> v = keyValues(line);
			table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s → %s |%n",
					"0".equals(connections) ? "default (500 connections, the rest wait)" : connections + " connections",
					v.get("calls"), v.get("ok"), v.get("errors"), v.get("seconds"), v.get("peakInFlight"),
					v.get("peakHeapMb"), v.get("peakAfterGcMb"), v.get("maxHeapMb"), v.get("baselineThreads"), v.get("peakThreads")));
		}
		return table.toString();
	}

	/**
	 * The streaming chat comparison ({@link StreamChatBenchmark}) in a JVM of its own, on CPU 0
	 * with {@code --pin}; returns its Markdown section.
	 */
	private static String streamChat(URI base, boolean quick, String timeout) throws Exception {
		List<String> command = new ArrayList<>(pinned("0"));
		List<String> arguments = new ArrayList<>(List.of(base.toString(), quick ? "5" : "11", quick ? "100" : "1000",
				quick ? "192" : "2000"));
		if (!timeout.isEmpty()) {
			arguments.add(timeout);
		}
		command.addAll(java(List.of("-Xms1g", "-Xmx1g"), StreamChatBenchmark.class, arguments.toArray(String[]::new)));
		StringBuilder section = new StringBuilder();
		boolean inside = false;
		for (String line : run(Path.of("."), command)) {
			if (line.startsWith("STREAMCHAT ")) {
				System.out.println(line);
			}
			else if (line.equals("BEGIN-SECTION")) {
				inside = true;
			}
			else if (line.equals("END-SECTION")) {
				inside = false;
			}
			else if (inside) {
				section.append(line).append('\n');
			}
		}
		if (pin) {
			section.append("\nStub pinned to CPU 1 and the streaming client to CPU 0 (taskset).\n");
		}
		return section.toString();
	}

	/** {@code taskset -c <cpu>} with {@code --pin}, else nothing. */
	private static List<String> pinned(String cpu) {
		return pin ? List.of("taskset", "-c", cpu) : List.of();
	}

	private static String jmh(boolean quick) throws Exception {
		OptionsBuilder options = new OptionsBuilder();
		options.include(CodecBenchmarks.class.getName()).include(StreamBenchmarks.class.getName());
		options.addProfiler(GCProfiler.class).jvmArgs("-Xms1g", "-Xmx1g").shouldFailOnError(true);
		if (quick) {
			options.warmupIterations(1).measurementIterations(1).warmupTime(TimeValue.milliseconds(300))
				.measurementTime(TimeValue.milliseconds(300));
		}
		Collection<RunResult> results = new Runner(options.build()).run();
		StringBuilder table = new StringBuilder("## JMH: building requests, parsing responses, decoding a stream\n\n");
		table.append("| benchmark | task | time | allocated per op (bytes) |\n|---|---|---:|---:|\n");
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			name = name.substring(name.lastIndexOf('.') + 1);
			String task = result.getParams().getParam("task");
			Result<?> primary = result.getPrimaryResult();
			Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
			table.append(String.format(Locale.ROOT, "| %s | %s | %.1f %s | %s |%n", name, (task != null) ? task : "-",
					primary.getScore(), primary.getScoreUnit(),
					(alloc != null) ? String.format(Locale.ROOT, "%.0f", alloc.getScore()) : "n/a"));
		}
		return table.toString();
	}

	private static Process startStub() throws IOException {
		List<String> command = new ArrayList<>(pinned("1"));
		command.addAll(java(List.of("-Xmx256m", "-XX:+UseParallelGC"), StubServer.class, "0", pin ? "1" : "2"));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	static int readPort(Process stub) throws IOException {
		BufferedReader reader = new BufferedReader(new InputStreamReader(stub.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = reader.readLine()) != null) {
			if (line.startsWith("READY ")) {
				return Integer.parseInt(line.substring(6).strip());
			}
		}
		throw new IllegalStateException("the stub server did not start");
	}

	static List<String> java(List<String> jvmOptions, Class<?> main, String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(main.getName());
		command.addAll(List.of(args));
		return command;
	}

	private static List<String> run(Path directory, List<String> command) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
			}
		}
		int status = process.waitFor();
		if (status != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed with status " + status + ": " + lines);
		}
		return lines;
	}

	private static Map<String, String> keyValues(String line) {
		Map<String, String> values = new LinkedHashMap<>();
		Matcher matcher = Pattern.compile("(\\w+)=(\\S+)").matcher(line);
		while (matcher.find()) {
			values.put(matcher.group(1), matcher.group(2));
		}
		return values;
	}

	private static String machine() {
		Runtime runtime = Runtime.getRuntime();
		return String.format(Locale.ROOT,
				"Run %s on %s %s, %d CPUs seen by the JVM, %s, load average before the run: %s; "
						+ "load JVM max heap %d MB.%n",
				Instant.now(), System.getProperty("os.name"), System.getProperty("os.arch"),
				runtime.availableProcessors(),
				System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), loadAverage(),
				runtime.maxMemory() / 1048576);
	}

	private static String loadAverage() {
		try {
			return Files.readString(new File("/proc/loadavg").toPath()).strip();
		}
		catch (IOException ex) {
			return "n/a";
		}
	}

}
