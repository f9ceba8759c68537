package io.github.hfinference.springai;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;

/**
 * A local OpenAI-compatible chat endpoint (TGI-style) for the tests: queued answers,
 * recorded requests, and a chat model over it.
 */
final class ChatStub implements AutoCloseable {

	static final String MODEL_ID = "meta-llama/Llama-3.1-8B-Instruct";

	private static final JsonMapper JSON = JsonMapper.shared();

	final MockWebServer server = new MockWebServer();

	ChatStub() throws IOException {
		this.server.start();
	}

	URI url() {
		return this.server.url("/").uri();
	}

	/** A client with a fake token, no retries waiting, observed by the registry. */
	HfInferenceClient client(ObservationRegistry registry) {
		return HfInferenceClient.builder().token("hf_test").noTokenLookup().observationRegistry(registry).build();
	}

	ModelDefinition model() {
		return ModelDefinition.builder("chat").id(MODEL_ID).target(InferenceTarget.Endpoint.of(url())).build();
	}

	HfChatModel chatModel(ObservationRegistry registry) {
		return HfChatModel.builder().client(client(registry)).model(model()).observationRegistry(registry).build();
	}

	void answer(String json) {
		this.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
			.body(json)
			.build());
	}

	void stream(String... events) {
		StringBuilder body = new StringBuilder();
		for (String event : events) {
			body.append("data: ").append(event).append("\n\n");
		}
		body.append("data: [DONE]\n\n");
		this.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
			.body(body.toString())
			.build());
	}

	static String completion(String message, String finishReason) {
		return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1732000000,\"model\":\"" + MODEL_ID
				+ "\",\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"" + finishReason
				+ "\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":5,\"total_tokens\":25}}";
	}

	static String chunk(String delta, String finishReason) {
		return "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,\"model\":\""
				+ MODEL_ID + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
				+ ((finishReason != null) ? "\"" + finishReason + "\"" : "null") + "}]}";
	}

	/** The next request's JSON body, as maps and lists. */
	Map<String, Object> takeBody() throws InterruptedException {
		RecordedRequest request = take();
		return JSON.readValue(request.getBody().utf8(), new TypeReference<>() {
		});
	}

	RecordedRequest take() throws InterruptedException {
		RecordedRequest request = this.server.takeRequest(10, TimeUnit.SECONDS);
		if (request == null) {
			throw new AssertionError("No request arrived");
		}
		return request;
	}

	static Map<String, Object> json(String text) {
		return JSON.readValue(text, new TypeReference<>() {
		});
	}

	static List<Object> jsonList(String text) {
		return JSON.readValue(text, new TypeReference<>() {
		});
	}

	@Override
	public void close() {
		this.server.close();
	}

}
