package io.github.hfinference.core.streaming;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.replay.Interaction;

/**
 * The recorded exchanges the streaming tests replay, in the shape replaying a stream
 * needs, read by the replay package's {@link io.github.hfinference.core.replay.Recordings}:
 * VCR.py cassettes from huggingface_hub and entries of huggingface.js's tapes.
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
	static List<Exchange> cassette(String name) {
		return io.github.hfinference.core.replay.Recordings
			.cassette(io.github.hfinference.core.replay.Recordings.HUB, name)
			.stream()
			.map(Exchange::of)
			.toList();
	}

	/**
	 * One entry of the huggingface.js tapes.
	 * @param keyPrefix the start of its key (the SHA-256 of its request), at most 12 characters
	 * @return the exchange
	 */
	static Exchange tape(String keyPrefix) {
		return Exchange.of(io.github.hfinference.core.replay.Recordings.tape(keyPrefix));
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

		static Exchange of(Interaction interaction) {
			byte[] requestBody = interaction.requestBody();
			return new Exchange(interaction.method(), interaction.uri(),
					(requestBody != null) ? new String(requestBody, StandardCharsets.UTF_8) : null,
					interaction.status(), interaction.responseHeaders(), interaction.responseText());
		}

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
