package io.github.hfinference.core.internal.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.netty.channel.AbortedException;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SseEventDecoder}: events split on the bytes whatever the buffer boundaries, as
 * Spring's server-sent event reader would split them.
 */
class SseEventDecoderTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final int LIMIT = 1024 * 1024;

	private static final String STREAM = "data: {\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}\n\n"
			+ ": keep-alive\n\n" + "event: message\nid: 7\nretry: 3000\ndata: {\"a\":\n" + "data: 1}\n\n"
			+ "data:{\"content\":\"dög 😀 ü\"}\n\n" + "data: [DONE]\n\n";

	@Test
	void splitsEventsCommentsAndMultiLineData() {
		StepVerifier.create(decode(pieces(STREAM, Integer.MAX_VALUE)).map(SseEventDecoderTests::describe))
			.expectNext("null|{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}", "null|null", "message|{\"a\":\n1}",
					"null|{\"content\":\"dög 😀 ü\"}", "null|[DONE]")
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void sameEventsWhereverTheBuffersSplitTheStream() {
		byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
		List<String> whole = collect(List.of(bytes));
		for (int split = 1; split < bytes.length; split++) {
			List<byte[]> two = List.of(Arrays.copyOfRange(bytes, 0, split), Arrays.copyOfRange(bytes, split, bytes.length));
			assertThat(collect(two)).as("split at byte %d", split).isEqualTo(whole);
		}
		for (int size = 1; size <= 7; size++) {
			assertThat(collect(chunks(bytes, size))).as("buffers of %d bytes", size).isEqualTo(whole);
		}
	}

	@Test
	void multiByteCharactersSplitAcrossBuffersStayWhole() {
		byte[] bytes = "data: 😀ü€\n\n".getBytes(StandardCharsets.UTF_8);
		// "data: " is 6 bytes, then 4 bytes of 😀, 2 of ü and 3 of €: cut inside each of them
		for (int split : new int[] { 7, 8, 9, 11, 13, 14 }) {
			StepVerifier
				.create(decode(List.of(Arrays.copyOfRange(bytes, 0, split), Arrays.copyOfRange(bytes, split, bytes.length)))
					.map(SseEvent::text))
				.expectNext("😀ü€")
				.expectComplete()
				.verify(WAIT);
		}
		StepVerifier.create(decode(chunks(bytes, 1)).map(SseEvent::text)).expectNext("😀ü€").expectComplete().verify(WAIT);
	}

	@Test
	void crlfLineEndsAreTheSameAsLf() {
		String crlf = STREAM.replace("\n", "\r\n");
		assertThat(collect(chunks(crlf.getBytes(StandardCharsets.UTF_8), 3))).isEqualTo(collect(List.of(STREAM
			.getBytes(StandardCharsets.UTF_8))));
	}

	@Test
	void doneIsRecognisedOnTheBytes() {
		StepVerifier.create(decode(pieces("data:[DONE]\n\ndata:  [DONE] \n\ndata: [DONE]x\n\n", 4)))
			.assertNext((event) -> assertThat(event.dataIs(bytes("[DONE]"))).isTrue())
			.assertNext((event) -> assertThat(event.dataIs(bytes("[DONE]"))).isTrue())
			.assertNext((event) -> assertThat(event.dataIs(bytes("[DONE]"))).isFalse())
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void emptyDataLinesAddNothingAndBlankLinesAreKeepAlives() {
		StepVerifier.create(decode(pieces("\n\ndata:\n\ndata: \ndata: x\n\n", 2)).map(SseEventDecoderTests::describe))
			.expectNext("null|null", "null|null", "null|null", "null|x")
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void lastEventWithoutBlankLineOrNewlineStillCounts() {
		StepVerifier.create(decode(pieces("data: a\n\ndata: b", 3)).map(SseEvent::text))
			.expectNext("a", "b")
			.expectComplete()
			.verify(WAIT);
		StepVerifier.create(decode(pieces("data: a\n\ndata: b\n", 3)).map(SseEvent::text))
			.expectNext("a", "b")
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void bodyFailingInTheMiddleFailsAfterTheCompleteEventsAndDropsTheCutOne() {
		Flux<DataBuffer> body = Flux.concat(Flux.fromIterable(pieces("data: a\n\ndata: {\"cho", 5)).map(SseEventDecoderTests::wrap),
				Flux.error(new AbortedException("Connection prematurely closed DURING response")));

		StepVerifier.create(SseEventDecoder.events(body, LIMIT).map(SseEvent::text))
			.expectNext("a")
			.expectError(AbortedException.class)
			.verify(WAIT);
	}

	@Test
	void lineLongerThanTheLimitFails() {
		StepVerifier.create(SseEventDecoder.events(Flux.fromIterable(pieces("data: " + "x".repeat(100), 10))
			.map(SseEventDecoderTests::wrap), 64))
			.expectError(DataBufferLimitException.class)
			.verify(WAIT);
		StepVerifier.create(SseEventDecoder.events(Flux.fromIterable(pieces(("data: " + "x".repeat(40) + "\n").repeat(3), 10))
			.map(SseEventDecoderTests::wrap), 64))
			.expectError(DataBufferLimitException.class)
			.verify(WAIT);
	}

	@Test
	void honoursDemandOneEventAtATime() {
		StepVerifier.create(decode(pieces("data: a\n\ndata: b\n\ndata: c\n\n", Integer.MAX_VALUE)).map(SseEvent::text), 0)
			.expectSubscription()
			.thenRequest(1)
			.expectNext("a")
			.thenRequest(1)
			.expectNext("b")
			.thenRequest(1)
			.expectNext("c")
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void releasesEveryBufferWhetherReadOrCancelled() {
		List<ByteBuf> read = new ArrayList<>();
		NettyDataBufferFactory factory = new NettyDataBufferFactory(PooledByteBufAllocator.DEFAULT);
		Flux<DataBuffer> body = Flux.fromIterable(pieces(STREAM, 9)).map((bytes) -> {
			ByteBuf buffer = PooledByteBufAllocator.DEFAULT.buffer(bytes.length).writeBytes(bytes);
			read.add(buffer);
			return factory.wrap(buffer);
		});
		StepVerifier.create(SseEventDecoder.events(body, LIMIT)).expectNextCount(5).expectComplete().verify(WAIT);
		assertThat(read).isNotEmpty().allSatisfy((buffer) -> assertThat(buffer.refCnt()).isZero());

		read.clear();
		StepVerifier.create(SseEventDecoder.events(body, LIMIT), 0)
			.expectSubscription()
			.thenRequest(1)
			.expectNextCount(1)
			.thenCancel()
			.verify(WAIT);
		assertThat(read).isNotEmpty().allSatisfy((buffer) -> assertThat(buffer.refCnt()).isZero());
	}

	@Test
	void dataHelpersWorkOnTheBytes() {
		SseEvent event = SseEvent.of(null, " {\"error\":\"x\"} ");
		assertThat(event.dataContains(new SseEvent.Needle("\"error\""))).isTrue();
		assertThat(event.dataContains(new SseEvent.Needle("\"errors\""))).isFalse();
		assertThat(SseEvent.of(null, "\"error\"").dataContains(new SseEvent.Needle("\"error\""))).isTrue();
		assertThat(SseEvent.of(null, "{\"a\":\"\\\"error\\\"\",\"err\":1,\"rror\":2}")
			.dataContains(new SseEvent.Needle("\"error\""))).isFalse();
		assertThat(SseEvent.of(null, "{\"content\":\"x\"}\n{\"x\":1,\"error\":{}}")
			.dataContains(new SseEvent.Needle("\"error\""))).isTrue();
		assertThat(event.isBlank()).isFalse();
		assertThat(SseEvent.of(null, " \t").isBlank()).isTrue();
		assertThat(SseEvent.of("ping", null).isBlank()).isTrue();
	}

	@Test
	void findsEveryNewlineWhereverItIsInTheWord() {
		for (int length = 0; length < 40; length++) {
			for (int at = 0; at < length; at++) {
				byte[] bytes = new byte[length];
				Arrays.fill(bytes, (byte) 'x');
				bytes[at] = '\n';
				if (at + 3 < length) {
					bytes[at + 3] = '\n';
				}
				assertThat(SseEventDecoder.indexOfNewline(bytes, 0, length)).as("length %d, at %d", length, at).isEqualTo(at);
				assertThat(SseEventDecoder.indexOfNewline(bytes, at + 1, length)).isEqualTo((at + 3 < length) ? at + 3 : -1);
			}
			java.util.Random random = new java.util.Random(length);
			byte[] noise = new byte[length];
			random.nextBytes(noise);
			for (int i = 0; i < length; i++) {
				noise[i] = (byte) ((random.nextInt(4) == 0) ? 0x0A + random.nextInt(3) - 1 : noise[i]);
			}
			int expected = -1;
			for (int i = 0; i < length && expected < 0; i++) {
				expected = (noise[i] == '\n') ? i : -1;
			}
			assertThat(SseEventDecoder.indexOfNewline(noise, 0, length)).isEqualTo(expected);
			byte[] none = new byte[length];
			Arrays.fill(none, (byte) 0x8A);
			assertThat(SseEventDecoder.indexOfNewline(none, 0, length)).isEqualTo(-1);
		}
	}

	private static String describe(SseEvent event) {
		return event.event() + "|" + event.text();
	}

	private static List<String> collect(List<byte[]> pieces) {
		return decode(pieces).map(SseEventDecoderTests::describe).collectList().block(WAIT);
	}

	private static Flux<SseEvent> decode(List<byte[]> pieces) {
		return SseEventDecoder.events(Flux.fromIterable(pieces).map(SseEventDecoderTests::wrap), LIMIT);
	}

	private static DataBuffer wrap(byte[] bytes) {
		return DefaultDataBufferFactory.sharedInstance.wrap(bytes.clone());
	}

	private static List<byte[]> pieces(String text, int size) {
		return chunks(text.getBytes(StandardCharsets.UTF_8), size);
	}

	private static List<byte[]> chunks(byte[] bytes, int size) {
		List<byte[]> chunks = new ArrayList<>();
		for (int from = 0; from < bytes.length; from += size) {
			chunks.add(Arrays.copyOfRange(bytes, from, (int) Math.min(bytes.length, (long) from + size)));
		}
		return chunks;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
