package io.github.hfinference.samples.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local stand-in for the Hugging Face router and Hub: answers the sentiment model on
 * {@code hf-inference}, chat completions (plain and streamed), and the credit-free Hub
 * calls of the health checks (whoami, model info); records every request.
 */
final class FakeHuggingFace extends Dispatcher implements AutoCloseable {

	static final String SENTIMENT_PATH = "/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english";

	private final MockWebServer server = new MockWebServer();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	FakeHuggingFace() {
		this.server.setDispatcher(this);
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url() {
		return this.server.url("/").toString();
	}

	List<RecordedRequest> requests() {
		return this.requests;
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		this.requests.add(request);
		String target = request.getTarget();
		String body = (request.getBody() != null) ? request.getBody().utf8() : "";
		if (target.startsWith("/api/whoami-v2")) {
			return json("{\"type\":\"user\",\"name\":\"sample-user\",\"auth\":{\"type\":\"access_token\","
					+ "\"accessToken\":{\"displayName\":\"sample\",\"role\":\"fineGrained\"}}}");
		}
		if (target.startsWith("/api/models/")) {
			return json("{\"id\":\"model\",\"sha\":\"714eb0fa89d2f80546fda750413ed43d93601a13\",\"inference\":\"warm\","
					+ "\"inferenceProviderMapping\":{\"hf-inference\":{\"status\":\"live\",\"providerId\":\"model\","
					+ "\"task\":\"text-classification\"},\"together\":{\"status\":\"live\",\"providerId\":\"model\","
					+ "\"task\":\"conversational\"}}}");
		}
		if (SENTIMENT_PATH.equals(target) && body.contains("trigger-429")) {
			return new MockResponse.Builder().code(429)
				.addHeader("Content-Type", "application/json")
				.addHeader("Retry-After", "7")
				.addHeader("x-request-id", "req-429")
				.body("{\"error\":\"Rate limit reached. Please retry later.\"}")
				.build();
		}
		if (SENTIMENT_PATH.equals(target) && body.contains("trigger-403")) {
			return new MockResponse.Builder().code(403)
				.addHeader("Content-Type", "application/json")
				.addHeader("x-request-id", "req-403")
				.body("{\"error\":\"This authentication method does not have sufficient permissions\"}")
				.build();
		}
		if (SENTIMENT_PATH.equals(target)) {
			return json("[[{\"label\":\"POSITIVE\",\"score\":0.9998},{\"label\":\"NEGATIVE\",\"score\":0.0002}]]");
		}
		if ("/v1/chat/completions".equals(target) && body.contains("\"stream\":true")) {
			return new MockResponse.Builder().code(200)
				.addHeader("Content-Type", "text/event-stream")
				.body(chunk("Hel") + chunk("lo") + chunk("!") + "data: [DONE]\n\n")
				.build();
		}
		if ("/v1/chat/completions".equals(target) && body.contains("\"response_format\"")) {
			return json("""
					{"id":"chat-2","object":"chat.completion","created":1764000000,
					 "model":"meta-llama/Llama-3.1-8B-Instruct",
					 "choices":[{"index":0,"message":{"role":"assistant","content":
					 "{\\"number\\":\\"INV-2041\\",\\"customer\\":\\"ACME SARL\\",\\"total\\":1250.0,\\"currency\\":\\"EUR\\"}"},
					 "finish_reason":"stop"}]}""");
		}
		if ("/v1/chat/completions".equals(target)) {
			return json("""
					{"id":"chat-1","object":"chat.completion","created":1764000000,
					 "model":"meta-llama/Llama-3.1-8B-Instruct",
					 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello!"},"finish_reason":"stop"}],
					 "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}""");
		}
		return new MockResponse.Builder().code(404)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":\"Not Found\"}")
			.build();
	}

	private static String chunk(String text) {
		return "data: {\"id\":\"chat-1\",\"object\":\"chat.completion.chunk\",\"created\":1764000000,"
				+ "\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"choices\":[{\"index\":0,\"delta\":{\"role\":"
				+ "\"assistant\",\"content\":\"" + text + "\"},\"finish_reason\":null}]}\n\n";
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
