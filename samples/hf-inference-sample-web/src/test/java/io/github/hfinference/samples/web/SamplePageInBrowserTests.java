package io.github.hfinference.samples.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's page in a real browser (Debian's headless Chromium), as a user without a
 * Hugging Face token sees it: every button clicked, its result read from the screen, and
 * the browser console free of errors except the 503 the page is expected to explain.
 * Hugging Face is a local stand-in that must receive nothing. One test per button; a new
 * button needs one more such method (the screenshot test clicks it without changes).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hf.inference.token=")
class SamplePageInBrowserTests {

	private static final String LOADING = "…";

	private static final Path SCREENSHOT = Path.of("target", "browser", "sample-page.png");

	private static final FakeHuggingFace huggingFace = new FakeHuggingFace();

	private static HeadlessChromium browser;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void huggingFace(DynamicPropertyRegistry registry) {
		registry.add("hf.inference.base-url", huggingFace::url);
		registry.add("hf.inference.hub-url", huggingFace::url);
	}

	@BeforeAll
	static void startBrowser() {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stop() {
		try {
			if (browser != null) {
				browser.close();
			}
		}
		finally {
			huggingFace.close();
		}
	}

	@BeforeEach
	void openPage() {
		huggingFace.requests().clear();
		browser.open(url("/"));
	}

	@Test
	void thePageAndItsFaviconLoadWithoutConsoleErrors() {
		assertThat(browser.buttonIds()).contains("embed-button", "sim-button", "sentiment-button", "chat-button");
		assertThat(browser.fetch(url("/favicon.ico"))).startsWith("200 image/");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	@Test
	void everyActuatorLinkOpensWithoutConsoleErrors() {
		List<String> links = browser.links();
		assertThat(links).contains(url("/actuator/health"), url("/actuator/hfinference"));
		for (String link : links) {
			browser.open(link);
			assertThat(browser.consoleErrors()).as(link).isEmpty();
		}
	}

	@Test
	void embedShowsA384DimensionalVectorPerLineComputedLocally() {
		browser.click("embed-button");
		String shown = result("embed-out");
		assertThat(shown).startsWith("200").contains("\"dimensions\": 384");
		assertThat(Pattern.compile("… \\(384\\)").matcher(shown).results()).as("one 384-long vector per line")
			.hasSize(2);
		assertThat(browser.consoleErrors()).isEmpty();
		assertThat(huggingFace.requests()).isEmpty();
	}

	@Test
	void scoreShowsTheRelatedSentenceFarAboveTheUnrelatedOne() {
		browser.click("sim-button");
		String shown = result("sim-out");
		assertThat(shown).startsWith("200");
		List<Double> scores = numbers(shown.substring(shown.indexOf('[')));
		assertThat(scores).as("scores shown for '%s'", shown).hasSize(2);
		assertThat(scores.get(0)).as("the kitten sentence").isGreaterThan(0.4).isGreaterThan(scores.get(1) + 0.3);
		assertThat(browser.consoleErrors()).isEmpty();
		assertThat(huggingFace.requests()).isEmpty();
	}

	@Test
	void classifyShowsTheMissingTokenProblemWithoutCallingHuggingFace() {
		browser.click("sentiment-button");
		assertMissingTokenProblem(result("sentiment-out"));
		assertThat(browser.consoleErrors()).singleElement()
			.satisfies((error) -> assertThat(error).startsWith(url("/api/sentiment")).contains("status of 503"));
		assertThat(huggingFace.requests()).isEmpty();
	}

	@Test
	void sendShowsTheMissingTokenProblemFromTheChatStream() {
		browser.click("chat-button");
		assertMissingTokenProblem(result("chat-out"));
		assertThat(browser.consoleErrors()).isEmpty();
		assertThat(huggingFace.requests()).isEmpty();
	}

	@Test
	void everyButtonShowsAResultAndTheScreenshotIsWritten() throws Exception {
		List<String> buttons = browser.buttonIds();
		buttons.forEach(browser::click);
		for (String button : buttons) {
			result(button.replace("-button", "-out"));
		}
		Path screenshot = browser.screenshot(SCREENSHOT);
		assertThat(Files.readAllBytes(screenshot)).startsWith(0x89, 'P', 'N', 'G').hasSizeGreaterThan(10_000);
		assertThat(browser.consoleErrors()).allSatisfy((error) -> assertThat(error).contains("status of 503"));
		assertThat(huggingFace.requests()).isEmpty();
	}

	private static void assertMissingTokenProblem(String shown) {
		assertThat(shown).startsWith("503 Hugging Face token not configured\n")
			.contains("needs an access token", "hf.inference.token", "HF_TOKEN")
			.doesNotContain("{", "Exception");
	}

	private static String result(String outputId) {
		return browser.awaitText(outputId, (text) -> !text.isBlank() && !text.equals(LOADING));
	}

	private static List<Double> numbers(String text) {
		Matcher matcher = Pattern.compile("-?\\d+\\.\\d+(?:[eE]-?\\d+)?").matcher(text);
		return matcher.results().map((match) -> Double.valueOf(match.group())).toList();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
