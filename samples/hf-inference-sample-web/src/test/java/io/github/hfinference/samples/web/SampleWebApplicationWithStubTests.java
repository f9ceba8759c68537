package io.github.hfinference.samples.web;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.test.AutoConfigureHfInferenceStub;
import io.github.hfinference.test.HfInferenceStub;

import static io.github.hfinference.samples.web.SampleWebApplicationTests.CHAT;
import static io.github.hfinference.samples.web.SampleWebApplicationTests.SENTIMENT;
import static io.github.hfinference.test.HfAnswers.label;
import static io.github.hfinference.test.HfInferenceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web sample tested the way a user tests an application with the starter: one
 * annotation starts a Hugging Face stub, the test scripts what the models answer and
 * asserts what was sent and what the meters recorded. Uses only the public API of
 * {@code hf-inference-test}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureHfInferenceStub
class SampleWebApplicationWithStubTests {

	@Autowired
	private HfInferenceStub stub;

	@Autowired
	private WebTestClient client;

	@Autowired
	private MeterRegistry meters;

	@Test
	void aRateLimitedSentimentCallIsRetriedAndAnswersTheScriptedLabels() {
		this.stub.model(SENTIMENT).task(TextClassification.TASK)
			.fails(429).retryAfter(Duration.ZERO)
			.thenAnswers(List.of(label("POSITIVE", 0.98), label("NEGATIVE", 0.02)));
		this.client.post().uri("/api/sentiment").bodyValue(java.util.Map.of("text", "I love this library!"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].label").isEqualTo("POSITIVE")
			.jsonPath("$[0].score").isEqualTo(0.98);
		assertThat(this.stub).receivedCalls(SENTIMENT).hasSize(2).last()
			.hasPath("/hf-inference/models/" + SENTIMENT)
			.hasBodyJson("{\"inputs\":\"I love this library!\"}")
			.hasBearerToken("hf_test");
		assertThat(this.stub).receivedNoCallTo(CHAT);
		assertThat(this.meters).hasInferenceCall("sentiment").withOutcome("SUCCESS").withProvider("hf-inference")
			.times(1);
		assertThat(this.meters).hasRetried("sentiment", 1);
	}

	@Test
	void theChatStreamRelaysTheScriptedChunks() {
		this.stub.model(CHAT).chat().streams("Hel", "lo", "!");
		List<ServerSentEvent<String>> events = SampleWebApplicationTests.chatStream(this.client, "Say hello");
		assertThat(events).extracting(ServerSentEvent::data).containsExactly("Hel", "lo", "!", "");
		assertThat(this.stub).receivedCalls(CHAT).hasSize(1).first()
			.isStream()
			.hasPath("/v1/chat/completions")
			.hasBodyJson("{\"model\":\"" + CHAT + "\",\"stream\":true,\"messages\":[{\"role\":\"user\","
					+ "\"content\":\"Say hello\"}]}")
			.hasBearerToken();
	}

	@Test
	void aChatStreamThatFailsMidwayEndsWithAnErrorEvent() {
		this.stub.model(CHAT).chat().streams("Hel").thenErrors("generation", "CUDA out of memory");
		List<ServerSentEvent<String>> events = SampleWebApplicationTests.chatStream(this.client, "Say hello");
		assertThat(events).extracting(ServerSentEvent::event).containsExactly("delta", "error");
		assertThat(events.get(1).data()).contains("CUDA out of memory");
	}

}
