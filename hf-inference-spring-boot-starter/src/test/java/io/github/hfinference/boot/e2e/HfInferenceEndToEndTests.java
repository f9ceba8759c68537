package io.github.hfinference.boot.e2e;

import java.io.IOException;
import java.util.List;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.test.StepVerifier;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the starter, two {@code @HfModel} interfaces and an
 * {@code application.yml} calls a local server for several tasks, blocking and reactive.
 */
@SpringBootTest(classes = AssistantApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
class HfInferenceEndToEndTests {

	private static final String SENTIMENT_PATH = "/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english";

	private static final MockWebServer server = new MockWebServer();

	@Autowired
	private SentimentClassifier sentiment;

	@Autowired
	private ChatAssistant assistant;

	@Autowired
	private TimeAssistant timeAssistant;

	@BeforeAll
	static void start() throws IOException {
		server.setDispatcher(new HuggingFaceDispatcher());
		server.start();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@DynamicPropertySource
	static void mockServer(DynamicPropertyRegistry registry) {
		registry.add("mock-hf.url", () -> server.url("/").toString());
	}

	/**
	 * The next inference request, skipping the router price list the cost meter fetches
	 * in the background ({@code GET /v1/models}).
	 */
	private static RecordedRequest takeInferenceRequest() throws InterruptedException {
		RecordedRequest request = server.takeRequest();
		while ("GET".equals(request.getMethod()) && "/v1/models".equals(request.getTarget())) {
			request = server.takeRequest();
		}
		return request;
	}

	@BeforeEach
	void drainRequests() throws InterruptedException {
		while (server.takeRequest(0, java.util.concurrent.TimeUnit.MILLISECONDS) != null) {
			// requests of earlier tests
		}
	}

	@Test
	void blockingClassification() throws InterruptedException {
		assertThat(this.sentiment.classify("I love this starter")).containsExactly(
				new ClassificationOutput("POSITIVE", 0.9998), new ClassificationOutput("NEGATIVE", 0.0002));
		RecordedRequest request = takeInferenceRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo(SENTIMENT_PATH);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
		assertThat(request.getBody().utf8()).isEqualTo("{\"inputs\":\"I love this starter\"}");
	}

	@Test
	void reactiveClassificationWithParameters() throws InterruptedException {
		StepVerifier.create(this.sentiment.classify("meh", new TextClassification.Parameters(1, null)))
			.assertNext((labels) -> assertThat(labels).hasSize(2))
			.verifyComplete();
		RecordedRequest request = takeInferenceRequest();
		assertThat(request.getTarget()).isEqualTo(SENTIMENT_PATH);
		assertThat(request.getBody().utf8()).isEqualTo("{\"inputs\":\"meh\",\"parameters\":{\"top_k\":1}}");
	}

	@Test
	void defaultMethodCallsTheModel() {
		assertThat(this.sentiment.label("great")).isEqualTo("POSITIVE");
	}

	@Test
	void featureExtractionNamedOnTheMethodOverridesTheConfiguredTask() throws Exception {
		assertThat(this.sentiment.embed("hello").get().vector()).containsExactly(0.25f, -0.5f, 1.0f);
		RecordedRequest request = takeInferenceRequest();
		assertThat(request.getTarget()).isEqualTo(SENTIMENT_PATH + "/pipeline/feature-extraction");
		assertThat(request.getBody().utf8()).isEqualTo("{\"inputs\":\"hello\"}");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
	}

	@Test
	void aChatMethodCallsTheToolBeanAndSendsItsResultBack() throws InterruptedException {
		assertThat(this.timeAssistant.ask("What time is it in Paris?")).isEqualTo("It is 14:05.");
		assertThat(takeInferenceRequest().getBody().utf8()).contains("\"tools\":[{\"type\":\"function\",\"function\":"
				+ "{\"name\":\"time\",\"description\":\"The current time in a city, as HH:mm\"");
		assertThat(takeInferenceRequest().getBody().utf8())
			.contains("{\"role\":\"tool\",\"content\":\"14:05\",\"tool_call_id\":\"t1\"}");
	}

	@Test
	void blockingChatThroughTheAutoRouter() throws InterruptedException {
		assertThat(this.assistant.ask("What is the capital of France?")).isEqualTo("Paris.");
		RecordedRequest request = takeInferenceRequest();
		assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
		assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"meta-llama/Llama-3.1-8B-Instruct\","
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]}");
	}

	@Test
	void reactiveChatWithParametersAndMetadata() throws InterruptedException {
		StepVerifier
			.create(this.assistant.chat(List.of(ChatMessage.system("Answer briefly."), ChatMessage.user("Capital?")),
					ChatCompletion.Parameters.builder().maxTokens(16).temperature(0.0).build()))
			.assertNext((response) -> {
				assertThat(response.value().content()).isEqualTo("Paris.");
				assertThat(response.metadata().requestId()).isEqualTo("req-chat");
				assertThat(response.metadata().promptTokens()).isEqualTo(12);
				assertThat(response.metadata().generatedTokens()).isEqualTo(3);
			})
			.verifyComplete();
		assertThat(takeInferenceRequest().getBody().utf8()).isEqualTo("{\"model\":\"meta-llama/Llama-3.1-8B-Instruct\","
				+ "\"messages\":[{\"role\":\"system\",\"content\":\"Answer briefly.\"},{\"role\":\"user\","
				+ "\"content\":\"Capital?\"}],\"max_tokens\":16,\"temperature\":0.0}");
	}

	@Test
	void completableFutureChatWithCallOptions() throws Exception {
		assertThat(this.assistant.ask("Capital?", CallOptions.defaults().withHeader("X-Request-Tag", "e2e")).get())
			.isEqualTo("Paris.");
		assertThat(takeInferenceRequest().getHeaders().get("X-Request-Tag")).isEqualTo("e2e");
	}

	@Test
	void streamingChatReturnsTheTextDeltas() throws InterruptedException {
		StepVerifier.create(this.assistant.stream("Capital?")).expectNext("Par", "is.").verifyComplete();
		RecordedRequest request = takeInferenceRequest();
		assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
		assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"meta-llama/Llama-3.1-8B-Instruct\","
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"Capital?\"}],\"stream\":true,"
				+ "\"stream_options\":{\"include_usage\":true}}");
	}

	/** Answers like the router would, by path. */
	static class HuggingFaceDispatcher extends Dispatcher {

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			String target = request.getTarget();
			if (target.equals(SENTIMENT_PATH)) {
				return json("[[{\"label\":\"POSITIVE\",\"score\":0.9998},{\"label\":\"NEGATIVE\",\"score\":0.0002}]]");
			}
			if (target.equals(SENTIMENT_PATH + "/pipeline/feature-extraction")) {
				return json("[0.25,-0.5,1.0]");
			}
			if (target.equals("/v1/chat/completions") && request.getBody().utf8().contains("\"stream\":true")) {
				return new MockResponse.Builder().code(200)
					.addHeader("Content-Type", "text/event-stream")
					.body("data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,"
							+ "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Par\"}}]}\n\n"
							+ "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,"
							+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"is.\"},\"finish_reason\":\"stop\"}]}\n\n"
							+ "data: {\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,"
							+ "\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,"
							+ "\"total_tokens\":11}}\n\n"
							+ "data: [DONE]\n\n")
					.build();
			}
			String body = request.getBody().utf8();
			if (target.equals("/v1/chat/completions") && body.contains("\"tools\"") && !body.contains("\"role\":\"tool\"")) {
				return json("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"t1\","
						+ "\"type\":\"function\",\"function\":{\"name\":\"time\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]},"
						+ "\"finish_reason\":\"tool_calls\"}]}");
			}
			if (target.equals("/v1/chat/completions") && body.contains("\"role\":\"tool\"")) {
				return json("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"It is 14:05.\"},"
						+ "\"finish_reason\":\"stop\"}]}");
			}
			if (target.equals("/v1/chat/completions")) {
				return new MockResponse.Builder().code(200)
					.addHeader("Content-Type", "application/json")
					.addHeader("x-request-id", "req-chat")
					.body("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1732000000,"
							+ "\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"choices\":[{\"index\":0,\"message\":"
							+ "{\"role\":\"assistant\",\"content\":\"Paris.\"},\"finish_reason\":\"stop\"}],"
							+ "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}")
					.build();
			}
			return new MockResponse.Builder().code(404).body("{\"error\":\"Not Found: " + target + "\"}").build();
		}

		private static MockResponse json(String body) {
			return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
		}

	}

}
