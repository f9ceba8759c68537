package io.github.hfinference.samples.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.test.context.TestPropertySource;

import io.github.hfinference.core.task.TextClassification;

import static io.github.hfinference.samples.web.SampleWebApplicationTests.CHAT;
import static io.github.hfinference.samples.web.SampleWebApplicationTests.SENTIMENT;
import static io.github.hfinference.test.HfAnswers.label;
import static io.github.hfinference.test.HfInferenceAssertions.assertThat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's page in a real browser with a token, Hugging Face being a local stand-in:
 * the answers of the remote models as a user sees them, streamed chat included.
 */
@TestPropertySource(properties = { "hf.inference.token=hf_test", "hf.inference.models.sentiment.retry.enabled=false" })
@DisabledIfSystemProperty(named = HeadlessChromium.SKIP_PROPERTY, matches = "true",
		disabledReason = "browser tests skipped by -D" + HeadlessChromium.SKIP_PROPERTY + "=true")
class SamplePageWithTokenInBrowserTests extends SamplePageBrowserTest {

	@BeforeEach
	void scriptHuggingFace() {
		this.huggingFace.model(SENTIMENT).task(TextClassification.TASK)
			.answers(List.of(label("POSITIVE", 0.9998), label("NEGATIVE", 0.0002)));
		this.huggingFace.model(CHAT).chat().streams("Hel", "lo", "!");
	}

	@Test
	void classifyShowsTheLabelsFromHuggingFace() {
		String shown = click("sentiment-button");
		assertThat(shown).startsWith("200").contains("\"label\": \"POSITIVE\"", "\"score\": 0.9998");
		assertThat(this.huggingFace).receivedCalls(SENTIMENT).hasSize(1).first()
			.hasPath("/hf-inference/models/" + SENTIMENT)
			.hasBearerToken("hf_test");
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void sendShowsTheStreamedAnswerPieceByPieceJoined() {
		assertThat(click("chat-button")).isEqualTo("Hello!");
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void extractShowsTheInvoiceTheModelAnsweredAsTypedJson() {
		this.huggingFace.model(CHAT).chat().reset()
			.replies("{\"number\":\"INV-2041\",\"customer\":\"ACME SARL\",\"total\":1250.0,\"currency\":\"EUR\"}");
		String shown = click("extract-button");
		assertThat(shown).startsWith("200").contains("\"number\": \"INV-2041\"", "\"currency\": \"EUR\"");
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void anUpstreamErrorShowsTheServersMessage() {
		this.huggingFace.reset();
		this.huggingFace.model(SENTIMENT).task(TextClassification.TASK)
			.fails(403, "This authentication method does not have sufficient permissions");
		String shown = click("sentiment-button");
		assertThat(shown).startsWith("502 Hugging Face returned an error\n")
			.contains("This authentication method does not have sufficient permissions");
		assertThat(this.browser.consoleErrors()).singleElement()
			.satisfies((error) -> assertThat(error).startsWith(url("/api/sentiment")).contains("status of 502"));
	}

}
