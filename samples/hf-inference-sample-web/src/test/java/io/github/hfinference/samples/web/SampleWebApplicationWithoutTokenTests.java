package io.github.hfinference.samples.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.github.hfinference.test.AutoConfigureHfInferenceStub;
import io.github.hfinference.test.HfInferenceStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web sample on a machine with no Hugging Face token: local tasks work, remote ones
 * answer a problem detail that says how to configure a token, and nothing is sent out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureHfInferenceStub(token = "")
class SampleWebApplicationWithoutTokenTests {

	@Autowired
	private WebTestClient client;

	@Autowired
	private HfInferenceStub huggingFace;

	@Test
	void localSimilarityStillWorks() {
		this.client.post().uri("/api/similarity")
			.bodyValue(Map.of("source", "The cat sits on the mat.", "sentences", List.of("A kitten is on a rug.")))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.scores.length()").isEqualTo(1);
	}

	@Test
	void sentimentExplainsHowToConfigureAToken() {
		assertMissingTokenProblem(this.client.post().uri("/api/sentiment").bodyValue(Map.of("text", "Great!")));
	}

	@Test
	void chatExplainsHowToConfigureAToken() {
		assertMissingTokenProblem(this.client.post().uri("/api/chat").bodyValue(Map.of("message", "Hello")));
	}

	@Test
	void chatStreamEndsWithAnErrorEventExplainingHowToConfigureAToken() {
		List<ServerSentEvent<Map<String, Object>>> events = this.client.get().uri("/api/chat/stream?message=Hello")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus().isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(java.time.Duration.ofSeconds(30));
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("error");
			assertThat(event.data()).containsEntry("status", 503)
				.containsEntry("title", "Hugging Face token not configured");
			assertThat((String) event.data().get("detail")).contains("hf.inference.token", "HF_TOKEN");
		});
		assertThat(this.huggingFace.calls()).isEmpty();
	}

	private void assertMissingTokenProblem(WebTestClient.RequestHeadersSpec<?> request) {
		byte[] body = request.exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo(
					"https://github.com/hf-inference/hf-inference-spring-boot-starter/problems/missing-token")
			.jsonPath("$.title").isEqualTo("Hugging Face token not configured")
			.jsonPath("$.status").isEqualTo(503)
			.jsonPath("$.detail").value((String detail) -> assertThat(detail).contains("hf.inference.token",
					"HF_TOKEN", "endpoint URL"))
			.jsonPath("$.trace").doesNotExist()
			.returnResult()
			.getResponseBody();
		assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\tat ", ".java:");
		assertThat(this.huggingFace.calls()).isEmpty();
	}

}
