package io.github.hfinference.samples.springai;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample with no token and no reachable Hugging Face: retrieval over the bundled
 * documents answers from the in-process embedding model; chat says how to configure a
 * token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "hf.inference.token=", "hf.inference.base-url=http://127.0.0.1:9",
				"hf.inference.hub-url=http://127.0.0.1:9" })
@AutoConfigureWebTestClient
class RetrievalWithoutTokenTests {

	@Autowired
	private WebTestClient client;

	@Test
	void searchFindsTheParagraphThatAnswersOffline() {
		this.client.get()
			.uri("/api/docs/search?q={q}&top=1", "Can I compute embeddings without an internet connection?")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].source")
			.isEqualTo("local.md")
			.jsonPath("$[0].text")
			.value((String text) -> org.assertj.core.api.Assertions.assertThat(text)
				.startsWith("The local provider runs sentence embeddings in the JVM"));
	}

	@Test
	void searchRanksTheFailoverParagraphFirstForAFailoverQuestion() {
		this.client.get()
			.uri("/api/docs/search?q={q}", "What happens when one provider is down?")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[0].source")
			.isEqualTo("resilience.md");
	}

	@Test
	void chatWithoutTokenAnswersAProblemDetail() {
		this.client.post()
			.uri("/api/chat")
			.bodyValue(Map.of("text", "Hello"))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("No Hugging Face token configured");
	}

}
