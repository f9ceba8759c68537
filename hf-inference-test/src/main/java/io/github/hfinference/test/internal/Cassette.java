package io.github.hfinference.test.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Reads and writes recordings in the VCR.py cassette format of
 * {@code conformance/recordings/huggingface_hub}: a YAML document whose
 * {@code interactions} each hold a {@code request} ({@code method}, {@code uri},
 * {@code headers} as lists, {@code body}) and a {@code response} ({@code status: {code,
 * message}}, {@code headers}, {@code body: {string}}); text bodies are strings, others
 * {@code !!binary}.
 */
public final class Cassette {

	private Cassette() {
	}

	/**
	 * Reads a recording.
	 * @param file the YAML file
	 * @return its interactions, in order
	 */
	@SuppressWarnings("unchecked")
	public static List<Interaction> read(Path file) {
		LoadSettings settings = LoadSettings.builder().setLabel(file.toString())
			.setCodePointLimit(64 * 1024 * 1024)
			.build();
		Object document;
		try (InputStream input = Files.newInputStream(file)) {
			document = new Load(settings).loadFromInputStream(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the recording " + file, ex);
		}
		List<Interaction> result = new ArrayList<>();
		for (Object item : (List<Object>) ((Map<String, Object>) document).get("interactions")) {
			Map<String, Object> request = (Map<String, Object>) ((Map<String, Object>) item).get("request");
			Map<String, Object> response = (Map<String, Object>) ((Map<String, Object>) item).get("response");
			Map<String, Object> status = (Map<String, Object>) response.get("status");
			Map<String, Object> body = (Map<String, Object>) response.get("body");
			result.add(new Interaction((String) request.get("method"), URI.create((String) request.get("uri")),
					headers(request.get("headers")), bytes(request.get("body")),
					((Number) status.get("code")).intValue(), String.valueOf(status.get("message")),
					headers(response.get("headers")),
					orEmpty((body != null) ? bytes(body.get("string")) : null)));
		}
		return result;
	}

	/**
	 * Writes a recording, replacing the file.
	 * @param file the YAML file
	 * @param interactions the interactions, in order
	 */
	public static void write(Path file, List<Interaction> interactions) {
		List<Object> items = new ArrayList<>();
		for (Interaction interaction : interactions) {
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("body", body(interaction.requestBody(), interaction.requestHeaders()));
			request.put("headers", interaction.requestHeaders());
			request.put("method", interaction.method());
			request.put("uri", interaction.uri().toString());
			Map<String, Object> response = new LinkedHashMap<>();
			response.put("body", Map.of("string", body(interaction.responseBody(), interaction.responseHeaders())));
			response.put("headers", interaction.responseHeaders());
			response.put("status", Map.of("code", interaction.status(), "message", interaction.message()));
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("request", request);
			item.put("response", response);
			items.add(item);
		}
		String yaml = new Dump(DumpSettings.builder().build()).dumpToString(Map.of("interactions", items));
		try {
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, yaml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the recording " + file, ex);
		}
	}

	/**
	 * Whether a body with these headers is text.
	 * @param headers the message's headers
	 * @return true for JSON, text and event streams
	 */
	public static boolean isText(Map<String, List<String>> headers) {
		String type = headers.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase("Content-Type") && !header.getValue().isEmpty())
			.map((header) -> header.getValue().get(0).toLowerCase(Locale.ROOT))
			.findFirst()
			.orElse("application/json");
		return type.contains("json") || type.startsWith("text/") || type.contains("event-stream");
	}

	private static @Nullable Object body(byte @Nullable [] body, Map<String, List<String>> headers) {
		if (body == null || body.length == 0) {
			return null;
		}
		return isText(headers) ? new String(body, StandardCharsets.UTF_8) : body;
	}

	private static Map<String, List<String>> headers(@Nullable Object headers) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		if (headers instanceof Map<?, ?> map) {
			map.forEach((name, values) -> result.put(String.valueOf(name),
					(values instanceof List<?> list) ? list.stream().map(String::valueOf).toList()
							: List.of(String.valueOf(values))));
		}
		return result;
	}

	private static byte @Nullable [] bytes(@Nullable Object body) {
		if (body instanceof byte[] bytes) {
			return bytes;
		}
		return (body instanceof String text) ? text.getBytes(StandardCharsets.UTF_8) : null;
	}

	private static byte[] orEmpty(byte @Nullable [] bytes) {
		return (bytes != null) ? bytes : new byte[0];
	}

	/**
	 * One recorded exchange.
	 *
	 * @param method the request method
	 * @param uri the request URI, as sent upstream
	 * @param requestHeaders the request headers, credentials removed
	 * @param requestBody the request body, or null
	 * @param status the response status
	 * @param message the status message
	 * @param responseHeaders the response headers
	 * @param responseBody the response body
	 */
	public record Interaction(String method, URI uri, Map<String, List<String>> requestHeaders,
			byte @Nullable [] requestBody, int status, String message, Map<String, List<String>> responseHeaders,
			byte[] responseBody) {

		/** The path and query of the request URI. */
		public String target() {
			return this.uri.getRawPath() + ((this.uri.getRawQuery() != null) ? "?" + this.uri.getRawQuery() : "");
		}

	}

}
