package io.github.hfinference.samples.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's page in a real browser with a token, Hugging Face being a local stand-in:
 * the answers of the remote models as a user sees them, streamed chat included.
 */
@TestPropertySource(properties = { "hf.inference.token=hf_test", "hf.inference.models.sentiment.retry.enabled=false" })
@DisabledIfSystemProperty(named = HeadlessChromium.SKIP_PROPERTY, matches = "true",
		disabledReason = "browser tests skipped by -D" + HeadlessChromium.SKIP_PROPERTY + "=true")
class SamplePageWithTokenInBrowserTests extends SamplePageBrowserTest {

	@Test
	void classifyShowsTheLabelsFromHuggingFace() {
		String shown = click("sentiment-button");
		assertThat(shown).startsWith("200").contains("\"label\": \"POSITIVE\"", "\"score\": 0.9998");
		assertThat(this.huggingFace.requests())
			.anySatisfy((request) -> assertThat(request.getTarget()).isEqualTo(FakeHuggingFace.SENTIMENT_PATH));
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void sendShowsTheStreamedAnswerPieceByPieceJoined() {
		assertThat(click("chat-button")).isEqualTo("Hello!");
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void anUpstreamErrorShowsTheServersMessage() {
		this.browser.type("sentiment-text", "trigger-403");
		String shown = click("sentiment-button");
		assertThat(shown).startsWith("502 Hugging Face returned an error\n")
			.contains("This authentication method does not have sufficient permissions");
		assertThat(this.browser.consoleErrors()).singleElement()
			.satisfies((error) -> assertThat(error).startsWith(url("/api/sentiment")).contains("status of 502"));
	}

}
