package io.github.hfinference.samples.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import io.github.hfinference.test.HfInferenceStub;

/**
 * Base of the tests that drive the sample's page in Debian's headless Chromium: the sample
 * on a random port, Hugging Face replaced by the {@code hf-inference-test} stub, one browser per application
 * context, and the page opened afresh before each test. Buttons have ids {@code X-button}
 * and show their result in {@code X-out}. Subclasses declare
 * {@code @DisabledIfSystemProperty(named = HeadlessChromium.SKIP_PROPERTY, ...)} (JUnit
 * does not inherit it).
 */
// WebDriver only: Selenium's warning that it has no DevTools (CDP) binding for this Chromium is moot.
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		classes = { SampleWebApplication.class, SamplePageBrowserTest.Browser.class },
		properties = "logging.level.org.openqa.selenium.devtools.CdpVersionFinder=error")
abstract class SamplePageBrowserTest {

	@Autowired
	HeadlessChromium browser;

	@Autowired
	HfInferenceStub huggingFace;

	@LocalServerPort
	private int port;

	@BeforeAll
	static void requireChromium() {
		HeadlessChromium.requireInstalled();
	}

	@BeforeEach
	void openPage() {
		this.huggingFace.reset();
		this.browser.open(url("/"));
	}

	/**
	 * Waits for a button's complete result on screen (a streamed answer to its end).
	 * @param button the button's id
	 * @return the text its output shows once the page no longer marks it busy
	 */
	String resultOf(String button) {
		return this.browser.awaitResult(button.replace("-button", "-out"));
	}

	/**
	 * Clicks a button and waits for its result.
	 * @param button the button's id
	 * @return the result as shown
	 */
	String click(String button) {
		this.browser.click(button);
		return resultOf(button);
	}

	String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Browser {

		@Bean(destroyMethod = "close")
		HfInferenceStub huggingFace() {
			return HfInferenceStub.start();
		}

		@Bean
		DynamicPropertyRegistrar huggingFaceUrls(HfInferenceStub huggingFace) {
			return (registry) -> {
				registry.add("hf.inference.base-url", () -> huggingFace.baseUrl().toString());
				registry.add("hf.inference.hub-url", () -> huggingFace.hubUrl().toString());
			};
		}

		@Bean(destroyMethod = "close")
		HeadlessChromium browser() {
			return HeadlessChromium.start();
		}

	}

}
