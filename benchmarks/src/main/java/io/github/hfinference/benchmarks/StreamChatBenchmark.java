package io.github.hfinference.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.ObjectReader;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.auth.HfToken;

import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatMessage;

/**
 * Streaming chat throughput and time to first chunk: the core client's
 * {@code stream(ChatCompletion.STREAM, ...)} against a raw Reactor Netty baseline reading
 * the same server-sent event stream from the stub ({@link StubServer#CHAT_EVENTS}).
 * <p>
 * The baseline is what any typed client has to do at least: POST the same body, split the
 * body into lines on the bytes, and read each {@code data:} payload into a
 * {@link ChatCompletionChunk} with a cached Jackson reader, stopping at {@code [DONE]}.
 * <p>
 * One JVM runs both clients in interleaved repetitions (raw then core, core then raw, ...)
 * at 1 stream and at 64 concurrent streams, after untimed warm-up repetitions, so that both
 * see the same machine state; each repetition gives a chunks/s ratio (core / raw) and the
 * time-to-first-chunk p50 and p99 differences (core − raw), and the client JVM's CPU time
 * per chunk of each (less sensitive than throughput to other load on the machine, as the
 * stub and other processes do not count). The median and the range over
 * the repetitions are printed as a Markdown section between {@code BEGIN-SECTION} and
 * {@code END-SECTION} lines.
 * <p>
 * A third level runs 64 streams again with the stub sending one event per flush, an event
 * every {@code -Dstream.paceMicros} (default 1,000, i.e. 1,000 tokens/s a stream and 64,000
 * chunks/s in all; 0 skips the level), {@code -Dstream.pacedStreams} streams per repetition
 * (default 640): at full speed the client is saturated and a stream's first chunk queues
 * behind the other streams' data, so its TTFC measures the CPU per chunk again; paced as a
 * model server sends, TTFC measures what the client adds to a first token under load.
 * <p>
 * Arguments: the stub's base URL, the number of repetitions (default 7), the number of
 * streams per repetition at 1 and at 64 concurrent streams (default 300 and 640), and the
 * core model's timeout in milliseconds (default none, the client's default; 60000 is the
 * Spring Boot starter's default {@code hf.inference.timeout}, which arms a timer between
 * events).
 */
public final class StreamChatBenchmark {

	private static final int[] CONCURRENCY = { 1, 64 };

	private static final int WARMUP_REPETITIONS = 3;

	/** Warm-up per concurrency level, both clients alternating ({@code -Dstream.warmup=SECONDS}). */
	private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("stream.warmup", 60));

	private static final Duration MAX_REPETITION = Duration.ofMinutes(5);

	private static final String MODEL_ID = "meta-llama/Llama-3.1-8B-Instruct";

	private static final byte[] BODY = ("{\"model\":\"" + MODEL_ID + "\",\"messages\":[{\"role\":\"user\","
			+ "\"content\":\"Hello\"}],\"stream\":true,\"stream_options\":{\"include_usage\":true}}")
		.getBytes(StandardCharsets.UTF_8);

	private static final ObjectReader CHUNK = JsonCodec.get().mapper().readerFor(ChatCompletionChunk.class);

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.UTF_8);

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.UTF_8);

	private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello"));

	private static final com.sun.management.OperatingSystemMXBean CPU = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
		.getOperatingSystemMXBean();

	private StreamChatBenchmark() {
	}

	/**
	 * Runs the comparison.
	 * @param args base URL, repetitions, streams at 1, streams at 64
	 */
	public static void main(String[] args) {
		URI base = URI.create(args[0]);
		// repetitions of about two seconds each: shorter ones spread the ratio by ±0.2 on two shared cores
		int repetitions = (args.length > 1) ? Integer.parseInt(args[1]) : 11;
		int[] streams = { (args.length > 2) ? Integer.parseInt(args[2]) : 1000,
				(args.length > 3) ? Integer.parseInt(args[3]) : 2000 };
		ConnectionProvider pool = ConnectionProvider.builder("raw-stream").maxConnections(512).pendingAcquireMaxCount(-1)
			.build();
		HttpClient raw = HttpClient.create(pool).baseUrl(base.toString());
		HfInferenceClient core = HfInferenceClient.builder().noTokenLookup().build();
		Duration timeout = (args.length > 4) ? Duration.ofMillis(Long.parseLong(args[4])) : null;
		long paceMicros = Long.getLong("stream.paceMicros", 1000);
		List<Level> levels = new ArrayList<>(List.of(new Level(1, streams[0], null), new Level(64, streams[1], null)));
		if (paceMicros > 0) {
			levels.add(new Level(64, Integer.getInteger("stream.pacedStreams", 640), "/paced/" + paceMicros));
		}
		int expected = StubServer.CHAT_EVENTS.size() - 1;
		StringBuilder section = new StringBuilder();
		for (Level level : levels) {
			String prefix = (level.pacedPath() != null) ? level.pacedPath() : "";
			ModelDefinition model = ModelDefinition.builder("chat")
				.id(MODEL_ID)
				.timeout(timeout)
				.target(new InferenceTarget.Endpoint("stub", URI.create(base + prefix), HfToken.of(Clients.TOKEN, "benchmark"),
						false))
				.build();
			Supplier<Flux<ChatCompletionChunk>> rawStream = () -> raw(raw, prefix);
			Supplier<Flux<ChatCompletionChunk>> coreStream = () -> core.stream(ChatCompletion.STREAM, model, HELLO, null);
			int concurrency = level.concurrency();
			// Until steady state: code that runs once per stream (request, routing, connection
			// acquisition) meets the JIT's thresholds a thousand times more slowly than code that
			// runs per chunk, so a few repetitions left it in the profiling tier. The paced level
			// runs the same code, already warm.
			long warmUntil = System.nanoTime() + ((level.pacedPath() != null) ? 0 : WARMUP.toNanos());
			for (int i = 0; i < WARMUP_REPETITIONS || System.nanoTime() < warmUntil; i++) {
				run(rawStream, concurrency, level.streams(), expected);
				run(coreStream, concurrency, level.streams(), expected);
			}
			List<Run> raws = new ArrayList<>();
			List<Run> cores = new ArrayList<>();
			for (int i = 0; i < repetitions; i++) {
				// alternate which client goes first, so neither always runs on a warmer or cooler machine
				Run first = run((i % 2 == 0) ? rawStream : coreStream, concurrency, level.streams(), expected);
				Run second = run((i % 2 == 0) ? coreStream : rawStream, concurrency, level.streams(), expected);
				Run r = (i % 2 == 0) ? first : second;
				Run o = (i % 2 == 0) ? second : first;
				raws.add(r);
				cores.add(o);
				System.out.printf(Locale.ROOT,
						"STREAMCHAT concurrency=%d%s rep=%d raw=%.0f core=%.0f ratio=%.3f ttfcP50Raw=%.3f ttfcP50Core=%.3f "
								+ "ttfcP99Raw=%.3f ttfcP99Core=%.3f cpuRaw=%.2f cpuCore=%.2f errors=%d%n",
						concurrency, (level.pacedPath() != null) ? " paced=" + paceMicros + "us" : "", i,
						r.chunksPerSecond(), o.chunksPerSecond(), o.chunksPerSecond() / r.chunksPerSecond(),
						r.ttfcP50Ms(), o.ttfcP50Ms(), r.ttfcP99Ms(), o.ttfcP99Ms(), r.cpuMicrosPerChunk(),
						o.cpuMicrosPerChunk(), r.errors() + o.errors());
			}
			section.append(row(level, paceMicros, raws, cores));
		}
		System.out.println("BEGIN-SECTION");
		System.out.println("## Streaming chat (" + (StubServer.CHAT_EVENTS.size() - 2)
				+ " token chunks, a usage chunk and [DONE] per stream)\n");
		System.out.println(((timeout != null) ? "Core model timeout " + timeout.toMillis() + " ms. " : "")
				+ "Core `stream(ChatCompletion.STREAM, ...)` against raw Reactor Netty + Jackson reading the same "
				+ "stream, " + repetitions + " interleaved repetitions after " + WARMUP.toSeconds()
				+ " s of warm-up (at least " + WARMUP_REPETITIONS + " repetitions); median [min – max] over the repetitions. TTFC: subscription to first chunk. CPU: the client JVM's process CPU time (all threads: event loops, GC, JIT) per chunk.\n");
		System.out.println("| concurrent streams | stub | streams per rep | raw chunks/s | core chunks/s | core / raw chunks/s "
				+ "| raw CPU µs/chunk | core CPU µs/chunk | CPU ratio raw / core "
				+ "| raw TTFC p50 (ms) | TTFC p50 Δ core − raw (ms) | raw TTFC p99 (ms) | TTFC p99 Δ core − raw (ms) "
				+ "| errors |");
		System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
		System.out.print(section);
		System.out.println("END-SECTION");
		pool.disposeLater().block(Duration.ofSeconds(5));
		System.exit(0);
	}

	private static String row(Level level, long paceMicros, List<Run> raws, List<Run> cores) {
		double[] ratio = new double[raws.size()];
		double[] p50 = new double[raws.size()];
		double[] p99 = new double[raws.size()];
		double[] cpu = new double[raws.size()];
		long errors = 0;
		for (int i = 0; i < raws.size(); i++) {
			ratio[i] = cores.get(i).chunksPerSecond() / raws.get(i).chunksPerSecond();
			p50[i] = cores.get(i).ttfcP50Ms() - raws.get(i).ttfcP50Ms();
			p99[i] = cores.get(i).ttfcP99Ms() - raws.get(i).ttfcP99Ms();
			cpu[i] = raws.get(i).cpuMicrosPerChunk() / cores.get(i).cpuMicrosPerChunk();
			errors += raws.get(i).errors() + cores.get(i).errors();
		}
		return String.format(Locale.ROOT, "| %d | %s | %d | %.0f | %.0f | %s | %.2f | %.2f | %s | %.3f | %s | %.3f | %s | %d |%n",
				level.concurrency(), (level.pacedPath() != null) ? "an event every " + paceMicros + " µs" : "all at once",
				level.streams(), Stats.median(raws.stream().mapToDouble(Run::chunksPerSecond).toArray()),
				Stats.median(cores.stream().mapToDouble(Run::chunksPerSecond).toArray()), Stats.spread(ratio, "%.2f"),
				Stats.median(raws.stream().mapToDouble(Run::cpuMicrosPerChunk).toArray()),
				Stats.median(cores.stream().mapToDouble(Run::cpuMicrosPerChunk).toArray()), Stats.spread(cpu, "%.2f"),
				Stats.median(raws.stream().mapToDouble(Run::ttfcP50Ms).toArray()), Stats.spread(p50, "%+.3f"),
				Stats.median(raws.stream().mapToDouble(Run::ttfcP99Ms).toArray()), Stats.spread(p99, "%+.3f"), errors);
	}

	/** One measured repetition: {@code streams} streams, {@code concurrency} at a time. */
	private static Run run(Supplier<Flux<ChatCompletionChunk>> stream, int concurrency, int streams, int expected) {
		long[] ttfc = new long[streams];
		AtomicLong chunks = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long cpuStart = CPU.getProcessCpuTime();
		long start = System.nanoTime();
		Flux.range(0, streams).flatMap((i) -> Mono.defer(() -> {
			long subscribed = System.nanoTime();
			long[] count = new long[1];
			return stream.get().doOnNext((chunk) -> {
				if (count[0]++ == 0) {
					ttfc[i] = System.nanoTime() - subscribed;
				}
			}).then(Mono.fromCallable(() -> count[0]));
		}).onErrorResume((ex) -> {
			if (errors.getAndIncrement() == 0) {
				System.err.println("stream failed: " + ex);
			}
			return Mono.just(0L);
		}).doOnNext((count) -> {
			chunks.addAndGet(count);
			if (count != expected) {
				errors.incrementAndGet();
			}
		}), concurrency).blockLast(MAX_REPETITION);
		long elapsed = System.nanoTime() - start;
		long cpu = CPU.getProcessCpuTime() - cpuStart;
		long[] sorted = ttfc.clone();
		Arrays.sort(sorted);
		return new Run(chunks.get() * 1e9 / elapsed, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
				cpu / 1e3 / Math.max(1, chunks.get()), errors.get());
	}

	private static double percentile(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
	}

	/**
	 * The raw baseline: Reactor Netty POST, the body split into lines on the bytes as they
	 * arrive, each {@code data:} payload read by Jackson into the chunk record. The body is
	 * read to its end (the stub ends it right after {@code [DONE]}) so that the connection
	 * goes back to the pool, as the core client's does.
	 */
	private static Flux<ChatCompletionChunk> raw(HttpClient client, String prefix) {
		return client
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.set(HttpHeaderNames.ACCEPT, "text/event-stream")
				.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + Clients.TOKEN)
				.setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length))
			.post()
			.uri(prefix + "/v1/chat/completions")
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(BODY)))
			.response((response, content) -> {
				if (response.status().code() != 200) {
					return Flux.error(new HfResponseException("status " + response.status(), null));
				}
				Lines lines = new Lines();
				return content.map(lines::feed).concatMapIterable((list) -> list).filter((chunk) -> chunk != Lines.END);
			});
	}

	/** Splits the body into lines across buffers and reads {@code data:} lines as chunks. */
	private static final class Lines {

		static final ChatCompletionChunk END = new ChatCompletionChunk(null, 0, null, null, List.of(), null);

		private byte[] pending = new byte[0];

		private int pendingLength;

		List<ChatCompletionChunk> feed(ByteBuf buffer) {
			List<ChatCompletionChunk> out = new ArrayList<>(4);
			int from = buffer.readerIndex();
			int end = buffer.writerIndex();
			int newline;
			while ((newline = buffer.indexOf(from, end, (byte) '\n')) >= 0) {
				int length = newline - from;
				if (this.pendingLength > 0) {
					append(buffer, from, length);
					line(this.pending, 0, this.pendingLength, out);
					this.pendingLength = 0;
				}
				else {
					byte[] bytes = new byte[length];
					buffer.getBytes(from, bytes);
					line(bytes, 0, length, out);
				}
				from = newline + 1;
			}
			append(buffer, from, end - from);
			return out;
		}

		private void append(ByteBuf buffer, int from, int length) {
			if (length == 0) {
				return;
			}
			if (this.pendingLength + length > this.pending.length) {
				this.pending = Arrays.copyOf(this.pending, Math.max(256, (this.pendingLength + length) * 2));
			}
			buffer.getBytes(from, this.pending, this.pendingLength, length);
			this.pendingLength += length;
		}

		private static void line(byte[] bytes, int offset, int length, List<ChatCompletionChunk> out) {
			if (length > 0 && bytes[offset + length - 1] == '\r') {
				length--;
			}
			if (length < DATA.length || !Arrays.equals(bytes, offset, offset + DATA.length, DATA, 0, DATA.length)) {
				return;
			}
			int from = offset + DATA.length;
			int to = offset + length;
			if (from < to && bytes[from] == ' ') {
				from++;
			}
			if (Arrays.equals(bytes, from, to, DONE, 0, DONE.length)) {
				out.add(END);
				return;
			}
			out.add(CHUNK.readValue(bytes, from, to - from));
		}

	}

	/**
	 * One measured level: {@code concurrency} streams at a time, {@code streams} in a
	 * repetition, from the stub at full speed or, with {@code pacedPath}, one event per flush
	 * at a model server's pace.
	 */
	private record Level(int concurrency, int streams, @Nullable String pacedPath) {

	}

	private record Run(double chunksPerSecond, double ttfcP50Ms, double ttfcP99Ms, double cpuMicrosPerChunk,
			long errors) {

	}

}
