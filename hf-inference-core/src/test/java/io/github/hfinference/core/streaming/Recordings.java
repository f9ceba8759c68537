package io.github.hfinference.core.streaming;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.http.JsonCodec;

/**
 * Reads the recorded exchanges the streaming tests replay: VCR.py cassettes from
 * huggingface_hub and entries of huggingface.js's tapes. Kept small on purpose: only
 * what replaying a stream needs.
 */
final class Recordings {

	private static final Set<String> NOT_REPLAYED = Set.of("content-length", "transfer-encoding", "content-encoding",
			"connection", "date");

	private Recordings() {
	}

	/**
	 * The exchanges of a huggingface_hub cassette, in order.
	 * @param name the file name in {@code huggingface_hub/}
	 * @return the exchanges
	 */
	@SuppressWarnings("unchecked")
	static List<Exchange> cassette(String name) {
		Map<String, Object> root;
		try (InputStream in = Files.newInputStream(dir().resolve("huggingface_hub").resolve(name))) {
			root = (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Exchange> exchanges = new ArrayList<>();
		for (Map<String, Object> interaction : (List<Map<String, Object>>) root.get("interactions")) {
			Map<String, Object> request = (Map<String, Object>) interaction.get("request");
			Map<String, Object> response = (Map<String, Object>) interaction.get("response");
			Map<String, Object> status = (Map<String, Object>) response.get("status");
			Map<String, Object> body = (Map<String, Object>) response.get("body");
			exchanges.add(new Exchange((String) request.get("method"), URI.create((String) request.get("uri")),
					(String) request.get("body"), ((Number) status.get("code")).intValue(),
					(Map<String, List<String>>) response.get("headers"), (String) body.get("string")));
		}
		return exchanges;
	}

	/**
	 * One entry of the huggingface.js tapes (the copied subset, else the whole file).
	 * @param keyPrefix the start of its key (the SHA-256 of its request)
	 * @return the exchange
	 */
	static Exchange tape(String keyPrefix) {
		Path subset = dir().resolve("huggingface.js").resolve("tapes-streaming.json");
		Path tapesFile = Files.exists(subset) ? subset : dir().resolve("huggingface.js").resolve("tapes.json");
		JsonNode tapes = JsonCodec.get().parse(read(tapesFile));
		for (Map.Entry<String, JsonNode> entry : tapes.properties()) {
			if (entry.getKey().startsWith(keyPrefix)) {
				JsonNode tape = entry.getValue();
				JsonNode response = tape.get("response");
				Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
				response.get("headers").properties().forEach((header) -> headers.put(header.getKey(),
						List.of(header.getValue().asString())));
				return new Exchange(tape.path("init").path("method").asString("GET"), URI.create(tape.get("url").asString()),
						tape.path("init").path("body").asString(null), response.get("status").asInt(), headers,
						response.get("body").asString());
			}
		}
		throw new IllegalArgumentException("No tape " + keyPrefix);
	}

	/**
	 * The folder of recordings: {@code hf.recordings.dir} if set, else the repository's
	 * {@code conformance/recordings}.
	 * @return the folder
	 */
	static Path dir() {
		String configured = System.getProperty("hf.recordings.dir");
		return (configured != null) ? Paths.get(configured) : io.github.hfinference.core.replay.RecordingsRoot.find();
	}

	private static byte[] read(Path path) {
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One recorded exchange.
	 *
	 * @param method the request method
	 * @param uri the request URI
	 * @param requestBody the request body, if any was recorded
	 * @param status the response status
	 * @param headers the response headers
	 * @param body the response body
	 */
	record Exchange(String method, URI uri, @Nullable String requestBody, int status, Map<String, List<String>> headers,
			String body) {

		/** The request body as JSON. */
		JsonNode requestJson() {
			return JsonCodec.get().mapper().readTree(this.requestBody);
		}

		/** The recorded response, without the headers the server recomputes. */
		MockResponse response() {
			MockResponse.Builder builder = new MockResponse.Builder().code(this.status);
			this.headers.forEach((name, values) -> {
				if (!NOT_REPLAYED.contains(name.toLowerCase(Locale.ROOT))) {
					values.forEach((value) -> builder.addHeader(name, value));
				}
			});
			return builder.body(this.body).build();
		}

		/** The data of each {@code data:} line of the recorded body, read line by line. */
		List<String> dataLines() {
			List<String> data = new ArrayList<>();
			for (String line : this.body.split("\r?\n")) {
				if (line.startsWith("data:")) {
					data.add(line.substring(5).strip());
				}
			}
			return data;
		}

	}

	/**
	 * Serves recorded exchanges by method and path (queries ignored, as the Hub mapping
	 * lookup's query is spelled differently by each client) and keeps the requests.
	 */
	static final class Replay extends Dispatcher {

		private final List<Exchange> exchanges;

		final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

		Replay(List<Exchange> exchanges) {
			this.exchanges = exchanges;
		}

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			this.requests.add(request);
			for (Exchange exchange : this.exchanges) {
				if (exchange.method().equals(request.getMethod())
						&& exchange.uri().getRawPath().equals(request.getUrl().encodedPath())) {
					return exchange.response();
				}
			}
			return new MockResponse.Builder().code(599).body("no recorded exchange for " + request.getTarget()).build();
		}

		/** The one request sent with the given method. */
		RecordedRequest only(String method) {
			List<RecordedRequest> matching = this.requests.stream().filter((r) -> r.getMethod().equals(method)).toList();
			if (matching.size() != 1) {
				throw new AssertionError("Expected one " + method + " request, got " + this.requests);
			}
			return matching.get(0);
		}

	}

}
