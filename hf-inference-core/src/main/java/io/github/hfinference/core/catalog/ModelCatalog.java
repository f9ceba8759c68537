package io.github.hfinference.core.catalog;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.json.JsonCodec;

/**
 * The router's model catalogue ({@code GET {router}/v1/models}): per chat model, the
 * providers serving it with their status, context length, prices, tool and
 * structured-output support, first-token latency and throughput.
 * <p>
 * Fetched on first use and kept for a time to live; after it, the next read still answers
 * the cached catalogue at once and refreshes it in the background. However many callers
 * ask, one request is in flight per load or refresh (a Caffeine {@code refreshAfterWrite}
 * cache); a failed refresh keeps the previous catalogue. No credentials are sent: the
 * catalogue is public.
 */
public final class ModelCatalog {

	private static final String KEY = "v1/models";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final AsyncLoadingCache<String, Snapshot> cache;

	/**
	 * Creates a catalogue.
	 * @param transport the transport
	 * @param baseUrl the router base URL
	 * @param headers the request headers for the catalogue URL (user agent; no credentials)
	 * @param timeToLive how long a fetched catalogue is used before a background refresh
	 */
	public ModelCatalog(HttpTransport transport, URI baseUrl, Function<URI, HttpHeaders> headers,
			Duration timeToLive) {
		this(transport, baseUrl, headers, timeToLive, Ticker.systemTicker(), Runnable::run);
	}

	/**
	 * A catalogue whose requests carry only a {@code User-Agent}.
	 * @param transport the transport
	 * @param baseUrl the router base URL
	 * @param userAgent the {@code User-Agent}
	 * @param timeToLive how long a fetched catalogue is used before a background refresh
	 * @return the catalogue
	 */
	public static ModelCatalog create(HttpTransport transport, URI baseUrl, String userAgent, Duration timeToLive) {
		return new ModelCatalog(transport, baseUrl, (uri) -> {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.USER_AGENT, userAgent);
			return headers;
		}, timeToLive);
	}

	ModelCatalog(HttpTransport transport, URI baseUrl, Function<URI, HttpHeaders> headers, Duration timeToLive,
			Ticker ticker, Executor executor) {
		URI url = UriComponentsBuilder.fromUri(baseUrl).path("/v1/models").build().toUri();
		this.cache = Caffeine.newBuilder()
			.refreshAfterWrite(timeToLive)
			.ticker(ticker)
			.executor(executor)
			.buildAsync((key, ignored) -> transport
				.exchange(new HttpCall(HttpMethod.GET, url, headers.apply(url), null, "catalog", "router"), TIMEOUT)
				.map((response) -> Snapshot.parse(response.body()))
				.toFuture());
	}

	/**
	 * The catalogue: the cached one, or fetched now if there is none yet.
	 * @return the catalogue
	 */
	public Mono<Snapshot> catalog() {
		return Mono.fromFuture(this::current);
	}

	/** The cached load, or a new one when the last one failed (Caffeine drops it asynchronously). */
	private CompletableFuture<Snapshot> current() {
		CompletableFuture<Snapshot> future = this.cache.get(KEY);
		if (future.isCompletedExceptionally()) {
			this.cache.asMap().remove(KEY, future);
			future = this.cache.get(KEY);
		}
		return future;
	}

	/**
	 * A model's catalogue entry.
	 * @param modelId the Hugging Face model id
	 * @return the entry, empty if the catalogue does not list the model
	 */
	public Mono<Model> model(String modelId) {
		return catalog().flatMap((snapshot) -> Mono.justOrEmpty(snapshot.model(modelId)));
	}

	/**
	 * The catalogue as far as it is already known, without waiting: empty until the first
	 * fetch completes (which this call starts).
	 * @return the catalogue, if fetched
	 */
	public Optional<Snapshot> now() {
		CompletableFuture<Snapshot> future = current();
		return (future.isDone() && !future.isCompletedExceptionally()) ? Optional.of(future.join())
				: Optional.empty();
	}

	/**
	 * The catalogue if it was already fetched, without starting a fetch.
	 * @return the catalogue, if cached
	 */
	public Optional<Snapshot> cached() {
		CompletableFuture<Snapshot> future = this.cache.getIfPresent(KEY);
		return (future != null && future.isDone() && !future.isCompletedExceptionally())
				? Optional.of(future.join()) : Optional.empty();
	}

	/**
	 * How old the cached catalogue is by the cache's clock; negative while a load is in
	 * flight (Caffeine stamps an asynchronously loaded entry when its future completes).
	 */
	Optional<Duration> age() {
		return this.cache.synchronous().policy().refreshAfterWrite().flatMap((policy) -> policy.ageOf(KEY));
	}

	/**
	 * Fetches the catalogue again now; concurrent refreshes share one request.
	 * @return completes with the fresh catalogue
	 */
	public Mono<Snapshot> refresh() {
		return Mono.fromFuture(() -> this.cache.synchronous().refresh(KEY));
	}

	/**
	 * One fetched catalogue.
	 *
	 * @param data the models, in the router's order
	 */
	public record Snapshot(List<Model> data) {

		public Snapshot {
			data = List.copyOf(data);
		}

		static Snapshot parse(byte[] body) {
			return JsonCodec.get().mapper().readValue(body, Snapshot.class);
		}

		/**
		 * A model's entry.
		 * @param modelId the Hugging Face model id
		 * @return the entry, if listed
		 */
		public Optional<Model> model(String modelId) {
			return this.data.stream().filter((model) -> model.id().equals(modelId)).findFirst();
		}

		/**
		 * A provider's entry for a model.
		 * @param modelId the Hugging Face model id
		 * @param provider the provider
		 * @return the entry, if the catalogue lists the provider for the model
		 */
		public Optional<ProviderEntry> provider(String modelId, String provider) {
			return model(modelId).flatMap((model) -> model.provider(provider));
		}

	}

	/**
	 * A model of the catalogue.
	 *
	 * @param id the Hugging Face model id
	 * @param ownedBy the organisation owning it
	 * @param created when it was added (Unix seconds), or null
	 * @param architecture its input and output modalities, or null
	 * @param providers the providers serving it
	 */
	public record Model(String id, @Nullable String ownedBy, @Nullable Long created,
			@Nullable Architecture architecture, List<ProviderEntry> providers) {

		public Model {
			providers = (providers != null) ? List.copyOf(providers) : List.of();
		}

		/**
		 * A provider's entry.
		 * @param provider the provider name
		 * @return the entry, if the provider serves the model
		 */
		public Optional<ProviderEntry> provider(String provider) {
			return this.providers.stream().filter((entry) -> entry.provider().equals(provider)).findFirst();
		}

		/** The status of each provider, by provider name, in the router's order. */
		public Map<String, String> statuses() {
			return this.providers.stream()
				.collect(Collectors.toMap(ProviderEntry::provider, (entry) -> String.valueOf(entry.status()),
						(a, b) -> a, java.util.LinkedHashMap::new));
		}

	}

	/**
	 * A model's modalities.
	 *
	 * @param inputModalities what it reads ({@code text}, {@code image})
	 * @param outputModalities what it writes
	 */
	public record Architecture(@Nullable List<String> inputModalities, @Nullable List<String> outputModalities) {
	}

	/**
	 * One provider serving a model; every field but the provider's name is optional.
	 *
	 * @param provider the provider name
	 * @param status {@code live} or {@code error}
	 * @param contextLength the maximum context length on this provider
	 * @param pricing USD per million input and output tokens
	 * @param supportsTools whether it takes {@code tools}
	 * @param supportsStructuredOutput whether it takes a JSON-schema {@code response_format}
	 * @param firstTokenLatencyMs time to first token of the router's latest probe, in ms
	 * @param throughput output tokens per second of the router's latest probe
	 * @param modelAuthor whether the provider published the model
	 */
	public record ProviderEntry(String provider, @Nullable String status, @Nullable Integer contextLength,
			@Nullable Pricing pricing, @Nullable Boolean supportsTools, @Nullable Boolean supportsStructuredOutput,
			@Nullable Double firstTokenLatencyMs, @Nullable Double throughput,
			@JsonProperty("is_model_author") boolean modelAuthor) {

		/** Whether the router reports the provider live for this model. */
		public boolean isLive() {
			return "live".equals(this.status);
		}

	}

	/**
	 * Published prices.
	 *
	 * @param input USD per million input tokens, or null
	 * @param output USD per million output tokens, or null
	 */
	public record Pricing(@Nullable Double input, @Nullable Double output) {

		/**
		 * The cost of a call at these prices.
		 * @param inputTokens input tokens, or null
		 * @param outputTokens output tokens, or null
		 * @return the cost in USD (a missing price or count counts as zero)
		 */
		public double cost(@Nullable Integer inputTokens, @Nullable Integer outputTokens) {
			double in = (inputTokens != null && this.input != null) ? inputTokens * this.input : 0;
			double out = (outputTokens != null && this.output != null) ? outputTokens * this.output : 0;
			return (in + out) / 1_000_000;
		}

	}

}
