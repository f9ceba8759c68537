package io.github.hfinference.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.lettuce.core.RedisURI;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.AdmissionSettings;
import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.fleet.FleetCoordination;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.redis.QuotaLimits;
import io.github.hfinference.redis.RedisFleetCoordination;
import io.github.hfinference.redis.RedisFleetSettings;

/**
 * Four clients with their own state, as four JVMs would have, sharing one token against a
 * loopback stub that enforces an account limit (a token bucket of {@code LIMIT} requests a
 * minute, 429 with {@code Retry-After}, {@code RateLimit} and {@code RateLimit-Policy}
 * beyond it): with the shared quota on a real {@code redis-server}, and with today's
 * per-instance limiter ({@code maxCallsPerSecond} at the whole account's rate in each
 * instance). Then the latency the shared quota adds at 64 callers paced at a fixed rate
 * against an unlimited stub. Needs {@code redis-server} on the PATH.
 * <p>
 * Usage: {@code FleetBenchmark [seconds per limited run, default 30] [overhead]} ({@code overhead}:
 * only the overhead rounds; {@code -Dfleet.rate}, {@code -Dfleet.rounds} set their pace and number).
 */
public final class FleetBenchmark {

	static final int LIMIT = 1200;

	/** The shared quota configured: the account's limit less a little headroom for clock and network jitter. */
	static final int QUOTA = Integer.getInteger("fleet.quota", LIMIT * 97 / 100);

	static final int CLIENTS = 4;

	static final int CALLERS = 64;

	/**
	 * The Redis budget of the benchmark: above the 50 ms default, so that a machine shared
	 * with other work measures the shared quota rather than its local fall-back.
	 */
	static final Duration BUDGET = Duration.ofMillis(Long.getLong("fleet.budget.millis", 250));

	private FleetBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 30;
		boolean overheadOnly = args.length > 1 && args[1].equals("overhead");
		int redisPort = freePort();
		Process redis = startRedis(redisPort);
		try {
			RedisURI redisUri = RedisURI.create("127.0.0.1", redisPort);
			System.out.printf("Account limit %d requests/min, shared quota %d/min, Redis budget %d ms, %d clients, "
					+ "%d callers, %d s per run%n", LIMIT, QUOTA, BUDGET.toMillis(), CLIENTS, CALLERS, seconds);
			if (!overheadOnly) {
				limited("shared quota (Redis)", seconds, (i) -> fleet(redisUri, new QuotaLimits(QUOTA, 0)), false);
				limited("per-instance limiter", seconds, (i) -> FleetCoordination.LOCAL, true);
			}
			overhead(redisUri, 10);
		}
		finally {
			redis.destroyForcibly();
		}
		System.exit(0);
	}

	private static void limited(String name, int seconds, Function<Integer, FleetCoordination> fleets,
			boolean localLimiter) throws InterruptedException {
		Bucket account = Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(LIMIT).refillGreedy(LIMIT, Duration.ofMinutes(1)).build())
			.build();
		AtomicLong served = new AtomicLong();
		AtomicLong rejected = new AtomicLong();
		DisposableServer stub = stub((request) -> {
			ConsumptionProbe probe = account.tryConsumeAndReturnRemaining(1);
			if (probe.isConsumed()) {
				served.incrementAndGet();
				return null;
			}
			rejected.incrementAndGet();
			return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
		});
		List<HfInferenceClient> clients = new ArrayList<>();
		List<FleetCoordination> coordination = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			FleetCoordination fleet = fleets.apply(i);
			coordination.add(fleet);
			clients.add(client(stub, fleet));
		}
		// no retry and no circuit breaker: every 429 is counted, and none stops the traffic for 30 s
		ResiliencePolicy policy = ResiliencePolicy.defaults()
			.withRetry(RetrySettings.disabled())
			.withCircuitBreaker(new CircuitBreakerSettings(false, 5, Duration.ofSeconds(30)));
		if (localLimiter) {
			policy = policy.withAdmission(new AdmissionSettings(0, LIMIT / 60.0, 100_000, Duration.ofMinutes(5)));
		}
		ModelDefinition model = model(policy);
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		AtomicLong rateLimitErrors = new AtomicLong();
		ConcurrentLinkedQueue<String> otherErrors = new ConcurrentLinkedQueue<>();
		Flux.range(0, CALLERS)
			.flatMap((caller) -> Mono.defer(() -> clients.get(caller % CLIENTS)
				.call(TextClassification.TASK, model, "I like you", null)
				.then()
				.onErrorResume(HfRateLimitException.class, (ex) -> {
					rateLimitErrors.incrementAndGet();
					return Mono.empty();
				})
				.onErrorResume((ex) -> {
					if (otherErrors.size() < 3) {
						otherErrors.add(ex.toString());
					}
					return Mono.empty();
				}))
				.repeat(() -> System.nanoTime() < end), CALLERS)
			.blockLast(Duration.ofSeconds(seconds + 120));
		long allowed = LIMIT + (long) LIMIT * seconds / 60;
		long sent = served.get() + rejected.get();
		System.out.printf("%-22s sent %6d, served %6d (%.1f %% of the %d the limit allows in %d s), 429 %6d "
				+ "(%.2f %% of calls sent), calls failed with a rate limit %d%n", name, sent, served.get(),
				100.0 * served.get() / allowed, allowed, seconds, rejected.get(),
				(sent == 0) ? 0.0 : 100.0 * rejected.get() / sent, rateLimitErrors.get());
		otherErrors.forEach((error) -> System.out.println("  other failure: " + error));
		coordination.stream().filter(RedisFleetCoordination.class::isInstance)
			.forEach((fleet) -> ((RedisFleetCoordination) fleet).close());
		stub.disposeNow();
	}

	/**
	 * The latency the shared quota adds, against an unlimited stub and a quota too large to
	 * bite. Paced: 64 callers each start one call every {@code 64 / rate} seconds (in all
	 * {@code fleet.rate} calls/s, default 8,000, a rate both set-ups sustain on two cores),
	 * latency counted from when a call was due, so a call held up behind another counts its
	 * wait. Closed loop at full speed mostly measures which set-up saturates the CPUs first,
	 * so it is printed for contrast only. Interleaved rounds after a warm-up, medians reported.
	 */
	private static void overhead(RedisURI redisUri, int seconds) {
		DisposableServer stub = stub((request) -> null);
		ModelDefinition model = model(ResiliencePolicy.defaults().withRetry(RetrySettings.disabled()));
		RedisFleetCoordination fleet = fleet(redisUri, new QuotaLimits(100_000_000, 0));
		HfInferenceClient local = client(stub, FleetCoordination.LOCAL);
		HfInferenceClient shared = client(stub, fleet);
		int rate = Integer.getInteger("fleet.rate", 8000);
		int rounds = Integer.getInteger("fleet.rounds", 5);
		latencies(local, model, seconds, rate);
		latencies(shared, model, seconds, rate);
		List<Double> localP50 = new ArrayList<>(), localP99 = new ArrayList<>(), sharedP50 = new ArrayList<>(),
				sharedP99 = new ArrayList<>(), added = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			double[] without = latencies(local, model, seconds, rate);
			double[] with = latencies(shared, model, seconds, rate);
			System.out.printf("  round %d at %d calls/s: without fleet p50 %.0f µs p99 %.0f µs; shared quota p50 %.0f µs "
					+ "p99 %.0f µs%n", round + 1, rate, without[0], without[1], with[0], with[1]);
			localP50.add(without[0]);
			localP99.add(without[1]);
			sharedP50.add(with[0]);
			sharedP99.add(with[1]);
			added.add(with[1] - without[1]);
		}
		System.out.printf("%d callers paced at %d calls/s, %d rounds of %d s: without fleet p50 %s µs, p99 %s µs; "
				+ "shared quota p50 %s µs, p99 %s µs; p99 added %s µs%n", CALLERS, rate, rounds, seconds,
				Stats.spread(localP50, "%.0f"), Stats.spread(localP99, "%.0f"), Stats.spread(sharedP50, "%.0f"),
				Stats.spread(sharedP99, "%.0f"), Stats.spread(added, "%.0f"));
		double[] saturatedWithout = latencies(local, model, seconds, 0);
		double[] saturatedWith = latencies(shared, model, seconds, 0);
		System.out.printf("Contrast, %d callers closed loop at full speed: without fleet p50 %.0f µs p99 %.0f µs "
				+ "(%.0f calls/s); shared quota p50 %.0f µs p99 %.0f µs (%.0f calls/s)%n", CALLERS, saturatedWithout[0],
				saturatedWithout[1], saturatedWithout[2], saturatedWith[0], saturatedWith[1], saturatedWith[2]);
		fleet.close();
		stub.disposeNow();
	}

	/**
	 * p50 and p99 in microseconds, and calls per second, of the callers for some seconds:
	 * paced at {@code rate} calls/s (latency from when each call was due), or closed loop
	 * when {@code rate} is 0.
	 */
	private static double[] latencies(HfInferenceClient client, ModelDefinition model, int seconds, int rate) {
		ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(seconds).toNanos();
		Function<Long, Mono<Void>> call = (due) -> client.call(TextClassification.TASK, model, "I like you", null)
			.doOnSuccess((result) -> samples.add(System.nanoTime() - due))
			.then();
		if (rate == 0) {
			Flux.range(0, CALLERS)
				.flatMap((caller) -> Mono.defer(() -> call.apply(System.nanoTime())).repeat(() -> System.nanoTime() < end),
						CALLERS)
				.blockLast(Duration.ofSeconds(seconds + 60));
		}
		else {
			// One tick a millisecond starts the calls due in it; a caller's next call waits for its last.
			int perTick = Math.max(1, rate / 1000);
			Flux.interval(Duration.ofMillis(1))
				.take(Duration.ofSeconds(seconds))
				.onBackpressureBuffer()
				.concatMapIterable((tick) -> Collections.nCopies(perTick, start + (tick + 1) * 1_000_000L))
				.flatMap(call, CALLERS)
				.blockLast(Duration.ofSeconds(seconds + 60));
		}
		long[] sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
		double elapsed = (System.nanoTime() - start) / 1e9;
		return new double[] { sorted[sorted.length / 2] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
				sorted.length / elapsed };
	}

	private static ModelDefinition model(ResiliencePolicy policy) {
		return ModelDefinition.builder("classifier")
			.id("org/classifier")
			.target(new InferenceTarget.Router("hf-inference"))
			.policy(policy)
			.build();
	}

	private static HfInferenceClient client(DisposableServer stub, FleetCoordination fleet) {
		URI url = URI.create("http://127.0.0.1:" + stub.port());
		return HfInferenceClient.builder().token("hf_testFleetBenchmark").noTokenLookup().baseUrl(url).hubUrl(url)
			.fleetCoordination(fleet).build();
	}

	private static RedisFleetCoordination fleet(RedisURI uri, QuotaLimits quota) {
		RedisFleetSettings d = RedisFleetSettings.defaults();
		RedisFleetCoordination fleet = new RedisFleetCoordination(uri, new RedisFleetSettings(d.keyPrefix(), BUDGET,
				d.onRedisFailure(), d.onPause(), d.maxPauseWait(), Duration.ofMinutes(5), quota, d.providerQuotas(),
				d.modelQuotas()));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (fleet.degradedReason() != null && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		return fleet;
	}

	/**
	 * A loopback stub answering text classification, or 429 when the decision says how
	 * many seconds until the limit lets a call through.
	 */
	private static DisposableServer stub(Function<Object, Long> decision) {
		byte[] body = StubServer.TEXT_CLASSIFICATION.getBytes(StandardCharsets.UTF_8);
		return HttpServer.create().host("127.0.0.1").port(0).handle((request, response) -> request.receive()
			.then(Mono.defer(() -> {
				Long retryAfter = decision.apply(request);
				if (retryAfter == null) {
					return response.header("Content-Type", "application/json")
						.sendObject(Unpooled.wrappedBuffer(body))
						.then();
				}
				return response.status(429)
					.header("Retry-After", Long.toString(retryAfter))
					.header("RateLimit", "\"account\";r=0;t=" + retryAfter)
					.header("RateLimit-Policy", "\"account\";q=" + LIMIT + ";w=60")
					.sendString(Mono.just("{\"error\":\"Too many requests\"}"))
					.then();
			}))).bindNow();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** A redis-server of the benchmark's own on a loopback port, persistence off. */
	private static Process startRedis(int port) throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory("redis-bench");
		Process redis = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", directory.toString())
			.redirectOutput(directory.resolve("redis.log").toFile())
			.redirectErrorStream(true)
			.start();
		for (int i = 0; i < 100; i++) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				return redis;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("redis-server did not start on port " + port + "; is it installed?");
	}

}
