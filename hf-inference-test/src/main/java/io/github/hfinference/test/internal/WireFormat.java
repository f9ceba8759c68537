package io.github.hfinference.test.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.BinaryOutput;
import io.github.hfinference.core.task.Embedding;

/**
 * Turns a task's typed result back into what the server sends: JSON written by the
 * client's own mapper ({@link JsonCodec}), the bare numbers of an {@link Embedding}, the
 * raw bytes of a {@link BinaryOutput}.
 */
public final class WireFormat {

	private WireFormat() {
	}

	/**
	 * The response body for a result.
	 * @param result the typed result
	 * @return its body and content type
	 */
	public static Body encode(Object result) {
		if (result instanceof BinaryOutput binary) {
			return new Body(binary.bytes(), binary.contentType());
		}
		if (result instanceof byte[] bytes) {
			return new Body(bytes, "application/octet-stream");
		}
		return json(wire(result));
	}

	/**
	 * A value written as JSON with the client's mapper.
	 * @param value the value (record, list, map, tree)
	 * @return its JSON body
	 */
	public static Body json(Object value) {
		return new Body(JsonCodec.get().mapper().writeValueAsBytes(value), "application/json");
	}

	/**
	 * Reads a body as JSON, if it is JSON.
	 * @param body the body, possibly empty
	 * @return its tree, or null if empty or not JSON
	 */
	public static @Nullable JsonNode parseOrNull(byte[] body) {
		try {
			return (body.length > 0) ? JsonCodec.get().parse(body) : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static Object wire(Object value) {
		if (value instanceof Embedding embedding) {
			return embedding.isTokenLevel() ? embedding.tokenVectors() : embedding.vector();
		}
		if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Embedding) {
			List<Object> rows = new ArrayList<>();
			list.forEach((element) -> rows.add(wire(element)));
			return rows;
		}
		return value;
	}

	/**
	 * A response body.
	 *
	 * @param bytes the content
	 * @param contentType its media type
	 */
	public record Body(byte[] bytes, String contentType) {
	}

}
