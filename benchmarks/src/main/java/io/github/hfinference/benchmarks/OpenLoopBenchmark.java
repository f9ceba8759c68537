package io.github.hfinference.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Client CPU per call at a fixed offered rate (open loop), the figure that holds on two
 * shared cores: the stub runs in its own JVM pinned to one CPU, each client in its own JVM
 * pinned to the other ({@code taskset}, when the machine has it and at least two CPUs),
 * and every (client, target) pair is measured in {@code repetitions} interleaved rounds.
 * A round sends calls at {@code rate}/s for the warm-up, then measures the process's CPU
 * time over {@code seconds} and divides it by the calls completed in that window.
 * <p>
 * Clients: (a) raw Reactor Netty + Jackson, (b) the core client, (c) an {@code @HfModel}
 * proxy with the starter's defaults; targets: an endpoint ({@code targets[0].url}) and the
 * router's {@code hf-inference} provider ({@code hf.inference.base-url} at the stub).
 * <p>
 * Each round gives two figures: the process's CPU per call, and the same without the JIT
 * compiler's threads (their run time from {@code /proc/self/task/<tid>/schedstat}, in ns):
 * after the warm-up the compiler still spends 150–800 ms of a 10 s window on late
 * recompilations, as much as 40 µs a call, which moved ratios more than the differences
 * between the clients.
 * <p>
 * Usage: {@code OpenLoopBenchmark [task] [rate] [seconds] [repetitions]} (defaults
 * text-classification, 2000, 5, 5). Prints each round, then a Markdown table: median and
 * spread of µs per call, and the ratio raw ÷ client (1.0 = as cheap as raw), with and
 * without the compiler.
 */
public final class OpenLoopBenchmark {

	private static final List<String> CLIENTS = List.of("raw", "core", "proxy");

	/**
	 * Warm-up of each client before its window ({@code -Dopenloop.warmup=SECONDS}): long
	 * enough that code running once per call has left the JIT's profiling tier (each
	 * round prints the compiler's milliseconds within the window).
	 */
	private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("openloop.warmup", 30));

	private static final List<String> TARGETS = List.of("endpoint", "router");

	private OpenLoopBenchmark() {
	}

	/**
	 * Runs the benchmark, or (first argument {@code child}) one measurement.
	 * @param args see the class description
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("child")) {
			child(URI.create(args[1]), args[2], args[3], args[4], Integer.parseInt(args[5]),
					Double.parseDouble(args[6]));
			return;
		}
		String task = (args.length > 0) ? args[0] : Clients.TC;
		int rate = (args.length > 1) ? Integer.parseInt(args[1]) : 2000;
		double seconds = (args.length > 2) ? Double.parseDouble(args[2]) : 5;
		int repetitions = (args.length > 3) ? Integer.parseInt(args[3]) : 5;
		boolean pin = Runtime.getRuntime().availableProcessors() >= 2 && new File("/usr/bin/taskset").canExecute();
		Process stub = start(pin ? "0" : null, StubServer.class, "0", "1");
		try {
			URI base = URI.create("http://127.0.0.1:" + RunAll.readPort(stub));
			Map<String, List<Double>> micros = new LinkedHashMap<>();
			Map<String, List<Double>> withoutJit = new LinkedHashMap<>();
			for (int repetition = 1; repetition <= repetitions; repetition++) {
				for (String target : TARGETS) {
					for (String client : CLIENTS) {
						Round round = measure(pin, base, client, target, task, rate, seconds);
						micros.computeIfAbsent(target + " " + client, (key) -> new ArrayList<>()).add(round.micros());
						withoutJit.computeIfAbsent(target + " " + client, (key) -> new ArrayList<>())
							.add(round.microsWithoutJit());
						System.out.printf(Locale.ROOT,
								"round %d  %-8s %-6s %8.1f µs CPU per call, %6.1f without the compiler's threads (JIT %s ms in the window)%n",
								repetition, target, client, round.micros(), round.microsWithoutJit(), round.jitMillis());
					}
				}
			}
			System.out.println();
			System.out.printf(Locale.ROOT, "%s at %d calls/s offered, %s s windows, %d rounds, %s%n%n", task, rate,
					seconds, repetitions, pin ? "stub on CPU 0, client on CPU 1" : "not pinned");
			System.out.println("| target | client | µs CPU per call, median [min – max] | raw ÷ client (medians) "
					+ "| without the compiler's threads | raw ÷ client (medians) |");
			System.out.println("|---|---|---|---|---|---|");
			for (String target : TARGETS) {
				double raw = Stats.median(micros.get(target + " raw"));
				double rawWithoutJit = Stats.median(withoutJit.get(target + " raw"));
				for (String client : CLIENTS) {
					List<Double> values = micros.get(target + " " + client);
					List<Double> valuesWithoutJit = withoutJit.get(target + " " + client);
					System.out.printf(Locale.ROOT, "| %s | %s | %s | %.2f | %s | %.2f |%n", target, client,
							Stats.spread(values, "%.1f"), raw / Stats.median(values),
							Stats.spread(valuesWithoutJit, "%.1f"), rawWithoutJit / Stats.median(valuesWithoutJit));
				}
			}
		}
		finally {
			stub.destroy();
		}
	}

	/** One round's figures and the JIT compiler's milliseconds in its window. */
	private record Round(double micros, double microsWithoutJit, String jitMillis) {
	}

	private static Round measure(boolean pin, URI base, String client, String target, String task, int rate,
			double seconds) throws Exception {
		Process child = start(pin ? "1" : null, OpenLoopBenchmark.class, "child", base.toString(), client,
				target, task, Integer.toString(rate), Double.toString(seconds));
		String result = null;
		String jit = "?";
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith("RESULT ")) {
					result = line;
				}
				else if (line.startsWith("JIT ")) {
					jit = line.substring(4);
				}
				else if (line.startsWith("ERROR ")) {
					System.out.println(line);
				}
			}
		}
		if (!child.waitFor(5, TimeUnit.MINUTES) || result == null) {
			child.destroyForcibly();
			throw new IllegalStateException(client + " on " + target + " gave no result");
		}
		String[] figures = result.substring(7).split(" ");
		return new Round(Double.parseDouble(figures[0]), Double.parseDouble(figures[1]), jit);
	}

	private static Process start(String cpu, Class<?> main, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		if (cpu != null) {
			command.addAll(List.of("taskset", "-c", cpu));
		}
		command.addAll(RunAll.java(List.of("-Xms512m", "-Xmx512m", "-XX:+UseParallelGC",
				"-Dopenloop.warmup=" + WARMUP.toSeconds()), main, args));
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
	}

	/** One client on one target: warm up, then measure CPU per call at the offered rate. */
	private static void child(URI base, String client, String target, String task, int rate, double seconds)
			throws Exception {
		try (Clients clients = new Clients(base)) {
			boolean router = target.equals("router");
			Supplier<Mono<?>> call = switch (client) {
				case "raw" -> clients.raw(task, router);
				case "core" -> router ? clients.coreRouter(task) : clients.core(task);
				default -> router ? clients.proxyRouter(task) : clients.proxy(task, false);
			};
			Mono.defer(call).block(Duration.ofSeconds(10));
			offer(call, rate, WARMUP);
			AtomicLong completed = new AtomicLong();
			long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
			long compilerBefore = compilerThreadNanos();
			long cpuBefore = cpuNanos();
			long errors = offer(call, rate, Duration.ofMillis((long) (seconds * 1000)), completed);
			long cpu = cpuNanos() - cpuBefore;
			long compiler = compilerThreadNanos() - compilerBefore;
			System.out.println("JIT " + (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore));
			if (errors > 0) {
				System.out.println("ERROR " + client + " on " + target + ": " + errors + " failed calls");
			}
			long calls = Math.max(1, completed.get());
			System.out.printf(Locale.ROOT, "RESULT %.3f %.3f%n", cpu / 1000.0 / calls, (cpu - compiler) / 1000.0 / calls);
		}
	}

	private static long offer(Supplier<Mono<?>> call, int rate, Duration duration) throws InterruptedException {
		return offer(call, rate, duration, new AtomicLong());
	}

	/** Sends {@code rate} calls per second for the duration, then waits for the last answers. */
	private static long offer(Supplier<Mono<?>> call, int rate, Duration duration, AtomicLong completed)
			throws InterruptedException {
		int perTick = Math.max(1, rate / 1000);
		long ticks = duration.toMillis() * rate / 1000 / perTick;
		CountDownLatch done = new CountDownLatch((int) (ticks * perTick));
		AtomicLong errors = new AtomicLong();
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
		long periodNanos = 1_000_000_000L * perTick / rate;
		AtomicLong sent = new AtomicLong();
		timer.scheduleAtFixedRate(() -> {
			if (sent.get() >= ticks) {
				return;
			}
			sent.incrementAndGet();
			for (int i = 0; i < perTick; i++) {
				call.get().subscribe((value) -> {
				}, (ex) -> {
					if (errors.getAndIncrement() == 0) {
						System.out.println("ERROR first failure: " + ex);
					}
					done.countDown();
				}, () -> {
					completed.incrementAndGet();
					done.countDown();
				});
			}
		}, 0, periodNanos, TimeUnit.NANOSECONDS);
		boolean finished = done.await(duration.toMillis() + 30_000, TimeUnit.MILLISECONDS);
		timer.shutdownNow();
		if (!finished) {
			throw new IllegalStateException("calls did not complete: " + done.getCount() + " outstanding");
		}
		return errors.get();
	}

	/**
	 * The run time of the JIT compiler's threads ({@code C1/C2 CompilerThread*}), in ns, from
	 * {@code /proc/self/task/<tid>/schedstat}; 0 where the system has no such files.
	 */
	private static long compilerThreadNanos() {
		long total = 0;
		try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
			for (Path task : tasks) {
				try {
					if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
						total += Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
					}
				}
				catch (IOException | NumberFormatException ex) {
					// the thread ended between listing and reading
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return total;
	}

	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
