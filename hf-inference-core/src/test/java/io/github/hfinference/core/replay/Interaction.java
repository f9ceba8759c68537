package io.github.hfinference.core.replay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One recorded HTTP exchange, whatever format it was recorded in (read by
 * {@link Recordings}).
 *
 * @param source where it comes from ({@code huggingface_hub/<file>#<index>} or {@code huggingface.js/tapes.json#<key>})
 * @param set the recording set ({@code huggingface_hub}, {@code huggingface_hub-legacy}, {@code huggingface.js})
 * @param file the cassette file name, or {@code tapes.json}
 * @param method the request method
 * @param uri the recorded request URL
 * @param requestHeaders the recorded request headers (names as recorded)
 * @param requestBody the recorded request body, or null when none was recorded
 * @param status the response status
 * @param responseHeaders the recorded response headers (names as recorded)
 * @param responseBody the response body bytes (empty when none)
 */
public record Interaction(String source, String set, String file, String method, URI uri,
		Map<String, List<String>> requestHeaders, byte @Nullable [] requestBody, int status,
		Map<String, List<String>> responseHeaders, byte[] responseBody) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The first value of a request header, matched without case. */
	@Nullable String requestHeader(String name) {
		return first(this.requestHeaders, name);
	}

	/** The first value of a response header, matched without case. */
	@Nullable String responseHeader(String name) {
		return first(this.responseHeaders, name);
	}

	/** The response content type, or an empty string. */
	String responseContentType() {
		String type = responseHeader("Content-Type");
		return (type != null) ? type : "";
	}

	/** Whether the recorded request body is JSON (an object or a list). */
	boolean hasJsonRequestBody() {
		return this.requestBody != null && this.requestBody.length > 0
				&& (this.requestBody[0] == '{' || this.requestBody[0] == '[');
	}

	/** The request body parsed as JSON. */
	JsonNode requestJson() {
		if (!hasJsonRequestBody()) {
			throw new IllegalStateException(this.source + " has no JSON request body");
		}
		return JSON.readTree(this.requestBody);
	}

	/** The response body parsed as JSON. */
	JsonNode responseJson() {
		return JSON.readTree(this.responseBody);
	}

	/** The response body as text. */
	public String responseText() {
		return new String(this.responseBody, StandardCharsets.UTF_8);
	}

	/** Whether the answer is a server-sent event stream. */
	boolean isEventStream() {
		return responseContentType().toLowerCase(Locale.ROOT).startsWith("text/event-stream");
	}

	@Override
	public String toString() {
		return this.source;
	}

	private static @Nullable String first(Map<String, List<String>> headers, String name) {
		for (Map.Entry<String, List<String>> header : headers.entrySet()) {
			if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
				return header.getValue().get(0);
			}
		}
		return null;
	}

}
