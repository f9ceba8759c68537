package io.github.hfinference.core;

import java.io.IOException;
import java.net.URI;
import java.util.function.UnaryOperator;

import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test setup most client tests share: one {@link MockWebServer} started before each
 * test and closed after it, standing for both the router and the Hub, and a client with
 * the token {@code hf_test} pointed at it. Register it on an instance field with
 * {@code @RegisterExtension}; a customizer adds what a test class needs (an observation
 * registry, listeners...).
 */
public final class MockServerFixture implements BeforeEachCallback, AfterEachCallback {

	/** The token every client of this fixture sends. */
	public static final String TOKEN = "hf_test";

	private final MockWebServer server = new MockWebServer();

	private final UnaryOperator<HfInferenceClient.Builder> customizer;

	private @Nullable HfInferenceClient client;

	/** A fixture whose client has nothing more than the token and the server's URL. */
	public MockServerFixture() {
		this(UnaryOperator.identity());
	}

	/**
	 * A fixture whose client is built by the customized builder.
	 * @param customizer applied to the builder that already has the token and URLs
	 */
	public MockServerFixture(UnaryOperator<HfInferenceClient.Builder> customizer) {
		this.customizer = customizer;
	}

	/**
	 * A builder with the test token, no token lookup, and both the router and the Hub at
	 * {@code url}.
	 * @param url where the router and the Hub answer
	 * @return the builder
	 */
	public static HfInferenceClient.Builder builder(URI url) {
		return HfInferenceClient.builder().token(TOKEN).noTokenLookup().baseUrl(url).hubUrl(url);
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.server.start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.server.close();
	}

	/** The server, started. */
	public MockWebServer server() {
		return this.server;
	}

	/** The server's root URL. */
	public URI url() {
		return this.server.url("/").uri();
	}

	/** The client, built on first use. */
	public HfInferenceClient client() {
		HfInferenceClient built = this.client;
		if (built == null) {
			built = this.customizer.apply(builder(url())).build();
			this.client = built;
		}
		return built;
	}

}
