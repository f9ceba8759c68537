package io.github.hfinference.core.declarative;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.error.HfInvalidInputException;
import io.github.hfinference.core.routing.InferenceTarget;
import io.github.hfinference.core.routing.ModelDefinition;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatStreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Chat methods of {@link HfModel @HfModel} interfaces with images, reasoning, typed
 * answers and tools.
 */
class HfModelChatFeatureTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final String ANSWER = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"%s\"},"
			+ "\"finish_reason\":\"stop\"}]}";

	final MockWebServer server = new MockWebServer();

	HfInferenceClient client;

	HfModelProxyFactory factory;

	@BeforeEach
	void start() throws IOException {
		this.server.start();
		URI url = this.server.url("/").uri();
		this.client = HfInferenceClient.builder().token("hf_test").noTokenLookup().baseUrl(url).hubUrl(url).build();
		ModelDefinition vision = ModelDefinition.builder("vision")
			.id("Qwen/Qwen2.5-VL-7B-Instruct")
			.target(new InferenceTarget.Router("hf-inference"))
			.build();
		this.factory = HfModelProxyFactory.builder(this.client)
			.modelResolver(ModelResolver.of(Map.of("vision", new ConfiguredModel(vision, ChatCompletion.TASK))))
			.build();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void aPromptAndAnImageBecomeOneUserMessageWithParts() throws InterruptedException {
		this.server.enqueue(json(ANSWER.formatted("A cat.")));
		Vision vision = this.factory.createClient(Vision.class);

		assertThat(vision.describe("What is it?", new BinaryInput(new byte[] { 1, 2, 3 }, "image/png")))
			.isEqualTo("A cat.");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"Qwen/Qwen2.5-VL-7B-Instruct\",\"messages\":[{"
				+ "\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is it?\"},{\"type\":\"image_url\","
				+ "\"image_url\":{\"url\":\"data:image/png;base64,AQID\"}}]}]}");
	}

	@Test
	void aListOfImagesFollowsThePromptInOrderAndParametersStillBind() throws InterruptedException {
		this.server.enqueue(json(ANSWER.formatted("Two.")));
		Vision vision = this.factory.createClient(Vision.class);

		assertThat(vision.compare(List.of(new BinaryInput(new byte[] { 1 }, "image/png"),
				new BinaryInput(new byte[] { 2 }, "image/jpeg")), "Differences?",
				ChatCompletion.Parameters.builder().maxTokens(9).build())
			.block(WAIT)).isEqualTo("Two.");

		String body = this.server.takeRequest().getBody().utf8();
		assertThat(body).contains("[{\"type\":\"text\",\"text\":\"Differences?\"},{\"type\":\"image_url\",\"image_url\":"
				+ "{\"url\":\"data:image/png;base64,AQ==\"}},{\"type\":\"image_url\",\"image_url\":{\"url\":"
				+ "\"data:image/jpeg;base64,Ag==\"}}]").contains("\"max_tokens\":9");
	}

	@Test
	void aNonImageFailsTheCallTypedAndNothingIsSent() {
		Vision vision = this.factory.createClient(Vision.class);

		assertThatExceptionOfType(HfInvalidInputException.class)
			.isThrownBy(() -> vision.describe("What is it?", new BinaryInput(new byte[] { 1 }, "text/plain")))
			.withMessageContaining("got 'text/plain'");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void aStreamedReasoningAnswerKeepsReasoningApartFromTheText() {
		this.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
			.body("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"Hmm, \"}}]}\n\n"
					+ "data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"seven.\"}}]}\n\n"
					+ "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"7\"},\"finish_reason\":\"stop\"}]}\n\n"
					+ "data: [DONE]\n\n")
			.build());
		Vision vision = this.factory.createClient(Vision.class);
		Flux<ChatCompletionChunk> chunks = vision.think("3 + 4?").cache();

		StepVerifier.create(ChatStreams.reasoningDeltas(chunks)).expectNext("Hmm, ", "seven.").expectComplete().verify(WAIT);
		StepVerifier.create(ChatStreams.textDeltas(chunks)).expectNext("7").expectComplete().verify(WAIT);
		assertThat(ChatStreams.aggregate(chunks).block(WAIT).reasoning()).isEqualTo("Hmm, seven.");
	}

	static MockResponse json(String body) {
		return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
	}

	@HfModel("vision")
	interface Vision {

		String describe(String prompt, BinaryInput image);

		Mono<String> compare(List<BinaryInput> images, String prompt, ChatCompletion.Parameters parameters);

		Flux<ChatCompletionChunk> think(String prompt);

	}

}
