package io.github.hfinference.core.internal.http;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import io.netty.buffer.ByteBuf;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Splits a {@code text/event-stream} body into {@link SseEvent}s on its bytes, as the
 * buffers arrive: no string is made of the body or of its lines, only of an event's name;
 * each event's data stays UTF-8 bytes (so a character split across two buffers is never
 * cut, and a JSON payload can be parsed straight from them).
 * <p>
 * It reads the stream as Spring's {@code ServerSentEventHttpMessageReader} does: lines
 * end with {@code \n} or {@code \r\n}; a blank line ends an event; {@code data:} is
 * followed by an optional space, an empty {@code data:} line adds nothing, and several
 * {@code data:} lines are joined with {@code \n}; {@code event:} names the event;
 * comments ({@code :...}), {@code id:}, {@code retry:} and unknown lines make an event
 * without data (a sign of life for the stream's timeouts), as does a blank line outside an
 * event; at the end of the body, a last line or event not followed by a newline or blank
 * line still counts.
 * <p>
 * One decoder per stream, fed from one thread at a time (a Reactor {@code map}).
 */
public final class SseEventDecoder {

	/** Decoded buffers read ahead of the subscriber's demand. */
	private static final int PREFETCH = 32;

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
			ByteOrder.LITTLE_ENDIAN);

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);

	private final int limit;

	/** The body read so far that does not make a whole line yet (and scratch for the current buffer). */
	private byte[] pending = new byte[4096];

	private int pendingLength;

	/** The current event's data lines, joined with {@code \n}. */
	private byte[] data = new byte[1024];

	private int dataLength;

	private boolean hasData;

	private @Nullable String event;

	/** Whether the current event had any line. */
	private boolean hasLines;

	/**
	 * Creates a decoder for one stream.
	 * @param limit the longest line, and the most data in one event, in bytes
	 */
	public SseEventDecoder(int limit) {
		this.limit = limit;
	}

	/**
	 * The events of a body, decoded in order on each buffer as it arrives, each buffer
	 * released once read. Events wait for the subscriber's demand, at most a few dozen
	 * buffers' worth read ahead. An error of the body (a connection closed in the middle)
	 * fails the events after those already complete; an event cut off by it is dropped.
	 * @param body the body
	 * @param limit the longest line, and the most data in one event, in bytes
	 * @return the events
	 */
	public static Flux<SseEvent> events(Flux<DataBuffer> body, int limit) {
		return decoded(limit, (decoder) -> body.map((buffer) -> {
			try {
				return decoder.decode(buffer);
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}));
	}

	/**
	 * The events of a body read straight from Reactor Netty's buffers, which Reactor Netty
	 * releases once each has been read; see {@link #events(Flux, int)}.
	 * @param body the body
	 * @param limit the longest line, and the most data in one event, in bytes
	 * @return the events
	 */
	public static Flux<SseEvent> nettyEvents(Flux<ByteBuf> body, int limit) {
		return decoded(limit, (decoder) -> body.map(decoder::decode));
	}

	private static Flux<SseEvent> decoded(int limit, Function<SseEventDecoder, Flux<List<SseEvent>>> decode) {
		return Flux.defer(() -> {
			SseEventDecoder decoder = new SseEventDecoder(limit);
			return decode.apply(decoder).concatWith(Mono.fromSupplier(() -> {
				SseEvent last = decoder.finish();
				return (last != null) ? List.of(last) : List.<SseEvent>of();
			})).concatMapIterable(Function.identity(), PREFETCH);
		});
	}

	/**
	 * Reads one buffer of the body (without releasing it).
	 * @param buffer the next bytes of the body
	 * @return the events completed by these bytes, in order (often none or one)
	 * @throws DataBufferLimitException if a line or an event's data grows beyond the limit
	 */
	public List<SseEvent> decode(DataBuffer buffer) {
		int count = buffer.readableByteCount();
		if (count == 0) {
			return List.of();
		}
		buffer.read(reserve(count), this.pendingLength, count);
		return split(this.pendingLength + count);
	}

	/**
	 * Reads one Netty buffer of the body (without releasing it); see
	 * {@link #decode(DataBuffer)}.
	 * @param buffer the next bytes of the body
	 * @return the events completed by these bytes, in order (often none or one)
	 * @throws DataBufferLimitException if a line or an event's data grows beyond the limit
	 */
	public List<SseEvent> decode(ByteBuf buffer) {
		int count = buffer.readableBytes();
		if (count == 0) {
			return List.of();
		}
		buffer.readBytes(reserve(count), this.pendingLength, count);
		return split(this.pendingLength + count);
	}

	/** Room for {@code count} more bytes after the pending ones. */
	private byte[] reserve(int count) {
		int end = this.pendingLength + count;
		if (end > this.pending.length) {
			this.pending = Arrays.copyOf(this.pending, Math.max(end, this.pending.length * 2));
		}
		return this.pending;
	}

	/** Splits the pending bytes up to {@code end} into lines, keeping an unfinished last line. */
	private List<SseEvent> split(int end) {
		byte[] bytes = this.pending;
		List<SseEvent> events = null;
		int start = 0;
		int newline = indexOfNewline(bytes, this.pendingLength, end);
		while (newline >= 0) {
			SseEvent completed = line(bytes, start, newline);
			if (completed != null) {
				if (events == null) {
					// room for the events a buffer of this size typically completes
					events = new ArrayList<>(Math.max(2, (end - start) >> 8));
				}
				events.add(completed);
			}
			start = newline + 1;
			newline = indexOfNewline(bytes, start, end);
		}
		int left = end - start;
		if (left > 0 && start > 0) {
			System.arraycopy(bytes, start, bytes, 0, left);
		}
		this.pendingLength = left;
		if (left > this.limit) {
			throw new DataBufferLimitException("Event stream line longer than " + this.limit + " bytes");
		}
		return (events != null) ? events : List.of();
	}

	/**
	 * Ends the body: a last line without a newline is read, and an event without the
	 * closing blank line is completed.
	 * @return the last event, or null if there is none
	 */
	public @Nullable SseEvent finish() {
		SseEvent last = null;
		if (this.pendingLength > 0) {
			int length = this.pendingLength;
			this.pendingLength = 0;
			last = line(this.pending, 0, length);
		}
		return (last != null) ? last : this.hasLines ? dispatch() : null;
	}

	/** Reads the line {@code bytes[from, to)} (its {@code \n} excluded); returns the event a blank line ends. */
	private @Nullable SseEvent line(byte[] bytes, int from, int to) {
		if (to > from && bytes[to - 1] == '\r') {
			to--;
		}
		if (to == from) {
			return this.hasLines ? dispatch() : SseEvent.EMPTY;
		}
		this.hasLines = true;
		if (startsWith(bytes, from, to, DATA)) {
			int payload = from + DATA.length;
			if (payload < to && bytes[payload] == ' ') {
				payload++;
			}
			if (payload < to) {
				appendData(bytes, payload, to - payload);
			}
		}
		else if (startsWith(bytes, from, to, EVENT)) {
			this.event = new String(bytes, from + EVENT.length, to - from - EVENT.length, StandardCharsets.UTF_8).trim();
		}
		return null;
	}

	private void appendData(byte[] bytes, int from, int length) {
		int needed = this.dataLength + length + (this.hasData ? 1 : 0);
		if (needed > this.limit) {
			throw new DataBufferLimitException("Event stream event with more than " + this.limit + " bytes of data");
		}
		if (needed > this.data.length) {
			this.data = Arrays.copyOf(this.data, Math.max(needed, this.data.length * 2));
		}
		if (this.hasData) {
			this.data[this.dataLength++] = '\n';
		}
		System.arraycopy(bytes, from, this.data, this.dataLength, length);
		this.dataLength += length;
		this.hasData = true;
	}

	private SseEvent dispatch() {
		SseEvent completed = (this.event == null && !this.hasData) ? SseEvent.EMPTY
				: new SseEvent(this.event, this.hasData ? Arrays.copyOf(this.data, this.dataLength) : null);
		this.event = null;
		this.hasData = false;
		this.dataLength = 0;
		this.hasLines = false;
		return completed;
	}

	/**
	 * The first {@code \n} in {@code bytes[from, to)}, or -1: eight bytes at a time (the
	 * lowest zero byte of {@code word ^ 0x0A...} is found exactly by the classic test).
	 */
	static int indexOfNewline(byte[] bytes, int from, int to) {
		int i = from;
		for (; i + Long.BYTES <= to; i += Long.BYTES) {
			long word = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
			long found = (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
			if (found != 0) {
				return i + (Long.numberOfTrailingZeros(found) >>> 3);
			}
		}
		for (; i < to; i++) {
			if (bytes[i] == '\n') {
				return i;
			}
		}
		return -1;
	}

	private static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
		return to - from >= prefix.length && Arrays.equals(bytes, from, from + prefix.length, prefix, 0, prefix.length);
	}

}
