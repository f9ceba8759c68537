package io.github.hfinference.samples.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's page in a real browser as a user without a Hugging Face token sees it:
 * every button clicked and its result read from the screen, the browser console free of
 * errors except the 503 the page then explains, and nothing sent to Hugging Face. One test
 * per button; the screenshot test clicks every button on the page, new ones included.
 */
@TestPropertySource(properties = "hf.inference.token=")
@DisabledIfSystemProperty(named = HeadlessChromium.SKIP_PROPERTY, matches = "true",
		disabledReason = "browser tests skipped by -D" + HeadlessChromium.SKIP_PROPERTY + "=true")
class SamplePageWithoutTokenInBrowserTests extends SamplePageBrowserTest {

	private static final Path SCREENSHOT = Path.of("target", "browser", "sample-page.png");

	@Test
	void thePageAndItsFaviconLoadWithoutConsoleErrors() {
		assertThat(this.browser.buttonIds()).containsExactly("embed-button", "sim-button", "sentiment-button",
				"chat-button", "extract-button");
		assertThat(this.browser.fetch(url("/favicon.ico"))).startsWith("200 image/");
		assertThat(this.browser.consoleErrors()).isEmpty();
	}

	@Test
	void everyActuatorLinkOpensWithoutConsoleErrors() {
		List<String> links = this.browser.links();
		assertThat(links).contains(url("/actuator/health"), url("/actuator/hfinference"));
		for (String link : links) {
			this.browser.open(link);
			assertThat(this.browser.consoleErrors()).as(link).isEmpty();
		}
	}

	@Test
	void embedShowsA384DimensionalVectorPerLineComputedLocally() {
		String shown = click("embed-button");
		assertThat(shown).startsWith("200").contains("\"dimensions\": 384");
		assertThat(Pattern.compile("… \\(384\\)").matcher(shown).results()).as("one 384-long vector per line")
			.hasSize(2);
		assertThat(this.browser.consoleErrors()).isEmpty();
		assertThat(this.huggingFace.calls()).isEmpty();
	}

	@Test
	void scoreShowsTheRelatedSentenceFarAboveTheUnrelatedOne() {
		String shown = click("sim-button");
		assertThat(shown).startsWith("200");
		List<Double> scores = Pattern.compile("-?\\d+\\.\\d+(?:[eE]-?\\d+)?")
			.matcher(shown.substring(shown.indexOf('[')))
			.results()
			.map((match) -> Double.valueOf(match.group()))
			.toList();
		assertThat(scores).as("scores shown in '%s'", shown).hasSize(2);
		assertThat(scores.get(0)).as("the kitten sentence").isGreaterThan(0.4).isGreaterThan(scores.get(1) + 0.3);
		assertThat(this.browser.consoleErrors()).isEmpty();
		assertThat(this.huggingFace.calls()).isEmpty();
	}

	@Test
	void classifyShowsTheMissingTokenProblemWithoutCallingHuggingFace() {
		assertMissingTokenProblem(click("sentiment-button"));
		assertThat(this.browser.consoleErrors()).singleElement()
			.satisfies((error) -> assertThat(error).startsWith(url("/api/sentiment")).contains("status of 503"));
		assertThat(this.huggingFace.calls()).isEmpty();
	}

	@Test
	void sendShowsTheMissingTokenProblemFromTheChatStream() {
		assertMissingTokenProblem(click("chat-button"));
		assertThat(this.browser.consoleErrors()).isEmpty();
		assertThat(this.huggingFace.calls()).isEmpty();
	}

	@Test
	void everyButtonShowsAResultAndTheScreenshotIsWritten() throws Exception {
		List<String> buttons = this.browser.buttonIds();
		buttons.forEach(this.browser::click);
		buttons.forEach(this::resultOf);
		Path screenshot = this.browser.screenshot(SCREENSHOT);
		assertThat(Files.readAllBytes(screenshot)).startsWith(0x89, 'P', 'N', 'G').hasSizeGreaterThan(10_000);
		assertThat(this.browser.consoleErrors()).allSatisfy((error) -> assertThat(error).contains("status of 503"));
		assertThat(this.huggingFace.calls()).isEmpty();
	}

	private static void assertMissingTokenProblem(String shown) {
		assertThat(shown).startsWith("503 Hugging Face token not configured\n")
			.contains("needs an access token", "hf.inference.token", "HF_TOKEN")
			.doesNotContain("{", "Exception");
	}

}
