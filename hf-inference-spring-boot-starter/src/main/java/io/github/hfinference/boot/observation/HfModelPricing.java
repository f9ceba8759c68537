package io.github.hfinference.boot.observation;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.http.JsonCodec;

/**
 * The prices the router publishes per model and provider ({@code GET {base-url}/v1/models}:
 * {@code providers[].pricing {input, output}} in USD per million tokens), fetched in the
 * background and cached for a time to live. A lookup never waits: it answers from the
 * cache, and starts a refresh when the cache is empty or stale. Models and providers
 * without a published price have none; nothing is ever estimated.
 */
public class HfModelPricing {

	private static final Log logger = LogFactory.getLog(HfModelPricing.class);

	private final Supplier<WebClient> webClientSupplier;

	private volatile @Nullable WebClient webClient;

	private final URI modelsUrl;

	private final Duration timeToLive;

	private final Duration timeout;

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private volatile Map<String, Price> prices = Map.of();

	private volatile long fetchedAt;

	private volatile boolean fetched;

	/**
	 * Creates the price cache.
	 * @param webClient supplies the client used for the price list (no credentials are
	 * sent), called once, at the first fetch
	 * @param baseUrl the router base URL
	 * @param timeToLive how long a fetched price list is used
	 * @param timeout time allowed for the fetch
	 */
	public HfModelPricing(Supplier<WebClient> webClient, URI baseUrl, Duration timeToLive, Duration timeout) {
		this.webClientSupplier = webClient;
		this.modelsUrl = UriComponentsBuilder.fromUri(baseUrl).path("/v1/models").build().toUri();
		this.timeToLive = timeToLive;
		this.timeout = timeout;
	}

	/**
	 * The published price of a model on a provider, without waiting.
	 * @param modelId the Hugging Face model id
	 * @param provider the provider that served
	 * @return the price, if the last fetched list has one
	 */
	public Optional<Price> price(String modelId, String provider) {
		if (!this.fetched || System.nanoTime() - this.fetchedAt > this.timeToLive.toNanos()) {
			refresh().subscribe();
		}
		return Optional.ofNullable(this.prices.get(key(modelId, provider)));
	}

	/**
	 * Fetches the price list now, unless a fetch is already running; a failure keeps the
	 * previous list and is retried on a later lookup.
	 * @return completes when the fetch is done
	 */
	public Mono<Void> refresh() {
		return Mono.defer(() -> this.refreshing.compareAndSet(false, true) ? fetch() : Mono.empty());
	}

	private Mono<Void> fetch() {
		WebClient client = this.webClient;
		if (client == null) {
			client = this.webClientSupplier.get();
			this.webClient = client;
		}
		return client.get()
			.uri(this.modelsUrl)
			.retrieve()
			.bodyToMono(byte[].class)
			.timeout(this.timeout)
			.map(HfModelPricing::parse)
			.doOnNext((parsed) -> {
				this.prices = parsed;
				this.fetchedAt = System.nanoTime();
				this.fetched = true;
			})
			.doOnError((ex) -> logger.debug("Could not fetch the router's price list from " + this.modelsUrl, ex))
			.onErrorResume((ex) -> Mono.empty())
			.doFinally((signal) -> this.refreshing.set(false))
			.then();
	}

	static Map<String, Price> parse(byte[] body) {
		Map<String, Price> prices = new HashMap<>();
		for (JsonNode model : JsonCodec.get().parse(body).path("data")) {
			String id = model.path("id").asString("");
			for (JsonNode provider : model.path("providers")) {
				JsonNode pricing = provider.path("pricing");
				if (pricing.path("input").isNumber() && pricing.path("output").isNumber()) {
					prices.put(key(id, provider.path("provider").asString("")),
							new Price(pricing.path("input").asDouble(), pricing.path("output").asDouble()));
				}
			}
		}
		return Map.copyOf(prices);
	}

	private static String key(String modelId, @Nullable String provider) {
		return modelId + "\n" + provider;
	}

	/**
	 * A published price.
	 *
	 * @param inputPerMillion USD per million input tokens
	 * @param outputPerMillion USD per million output tokens
	 */
	public record Price(double inputPerMillion, double outputPerMillion) {

		/**
		 * The cost of a call.
		 * @param inputTokens input tokens, or null
		 * @param outputTokens output tokens, or null
		 * @return the cost in USD
		 */
		public double cost(@Nullable Integer inputTokens, @Nullable Integer outputTokens) {
			return ((inputTokens != null) ? inputTokens * this.inputPerMillion : 0)
					/ 1_000_000 + ((outputTokens != null) ? outputTokens * this.outputPerMillion : 0) / 1_000_000;
		}

	}

}
