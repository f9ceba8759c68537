package io.github.hfinference.samples.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's Chromium ({@code chromium} and {@code chromium-driver} packages), headless, driven
 * by Selenium with the binaries given explicitly: Selenium Manager never looks for or
 * downloads a browser. Every session has a fresh profile and records the browser console.
 */
final class HeadlessChromium implements AutoCloseable {

	static final String SKIP_PROPERTY = "hf.browser-tests.skip";

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(60);

	private final Path profile;

	private final ChromeDriver driver;

	private HeadlessChromium(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/**
	 * Fails, saying what to install, when Debian's {@code chromium} or
	 * {@code chromium-driver} package is missing.
	 */
	static void requireInstalled() {
		for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (!Files.isExecutable(binary)) {
				fail(binary + " is missing: the browser test needs Debian's chromium and chromium-driver packages "
						+ "(run .ci/install-test-deps.sh as root, or apt-get install chromium chromium-driver); "
						+ "pass -D" + SKIP_PROPERTY + "=true to skip browser tests");
			}
		}
	}

	/**
	 * Starts the browser.
	 * @return the running browser
	 */
	static HeadlessChromium start() {
		requireInstalled();
		Path profile = createProfile();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,2000", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(profile, new ChromeDriver(service, options));
	}

	private static Path createProfile() {
		try {
			return Files.createTempDirectory("chromium-profile");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Opens a page and waits until it has loaded.
	 * @param url the page
	 */
	void open(String url) {
		this.driver.get(url);
		await().until((driver) -> "complete".equals(this.driver.executeScript("return document.readyState")));
	}

	/**
	 * Clicks a button.
	 * @param id the button's id
	 */
	void click(String id) {
		this.driver.findElement(By.id(id)).click();
	}

	/**
	 * Replaces the text of an input field.
	 * @param id the field's id
	 * @param text the new text
	 */
	void type(String id, String text) {
		WebElement field = this.driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(text);
	}

	/**
	 * The ids of every button on the page, in document order.
	 * @return the ids
	 */
	List<String> buttonIds() {
		return this.driver.findElements(By.tagName("button")).stream().map((button) -> button.getDomAttribute("id"))
			.toList();
	}

	/**
	 * Fetches a URL from the current page, as its scripts would.
	 * @param url the URL
	 * @return the status code and content type, e.g. {@code 200 image/svg+xml}
	 */
	String fetch(String url) {
		return String.valueOf(this.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then((r) => done(r.status + ' ' + r.headers.get('Content-Type')),
					(e) => done('failed: ' + e.message));""", url));
	}

	/**
	 * The absolute targets of every link on the page.
	 * @return the URLs
	 */
	List<String> links() {
		return this.driver.findElements(By.tagName("a")).stream().map((link) -> link.getDomProperty("href")).toList();
	}

	/**
	 * Waits until an element's result is complete: the page has cleared its
	 * {@code aria-busy} (set while an answer, streamed or not, is still coming).
	 * @param id the element's id
	 * @return the text it shows then
	 */
	String awaitResult(String id) {
		WebElement element = this.driver.findElement(By.id(id));
		return await()
			.withMessage(() -> "#" + id + " still busy (aria-busy=" + element.getDomAttribute("aria-busy")
					+ ") showing '" + element.getText() + "'")
			.until((driver) -> "false".equals(element.getDomAttribute("aria-busy")) ? element.getText() : null);
	}

	/**
	 * The browser console's errors since the last call: failed requests, uncaught script
	 * errors, {@code console.error}.
	 * @return the messages
	 */
	List<String> consoleErrors() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * Writes a screenshot of the window.
	 * @param file the PNG file to write
	 * @return the file
	 */
	Path screenshot(Path file) {
		try {
			Files.createDirectories(file.getParent());
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private WebDriverWait await() {
		return new WebDriverWait(this.driver, RESULT_TIMEOUT);
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			try {
				FileSystemUtils.deleteRecursively(this.profile);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
