package io.github.hfinference.core.streaming;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageReader;
import reactor.core.publisher.Flux;

import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.TextGeneration;

/**
 * Compares Spring's {@link ServerSentEventHttpMessageReader} with a minimal hand-written
 * {@code data:} line parser on a recorded TGI stream, and both with the JSON decoding of
 * the same events. Not a test: run it by hand, e.g.
 * {@code java -cp <test classpath> io.github.hfinference.core.streaming.SseDecodingBenchmark}
 * from the module folder.
 */
public final class SseDecodingBenchmark {

	private static final int COPIES = 200;

	private static final int ROUNDS = 15;

	private SseDecodingBenchmark() {
	}

	/**
	 * Runs the comparison and prints events per second.
	 * @param args unused
	 */
	public static void main(String[] args) {
		String recorded = Recordings.tape("2cc5a8d9d908").body();
		String stream = recorded.repeat(COPIES);
		int events = Recordings.tape("2cc5a8d9d908").dataLines().size() * COPIES;
		List<byte[]> perEvent = Arrays.stream(stream.split("(?<=\n\n)"))
			.map((event) -> event.getBytes(StandardCharsets.UTF_8))
			.toList();
		List<byte[]> large = split(stream.getBytes(StandardCharsets.UTF_8), 8192);
		System.out.printf("%d events, %d bytes; %d per-event chunks, %d chunks of 8 KiB%n", events, stream.length(),
				perEvent.size(), large.size());
		ServerSentEventHttpMessageReader reader = new ServerSentEventHttpMessageReader();
		Function<List<byte[]>, Long> spring = (chunks) -> reader
			.read(ResolvableType.forClassWithGenerics(ServerSentEvent.class, String.class), message(chunks), Map.of())
			.count()
			.block(Duration.ofMinutes(1));
		Function<List<byte[]>, Long> handWritten = (chunks) -> handWritten(body(chunks)).count().block(Duration.ofMinutes(1));
		Function<List<byte[]>, Long> springAndJson = (chunks) -> reader
			.read(ResolvableType.forClassWithGenerics(ServerSentEvent.class, String.class), message(chunks), Map.of())
			.map((event) -> JsonCodec.get()
				.convert(JsonCodec.get().mapper().readTree((String) ((ServerSentEvent<?>) event).data()),
						TextGeneration.StreamOutput.class))
			.count()
			.block(Duration.ofMinutes(1));
		measure("Spring SSE reader, one chunk per event", spring, perEvent, events);
		measure("hand-written parser, one chunk per event", handWritten, perEvent, events);
		measure("Spring SSE reader, 8 KiB chunks", spring, large, events);
		measure("hand-written parser, 8 KiB chunks", handWritten, large, events);
		measure("Spring SSE reader + JSON to StreamOutput, one chunk per event", springAndJson, perEvent, events);
	}

	private static void measure(String name, Function<List<byte[]>, Long> decoder, List<byte[]> chunks, int events) {
		for (int i = 0; i < ROUNDS; i++) {
			check(decoder.apply(chunks), events);
		}
		long best = Long.MAX_VALUE;
		for (int i = 0; i < ROUNDS; i++) {
			long start = System.nanoTime();
			check(decoder.apply(chunks), events);
			best = Math.min(best, System.nanoTime() - start);
		}
		System.out.printf("%-62s %,12.0f events/s (best of %d: %.2f ms)%n", name, events / (best / 1e9), ROUNDS,
				best / 1e6);
	}

	private static void check(Long count, int events) {
		if (count == null || count != events) {
			throw new IllegalStateException("Decoded " + count + " events, expected " + events);
		}
	}

	private static ReactiveHttpInputMessage message(List<byte[]> chunks) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.TEXT_EVENT_STREAM);
		return new ReactiveHttpInputMessage() {

			@Override
			public Flux<DataBuffer> getBody() {
				return body(chunks);
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
	}

	private static Flux<DataBuffer> body(List<byte[]> chunks) {
		return Flux.fromIterable(chunks).map(DefaultDataBufferFactory.sharedInstance::wrap);
	}

	private static List<byte[]> split(byte[] bytes, int size) {
		List<byte[]> chunks = new ArrayList<>();
		for (int start = 0; start < bytes.length; start += size) {
			chunks.add(Arrays.copyOfRange(bytes, start, Math.min(bytes.length, start + size)));
		}
		return chunks;
	}

	/** The data of each event, parsed line by line from raw bytes. */
	static Flux<String> handWritten(Flux<DataBuffer> body) {
		return Flux.defer(() -> {
			LineParser parser = new LineParser();
			return body.concatMapIterable(parser::feed).concatWith(Flux.defer(() -> Flux.fromIterable(parser.finish())));
		});
	}

	private static final class LineParser {

		private byte[] pending = new byte[0];

		private StringBuilder data;

		List<String> feed(DataBuffer buffer) {
			byte[] bytes = new byte[pending.length + buffer.readableByteCount()];
			System.arraycopy(this.pending, 0, bytes, 0, this.pending.length);
			buffer.read(bytes, this.pending.length, buffer.readableByteCount());
			List<String> events = new ArrayList<>();
			int start = 0;
			for (int i = 0; i < bytes.length; i++) {
				if (bytes[i] == '\n') {
					line(bytes, start, (i > start && bytes[i - 1] == '\r') ? i - 1 : i, events);
					start = i + 1;
				}
			}
			this.pending = Arrays.copyOfRange(bytes, start, bytes.length);
			return events;
		}

		List<String> finish() {
			List<String> events = new ArrayList<>();
			if (this.pending.length > 0) {
				line(this.pending, 0, this.pending.length, events);
			}
			line(new byte[0], 0, 0, events);
			return events;
		}

		private void line(byte[] bytes, int start, int end, List<String> events) {
			if (start == end) {
				if (this.data != null) {
					events.add(this.data.toString());
					this.data = null;
				}
				return;
			}
			if (end - start >= 5 && bytes[start] == 'd' && bytes[start + 1] == 'a' && bytes[start + 2] == 't'
					&& bytes[start + 3] == 'a' && bytes[start + 4] == ':') {
				int from = (end - start > 5 && bytes[start + 5] == ' ') ? start + 6 : start + 5;
				this.data = (this.data != null) ? this.data.append('\n') : new StringBuilder();
				this.data.append(new String(bytes, from, end - from, StandardCharsets.UTF_8));
			}
		}

	}

}
