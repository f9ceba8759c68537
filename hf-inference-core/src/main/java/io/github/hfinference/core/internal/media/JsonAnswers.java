package io.github.hfinference.core.internal.media;

import java.net.URI;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.task.BinaryOutput;

/**
 * Small helpers the provider adapters share for reading and writing JSON.
 */
final class JsonAnswers {

	private JsonAnswers() {
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isString() && !value.stringValue().isEmpty()) ? value.stringValue() : null;
	}

	static @Nullable URI url(JsonNode node, String field) {
		String value = text(node, field);
		return (value != null) ? URI.create(value) : null;
	}

	static @Nullable Integer integer(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNumber() ? value.intValue() : null;
	}

	/** The first element of an array, or the node itself. */
	static JsonNode first(JsonNode node) {
		return node.isArray() ? node.path(0) : node;
	}

	/** An inline base64 answer, with its content type sniffed from the bytes. */
	static JobState inline(String base64) {
		byte[] bytes = Base64.getMimeDecoder().decode(base64);
		return new JobState.Inline(new BinaryOutput(bytes, sniff(bytes)));
	}

	/** The prompt and parameters merged into one flat body. */
	static ObjectNode flat(ObjectNode body, MediaRequest request) {
		if (request.prompt() != null) {
			body.put("prompt", request.prompt());
		}
		body.setAll(request.parameters().deepCopy());
		return body;
	}

	/**
	 * The media type of common image and video formats, from their first bytes.
	 * @param bytes the media
	 * @return the media type, {@code application/octet-stream} when unknown
	 */
	static String sniff(byte[] bytes) {
		if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G')) {
			return "image/png";
		}
		if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
			return "image/jpeg";
		}
		if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
			return "image/webp";
		}
		if (startsWith(bytes, 0, 'G', 'I', 'F')) {
			return "image/gif";
		}
		if (startsWith(bytes, 4, 'f', 't', 'y', 'p')) {
			return "video/mp4";
		}
		if (startsWith(bytes, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
			return "video/webm";
		}
		return "application/octet-stream";
	}

	private static boolean startsWith(byte[] bytes, int offset, int... prefix) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[offset + i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
