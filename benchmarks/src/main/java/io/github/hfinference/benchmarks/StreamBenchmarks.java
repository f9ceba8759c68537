package io.github.hfinference.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
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
import io.github.hfinference.core.internal.http.SseEventDecoder;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;

/**
 * Decoding a streamed chat answer of 1,000 chunks: the body arrives in 8 KB buffers, is
 * split into events and each event's data is read into a {@link ChatCompletionChunk};
 * once as the streaming path did up to the byte-level decoder (Spring's server-sent event
 * reader, a tree per event, the tree converted) and once as it does now
 * ({@link SseEventDecoder}, the chunk read from the event's bytes).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class StreamBenchmarks {

	private static final ResolvableType SSE = ResolvableType.forClassWithGenerics(ServerSentEvent.class, String.class);

	private final ServerSentEventHttpMessageReader reader = new ServerSentEventHttpMessageReader();

	private byte[] stream;

	@Setup
	public void setUp() {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < 1000; i++) {
			body.append("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,"
					+ "\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"system_fingerprint\":\"3.0.1-sha-bb9095a\","
					+ "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\" token")
				.append(i)
				.append("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
		}
		body.append("data: [DONE]\n\n");
		this.stream = body.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** Decodes the 1,000 chunks as the streaming path does: bytes to events to chunks; returns how many. */
	@Benchmark
	public long decodeChatStreamOf1000ChunksOnBytes() {
		byte[] done = "[DONE]".getBytes(StandardCharsets.US_ASCII);
		return SseEventDecoder.events(body(), 64 * 1024 * 1024)
			.filter((event) -> !event.isBlank() && !event.dataIs(done))
			.map((event) -> ChatCompletion.STREAM.readChunk(event.data(), JsonCodec.get()))
			.count()
			.block();
	}

	/** Decodes the 1,000 chunks as the streaming path did before the byte-level decoder; returns how many. */
	@Benchmark
	public long decodeChatStreamOf1000Chunks() {
		Input input = new Input(body());
		return this.reader.read(SSE, input, Map.of())
			.map((event) -> (String) ((ServerSentEvent<?>) event).data())
			.filter((data) -> data != null && !ChatCompletion.STREAM.isEndOfStream(data.strip()))
			.map((data) -> ChatCompletion.STREAM.decoder().decode(JsonCodec.get().mapper().readTree(data), JsonCodec.get()))
			.count()
			.block();
	}

	private Flux<DataBuffer> body() {
		byte[] bytes = this.stream;
		return Flux.range(0, (bytes.length + 8191) / 8192).map((i) -> {
			int from = i * 8192;
			int length = Math.min(8192, bytes.length - from);
			return DefaultDataBufferFactory.sharedInstance.wrap(java.nio.ByteBuffer.wrap(bytes, from, length));
		});
	}

	private record Input(Flux<DataBuffer> body) implements ReactiveHttpInputMessage {

		private static final HttpHeaders HEADERS = headers();

		@Override
		public HttpHeaders getHeaders() {
			return HEADERS;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return this.body;
		}

		private static HttpHeaders headers() {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.TEXT_EVENT_STREAM);
			return headers;
		}

	}

}
