package io.github.hfinference.core.internal.routing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.catalog.ModelCatalog;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.json.JsonCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The router's model catalogue, read from the hand-written {@code GET /v1/models} fixture
 * ({@code conformance/hand-written/router-v1-models.json}, after the Hugging Face docs'
 * example): typed fields, one request however many callers, a background refresh after the
 * time to live that keeps answering the old catalogue meanwhile, and a failed refresh that
 * keeps it.
 */
public class ModelCatalogTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final Duration TTL = Duration.ofMinutes(10);

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	private final AtomicLong nanos = new AtomicLong();

	private CachedModelCatalog catalog;

	@BeforeEach
	void start() {
		HttpTransport transport = new HttpTransport(
				org.springframework.web.reactive.function.client.WebClient.builder().build(), HttpClient.create());
		this.catalog = new CachedModelCatalog(transport, this.mock.server().url("/").uri(), (uri) -> new HttpHeaders(),
				TTL, this.nanos::get, Runnable::run);
	}

	public static String fixtureBody() throws IOException {
		Path file = Path.of("../conformance/hand-written/router-v1-models.json");
		JsonNode tape = JsonCodec.get().parse(Files.readAllBytes(file));
		assertThat(tape.path("_comment").asString()).startsWith("HAND-WRITTEN");
		return tape.at("/response/body").asString();
	}

	/**
	 * Loads the catalogue and waits until the cache stamped it: Caffeine stamps an
	 * asynchronously loaded entry when its future completes, possibly after the caller saw
	 * the value, so the fake clock may advance only after that.
	 */
	private void loadCatalog() throws IOException {
		enqueueCatalog();
		this.catalog.catalog().block(WAIT);
		Mono.fromCallable(() -> this.catalog.age().orElseThrow())
			.filter((age) -> !age.isNegative())
			.repeatWhenEmpty(200, (empty) -> empty.delayElements(Duration.ofMillis(5)))
			.block(WAIT);
	}

	private void enqueueCatalog() throws IOException {
		this.mock.server().enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body(fixtureBody())
			.build());
	}

	@Test
	void readsEveryDocumentedProviderField() throws Exception {
		enqueueCatalog();

		ModelCatalog.Model model = this.catalog.model("deepseek-ai/DeepSeek-V4-Pro").block(WAIT);

		assertThat(model.ownedBy()).isEqualTo("deepseek-ai");
		assertThat(model.architecture().inputModalities()).containsExactly("text");
		assertThat(model.providers()).extracting(ModelCatalog.ProviderEntry::provider)
			.containsExactly("novita", "together", "fireworks-ai", "featherless-ai", "deepinfra");
		ModelCatalog.ProviderEntry together = model.provider("together").orElseThrow();
		assertThat(together.isLive()).isTrue();
		assertThat(together.contextLength()).isEqualTo(512000);
		assertThat(together.pricing()).isEqualTo(new ModelCatalog.Pricing(2.1, 4.4));
		assertThat(together.supportsTools()).isTrue();
		assertThat(together.supportsStructuredOutput()).isTrue();
		assertThat(together.firstTokenLatencyMs()).isEqualTo(611.0);
		assertThat(together.throughput()).isEqualTo(40.13113557470821);
		assertThat(together.modelAuthor()).isFalse();
		ModelCatalog.ProviderEntry featherless = model.provider("featherless-ai").orElseThrow();
		assertThat(featherless.pricing()).isNull();
		assertThat(featherless.supportsTools()).isNull();
		assertThat(this.catalog.catalog().block(WAIT).provider("openai/gpt-oss-120b", "groq"))
			.get()
			.extracting(ModelCatalog.ProviderEntry::status)
			.isEqualTo("error");
		assertThat(together.pricing().cost(1_000_000, 500_000)).isCloseTo(4.3, org.assertj.core.data.Offset.offset(1e-9));
		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getTarget()).isEqualTo("/v1/models");
		assertThat(request.getHeaders().get("Authorization")).isNull();
	}

	@Test
	void concurrentCallersShareOneRequest() throws Exception {
		enqueueCatalog();

		List<ModelCatalog.Snapshot> answers = Flux.range(0, 50)
			.flatMap((i) -> this.catalog.catalog(), 50)
			.collectList()
			.block(WAIT);

		assertThat(answers).hasSize(50).allSatisfy((answer) -> assertThat(answer.data()).hasSize(2));
		assertThat(this.mock.server().getRequestCount()).isEqualTo(1);
	}

	@Test
	void afterTheTimeToLiveTheNextReadAnswersTheCachedCatalogueAndRefreshesItOnce() throws Exception {
		loadCatalog();
		this.mock.server().enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("{\"object\":\"list\",\"data\":[]}")
			.build());

		this.nanos.addAndGet(TTL.toNanos() - 1);
		assertThat(this.catalog.now()).get().satisfies((snapshot) -> assertThat(snapshot.data()).hasSize(2));
		assertThat(this.mock.server().getRequestCount()).isEqualTo(1);

		this.nanos.addAndGet(2);
		List<ModelCatalog.Snapshot> reads = Flux.range(0, 20).flatMap((i) -> Mono.justOrEmpty(this.catalog.now()))
			.collectList()
			.block(WAIT);

		assertThat(reads.get(0).data()).as("the first read after the time to live answers the cached one")
			.hasSize(2);
		// wait, without reading the cache, until the refreshed entry is stamped (age 0)
		Mono.fromCallable(() -> this.catalog.age().orElseThrow())
			.filter(Duration::isZero)
			.repeatWhenEmpty(400, (empty) -> empty.delayElements(Duration.ofMillis(5)))
			.block(WAIT);
		assertThat(this.mock.server().getRequestCount()).as("one refresh for 20 reads").isEqualTo(2);
		assertThat(this.catalog.now()).get().satisfies((snapshot) -> assertThat(snapshot.data()).isEmpty());
		assertThat(this.mock.server().getRequestCount()).isEqualTo(2);
	}

	@Test
	void failedRefreshKeepsThePreviousCatalogue() throws Exception {
		loadCatalog();
		this.mock.server().enqueue(new MockResponse.Builder().code(503).body("busy").build());

		this.nanos.addAndGet(TTL.toNanos() + 1);
		assertThat(this.catalog.now()).isPresent();
		assertThat(this.mock.server().takeRequest(5, TimeUnit.SECONDS)).isNotNull();
		assertThat(this.mock.server().takeRequest(5, TimeUnit.SECONDS)).isNotNull();

		assertThat(this.catalog.catalog().block(WAIT).data()).hasSize(2);
	}

	@Test
	void failedFirstFetchIsATypedErrorAndIsNotCached() throws Exception {
		this.mock.server().enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"down\"}").build());
		enqueueCatalog();

		assertThatExceptionOfType(HfHttpException.class).isThrownBy(() -> this.catalog.catalog().block(WAIT));

		assertThat(this.catalog.catalog().block(WAIT).data()).hasSize(2);
	}

	@Test
	void clientExposesTheCatalogueOfItsRouter() throws Exception {
		enqueueCatalog();
		HfInferenceClient client = HfInferenceClient.builder()
			.noTokenLookup()
			.baseUrl(URI.create(this.mock.server().url("/").toString()))
			.build();

		assertThat(client.catalog().model("openai/gpt-oss-120b").block(WAIT).statuses())
			.containsExactly(java.util.Map.entry("cerebras", "live"), java.util.Map.entry("groq", "error"));
		assertThat(this.mock.server().takeRequest().getHeaders().get("User-Agent")).isNotBlank();
	}

}
