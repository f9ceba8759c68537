package io.github.hfinference.core.replay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.TestModels;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Task.TaskRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * What every replay test needs: a client pointed at a mock server, the recorded response
 * served back, today's URL for a recorded one, and semantic JSON comparison.
 */
final class ReplaySupport {

	/** The fake token every replay uses. */
	static final String TOKEN = "hf_test";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
		if (a.equals(b)) {
			return 0;
		}
		if (a.isNumber() && b.isNumber()) {
			return a.decimalValue().compareTo(b.decimalValue());
		}
		return 1;
	};

	private ReplaySupport() {
	}

	/**
	 * A client whose router and Hub are the mock server.
	 * @param server the mock server
	 * @return the client
	 */
	static HfInferenceClient client(MockWebServer server) {
		return client(server, TOKEN);
	}

	/**
	 * A client whose router and Hub are the mock server, with the given token.
	 * @param server the mock server
	 * @param token the token
	 * @return the client
	 */
	static HfInferenceClient client(MockWebServer server, String token) {
		return MockServerFixture.builder(server.url("/").uri()).token(token).build();
	}

	/**
	 * A model served by a given router provider.
	 * @param modelId the model id
	 * @param provider the provider
	 * @return the definition
	 */
	static ModelDefinition viaRouter(String modelId, String provider) {
		// one attempt, no circuit breaker: a replay checks the protocol (the resilience tests check the rest)
		return ModelDefinition.builder(modelId)
			.id(modelId)
			.target(new InferenceTarget.Router(provider))
			.policy(TestModels.SINGLE_ATTEMPT)
			.build();
	}

	/**
	 * The recorded response as the mock server should send it back: status, content type,
	 * {@code x-*} and {@code Retry-After} headers, and the body.
	 * @param recording the recording
	 * @return the response
	 */
	static MockResponse recordedResponse(Interaction recording) {
		MockResponse.Builder response = new MockResponse.Builder().code(recording.status());
		for (Map.Entry<String, List<String>> header : recording.responseHeaders().entrySet()) {
			String name = header.getKey().toLowerCase(Locale.ROOT);
			if (name.equals("content-type") || name.startsWith("x-") || name.equals("retry-after")
					|| name.equals("location")) {
				header.getValue().forEach((value) -> response.addHeader(header.getKey(), value));
			}
		}
		return response.body(new Buffer().write(recording.responseBody())).build();
	}

	/**
	 * The model id in a recorded inference URL: router ({@code /hf-inference/models/{id}},
	 * {@code /hf-inference/pipeline/{task}/{id}}), legacy api-inference ({@code /models/{id}},
	 * {@code /pipeline/{task}/{id}}) and the 2024-25 Hub proxy
	 * ({@code /api/inference-proxy/hf-inference/models/{id}}), chat suffix removed.
	 * @param uri the recorded URL
	 * @return the model id
	 */
	static String modelId(URI uri) {
		String path = uri.getPath();
		path = strip(path, "/api/inference-proxy");
		path = strip(path, "/hf-inference");
		String id;
		if (path.startsWith("/pipeline/")) {
			String rest = path.substring("/pipeline/".length());
			id = rest.substring(rest.indexOf('/') + 1);
		}
		else if (path.startsWith("/models/")) {
			id = path.substring("/models/".length());
		}
		else {
			throw new IllegalArgumentException("Not an hf-inference URL: " + uri);
		}
		for (String suffix : new String[] { "/v1/chat/completions", "/pipeline/" }) {
			int index = id.indexOf(suffix);
			if (index > 0) {
				id = id.substring(0, index);
			}
		}
		return id;
	}

	/**
	 * Today's hf-inference path for a task on a model (hf-protocol.md §a):
	 * {@code /hf-inference/models/{id}}, {@code .../pipeline/{task}} for feature-extraction and
	 * sentence-similarity, {@code .../v1/chat/completions} for chat.
	 * @param modelId the model id
	 * @param task the task
	 * @return the path
	 */
	static String todayPath(String modelId, Task<?, ?, ?> task) {
		return "/hf-inference/models/" + modelId + ((task.route() == TaskRoute.PIPELINE) ? "/pipeline/" + task.id()
				: (task.route() == TaskRoute.CHAT_COMPLETIONS) ? "/v1/chat/completions" : "");
	}

	/**
	 * Whether a recorded URL already has today's shape (a router URL that the current clients
	 * still call), so that it can be compared verbatim.
	 * @param uri the recorded URL
	 * @param task the task
	 * @return true for current router URLs
	 */
	static boolean isTodaysUrl(URI uri, Task<?, ?, ?> task) {
		return "router.huggingface.co".equals(uri.getHost())
				&& uri.getPath().equals(todayPath(modelId(uri), task));
	}

	/**
	 * Rewrites a recorded JSON body into what today's clients send, applying only the
	 * differences every official client legitimately has (see {@link TaskReplayTests}):
	 * <ol>
	 * <li>{@code options} is dropped: huggingface.js up to 3.x sent {@code options}
	 * ({@code wait_for_model}, {@code use_cache}); both clients removed it in Feb 2025
	 * (hf-protocol.md §b, "API is warm-only");</li>
	 * <li>{@code model} is dropped from task bodies: huggingface.js 3.x also put the model id
	 * in hf-inference bodies, where the router ignores it (the URL names the model); chat
	 * bodies keep it;</li>
	 * <li>{@code null} values are dropped: Python serialises unset parameters as {@code null},
	 * the protocol says they are omitted;</li>
	 * <li>an empty {@code "parameters": {}} is dropped: Python always sends it, we omit it
	 * when no parameter is set;</li>
	 * <li>{@code "stream": false} is dropped: Python sends it for text generation and chat,
	 * and {@code false} is the default.</li>
	 * </ol>
	 * @param recorded the recorded body (not modified)
	 * @param chat whether it is a chat body
	 * @return the normalised copy
	 */
	static ObjectNode normalised(ObjectNode recorded, boolean chat) {
		ObjectNode body = (ObjectNode) withoutNulls(recorded.deepCopy());
		body.remove("options");
		if (!chat) {
			body.remove("model");
		}
		if (body.path("parameters").isObject() && body.path("parameters").isEmpty()) {
			body.remove("parameters");
		}
		if (body.path("stream").isBoolean() && !body.path("stream").booleanValue()) {
			body.remove("stream");
		}
		return body;
	}

	/**
	 * Asserts two JSON documents are equal, numbers compared by value ({@code 0} equals
	 * {@code 0.0}), object keys in any order.
	 * @param actual what the client sent
	 * @param expected what it should have sent
	 * @param what a description for the failure message
	 */
	static void assertSameJson(JsonNode actual, JsonNode expected, String what) {
		if (!actual.equals(NUMBERS_BY_VALUE, expected)) {
			fail(what + " differs.%n  sent:     %s%n  expected: %s", abbreviated(actual), abbreviated(expected));
		}
	}

	/**
	 * Parses a request body sent by the client.
	 * @param body the bytes
	 * @return the JSON
	 */
	static JsonNode json(byte[] body) {
		return JSON.readTree(body);
	}

	/**
	 * Parses JSON text.
	 * @param text the text
	 * @return the JSON
	 */
	static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	/**
	 * A number in a recorded response, exactly as recorded.
	 * @param node the JSON number
	 * @return its value
	 */
	static double number(JsonNode node) {
		assertThat(node.isNumber()).as("%s is a number", node).isTrue();
		return node.doubleValue();
	}

	/**
	 * Label/score pairs of a recorded classification answer in any recorded shape:
	 * {@code [{label, score}]}, {@code [[{label, score}]]}, {@code {labels, scores}} or
	 * {@code [{labels, scores}]}.
	 * @param recorded the recorded JSON
	 * @return the label and score pairs, in order
	 */
	static List<Map.Entry<String, Double>> labelScores(JsonNode recorded) {
		JsonNode node = recorded;
		if (node.isArray() && node.size() == 1 && (node.get(0).isArray() || node.get(0).has("labels"))) {
			node = node.get(0);
		}
		List<Map.Entry<String, Double>> pairs = new ArrayList<>();
		if (node.isObject()) {
			for (int i = 0; i < node.path("labels").size(); i++) {
				pairs.add(Map.entry(node.path("labels").get(i).stringValue(), number(node.path("scores").get(i))));
			}
		}
		else {
			node.forEach((item) -> pairs.add(Map.entry(item.path("label").stringValue(), number(item.path("score")))));
		}
		return pairs;
	}

	/** A short, readable form of a JSON document: long strings are cut. */
	static String abbreviated(JsonNode node) {
		return abbreviate(node.deepCopy()).toString();
	}

	private static JsonNode abbreviate(JsonNode node) {
		if (node.isString() && node.stringValue().length() > 80) {
			String text = node.stringValue();
			return JsonNodeFactory.instance.stringNode(text.substring(0, 40) + "...(" + text.length() + " chars)");
		}
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
				object.set(field.getKey(), abbreviate(field.getValue()));
			}
		}
		if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				array.set(i, abbreviate(array.get(i)));
			}
		}
		return node;
	}

	private static JsonNode withoutNulls(JsonNode node) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
				if (field.getValue().isNull()) {
					object.remove(field.getKey());
				}
				else {
					withoutNulls(field.getValue());
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			array.forEach(ReplaySupport::withoutNulls);
		}
		return node;
	}

	private static String strip(String path, String prefix) {
		return path.startsWith(prefix + "/") ? path.substring(prefix.length()) : path;
	}

	/** UTF-8 bytes. */
	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Serves every response of a hand-written cassette of {@code src/test/resources/chat-recordings}, in order.
	 * @param server the mock server
	 * @param cassette the file name
	 * @return the cassette's interactions
	 */
	static List<Interaction> serveCassette(MockWebServer server, String cassette) {
		List<Interaction> exchange = Recordings.cassetteFile("chat-recordings",
				java.nio.file.Path.of("src/test/resources/chat-recordings", cassette));
		exchange.forEach((interaction) -> server.enqueue(recordedResponse(interaction)));
		return exchange;
	}

	/**
	 * Asserts the server received exactly the cassette's requests: each with its path and
	 * exactly its JSON body.
	 * @param server the mock server
	 * @param exchange the cassette's interactions
	 * @throws InterruptedException if interrupted while taking a request
	 */
	static void assertSentAsRecorded(MockWebServer server, List<Interaction> exchange) throws InterruptedException {
		assertThat(server.getRequestCount()).as("requests sent").isEqualTo(exchange.size());
		for (Interaction interaction : exchange) {
			mockwebserver3.RecordedRequest sent = server.takeRequest();
			assertThat(sent.getTarget()).isEqualTo(interaction.uri().getRawPath());
			assertSameJson(json(sent.getBody().toByteArray()), interaction.requestJson(), interaction.source());
		}
	}

}
