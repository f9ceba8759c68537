package io.github.hfinference.core.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * One server-sent event as {@link SseEventDecoder} reads it off the wire: its
 * {@code event:} name and its data still as UTF-8 bytes (the {@code data:} lines joined
 * with {@code \n}), so that a JSON payload can be parsed straight from them. An event
 * without data is a comment, {@code id:}/{@code retry:} lines or a blank line: it still
 * counts as a sign of life for the stream's timeouts.
 */
public final class SseEvent {

	/** An event without name or data (a comment or a keep-alive). */
	static final SseEvent EMPTY = new SseEvent(null, null);

	private final @Nullable String event;

	private final byte @Nullable [] data;

	private @Nullable String text;

	/**
	 * Creates an event.
	 * @param event the {@code event:} name, or null
	 * @param data the data as UTF-8 bytes, or null if the event had no {@code data:} line
	 */
	public SseEvent(@Nullable String event, byte @Nullable [] data) {
		this.event = event;
		this.data = data;
	}

	/**
	 * An event with text data.
	 * @param event the {@code event:} name, or null
	 * @param data the data, or null
	 * @return the event
	 */
	public static SseEvent of(@Nullable String event, @Nullable String data) {
		return new SseEvent(event, (data != null) ? data.getBytes(StandardCharsets.UTF_8) : null);
	}

	/** The {@code event:} name, or null. */
	public @Nullable String event() {
		return this.event;
	}

	/**
	 * The data as UTF-8 bytes (not a copy: do not change it), or null if the event had no
	 * {@code data:} line.
	 * @return the bytes, or null
	 */
	public byte @Nullable [] data() {
		return this.data;
	}

	/** The data as text, or null if the event had no {@code data:} line. */
	public @Nullable String text() {
		String current = this.text;
		if (current == null && this.data != null) {
			current = new String(this.data, StandardCharsets.UTF_8);
			this.text = current;
		}
		return current;
	}

	/** Whether the event has no data, or only white space. */
	public boolean isBlank() {
		if (this.data == null) {
			return true;
		}
		for (byte b : this.data) {
			if (!isWhitespace(b)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the data, stripped of surrounding ASCII white space, is exactly the given
	 * text (such as {@code [DONE]}), compared on the bytes.
	 * @param marker the UTF-8 bytes of the text
	 * @return true if it is
	 */
	public boolean dataIs(byte[] marker) {
		byte[] bytes = this.data;
		if (bytes == null || bytes.length < marker.length) {
			return false;
		}
		int from = 0;
		int to = bytes.length;
		while (from < to && isWhitespace(bytes[from])) {
			from++;
		}
		while (to > from && isWhitespace(bytes[to - 1])) {
			to--;
		}
		return Arrays.equals(bytes, from, to, marker, 0, marker.length);
	}

	/**
	 * Whether the data contains the given bytes anywhere.
	 * @param needle the bytes looked for
	 * @return true if found
	 */
	public boolean dataContains(Needle needle) {
		return this.data != null && needle.in(this.data);
	}

	/**
	 * Bytes to look for in event data, with the skip table of a Boyer-Moore-Horspool
	 * search built once (most of a JSON payload is skipped a needle's length at a time).
	 */
	public static final class Needle {

		private final byte[] bytes;

		private final int[] skip = new int[256];

		/**
		 * Creates a needle.
		 * @param text the text looked for (not empty), as UTF-8
		 */
		public Needle(String text) {
			this.bytes = text.getBytes(StandardCharsets.UTF_8);
			if (this.bytes.length == 0) {
				throw new IllegalArgumentException("empty needle");
			}
			Arrays.fill(this.skip, this.bytes.length);
			for (int i = 0; i < this.bytes.length - 1; i++) {
				this.skip[this.bytes[i] & 0xFF] = this.bytes.length - 1 - i;
			}
		}

		boolean in(byte[] haystack) {
			int last = this.bytes.length - 1;
			int at = 0;
			while (at + last < haystack.length) {
				byte end = haystack[at + last];
				if (end == this.bytes[last] && Arrays.equals(haystack, at, at + last, this.bytes, 0, last)) {
					return true;
				}
				at += this.skip[end & 0xFF];
			}
			return false;
		}

	}

	private static boolean isWhitespace(byte b) {
		// the ASCII white space of String.strip()
		return b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1C && b <= 0x1F);
	}

	@Override
	public String toString() {
		return "SseEvent[event=" + this.event + ", data=" + text() + "]";
	}

}
