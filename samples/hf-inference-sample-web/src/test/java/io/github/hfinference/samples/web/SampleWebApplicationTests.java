package io.github.hfinference.samples.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the web sample on a random port with a fake token and a local stand-in for the
 * Hugging Face router, and exercises every endpoint. Embeddings and similarity are real:
 * the bundled all-MiniLM-L6-v2 runs in process.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "hf.inference.models.sentiment.retry.enabled=false")
@AutoConfigureWebTestClient
class SampleWebApplicationTests {

	private static final FakeHuggingFace huggingFace = new FakeHuggingFace();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void huggingFace(DynamicPropertyRegistry registry) {
		registry.add("hf.inference.base-url", huggingFace::url);
		registry.add("hf.inference.hub-url", huggingFace::url);
		registry.add("hf.inference.token", () -> "hf_test");
	}

	@AfterAll
	static void stopHuggingFace() {
		huggingFace.close();
	}

	@Test
	void embeddingsAreComputedLocally() {
		Map<String, Object> body = postForMap("/api/embeddings",
				Map.of("texts", List.of("The cat sits on the mat.", "Stock markets fell sharply today.")));
		assertThat(body).containsEntry("dimensions", 384);
		List<?> vectors = (List<?>) body.get("vectors");
		assertThat(vectors).hasSize(2);
		List<?> first = (List<?>) vectors.get(0);
		assertThat(first).hasSize(384);
		double norm = first.stream().mapToDouble((value) -> ((Number) value).doubleValue())
			.map((value) -> value * value).sum();
		assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
	}

	@Test
	void relatedSentencesScoreHigherThanUnrelatedOnes() {
		Map<String, Object> body = postForMap("/api/similarity", Map.of("source", "The cat sits on the mat.",
				"sentences", List.of("A kitten is resting on a rug.", "Stock markets fell sharply today.")));
		List<?> scores = (List<?>) body.get("scores");
		double related = ((Number) scores.get(0)).doubleValue();
		double unrelated = ((Number) scores.get(1)).doubleValue();
		assertThat(related).isGreaterThan(0.4).isGreaterThan(unrelated + 0.3);
	}

	@Test
	void sentimentGoesToHuggingFaceWithTheServersToken() {
		this.client.post().uri("/api/sentiment").bodyValue(Map.of("text", "I love this library!"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].label").isEqualTo("POSITIVE")
			.jsonPath("$[0].score").isEqualTo(0.9998);
		assertThat(huggingFace.requests()).anySatisfy((request) -> {
			assertThat(request.getTarget()).isEqualTo(FakeHuggingFace.SENTIMENT_PATH);
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
		});
	}

	@Test
	void anUpstreamRateLimitIsA429ProblemWithRetryAfter() {
		this.client.post().uri("/api/sentiment").bodyValue(Map.of("text", "trigger-429"))
			.exchange()
			.expectStatus().isEqualTo(429)
			.expectHeader().valueEquals("Retry-After", "7")
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title").isEqualTo("Rate limited by Hugging Face")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail).startsWith("Rate limit reached. Please retry later."))
			.jsonPath("$.upstreamStatus").isEqualTo(429)
			.jsonPath("$.requestId").isEqualTo("req-429");
	}

	@Test
	void anUpstreamErrorIsA502ProblemWithTheServersMessageAndRequestId() {
		this.client.post().uri("/api/sentiment").bodyValue(Map.of("text", "trigger-403"))
			.exchange()
			.expectStatus().isEqualTo(502)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://github.com/hf-inference/hf-inference-spring-boot-starter/problems/upstream-error")
			.jsonPath("$.detail")
			.value((String detail) -> assertThat(detail)
				.startsWith("This authentication method does not have sufficient permissions"))
			.jsonPath("$.upstreamStatus").isEqualTo(403)
			.jsonPath("$.requestId").isEqualTo("req-403")
			.jsonPath("$.exception").isEqualTo("HfForbiddenException");
	}

	@Test
	void chatAnswersTheMessage() {
		this.client.post().uri("/api/chat").bodyValue(Map.of("message", "Say hello"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.text").isEqualTo("Hello!")
			.jsonPath("$.model").isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
	}

	@Test
	void extractAnswersTheTypedInvoiceTheModelSentAsJsonOfItsSchema() {
		this.client.post().uri("/api/extract")
			.bodyValue(Map.of("text", "Invoice INV-2041 for ACME SARL: 1,250.00 EUR"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.number").isEqualTo("INV-2041")
			.jsonPath("$.customer").isEqualTo("ACME SARL")
			.jsonPath("$.total").isEqualTo(1250.0)
			.jsonPath("$.currency").isEqualTo("EUR");
	}

	@Test
	void chatStreamSendsTextDeltasThenDone() {
		List<ServerSentEvent<String>> events = this.client.get().uri("/api/chat/stream?message=Say hello")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus().isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.getResponseBody()
			.collectList()
			.block(java.time.Duration.ofSeconds(30));
		assertThat(events).extracting(ServerSentEvent::event).containsExactly("delta", "delta", "delta", "done");
		assertThat(events.subList(0, 3)).extracting(ServerSentEvent::data).containsExactly("Hel", "lo", "!");
	}

	@Test
	void blankInputIsABadRequestProblem() {
		this.client.post().uri("/api/similarity").bodyValue(Map.of("source", " ", "sentences", List.of("x")))
			.exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail").isEqualTo("'source' must be a non-blank string");
	}

	@Test
	void healthIsUpWithTheTokenAndEveryModel() {
		long inferenceCallsBefore = inferenceCalls();
		this.client.get().uri("/actuator/health")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.hf.components.token.status").isEqualTo("UP")
			.jsonPath("$.components.hf.components.token.details.owner").isEqualTo("sample-user")
			.jsonPath("$.components.hf.components.sentiment.status").isEqualTo("UP")
			.jsonPath("$.components.hf.components.embed.status").isEqualTo("UP");
		assertThat(inferenceCalls()).as("health checks never run inference").isEqualTo(inferenceCallsBefore);
	}

	private static long inferenceCalls() {
		return huggingFace.requests()
			.stream()
			.filter((request) -> "POST".equals(request.getMethod()))
			.count();
	}

	@Test
	void metricsRecordInferenceCallsPerModel() {
		postForMap("/api/similarity", Map.of("source", "a cat", "sentences", List.of("a dog")));
		this.client.get().uri("/actuator/metrics/gen_ai.client.operation?tag=hf.model:similarity")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.measurements[0].statistic").isEqualTo("COUNT")
			.jsonPath("$.measurements[0].value").value(Double.class, (count) -> assertThat(count).isPositive())
			.jsonPath("$.availableTags[?(@.tag == 'hf.provider')].values[0]").isEqualTo("local");
	}

	@Test
	void inferenceEndpointShowsEveryModelWithItsCounts() {
		this.client.post().uri("/api/sentiment").bodyValue(Map.of("text", "I like you")).exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/hfinference")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.tokenConfigured").isEqualTo(true)
			.jsonPath("$.models.sentiment.id").isEqualTo("distilbert/distilbert-base-uncased-finetuned-sst-2-english")
			.jsonPath("$.models.sentiment.lastTarget").isEqualTo("hf-inference")
			.jsonPath("$.models.embed.targets[0].name").isEqualTo("local")
			.consumeWith((result) -> assertThat(new String(result.getResponseBody(),
					java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("hf_test"));
	}

	@Test
	void staticPageIsServed() {
		this.client.get().uri("/index.html")
			.exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("/api/chat/stream", "/api/embeddings"));
	}

	private Map<String, Object> postForMap(String uri, Object body) {
		return this.client.post().uri(uri).bodyValue(body)
			.exchange()
			.expectStatus().isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

}
