package io.github.hfinference.boot.observation;

import java.util.Optional;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.catalog.ModelCatalog;

/**
 * The prices the router publishes per model and provider, read from the client's
 * {@link ModelCatalog} ({@code GET {base-url}/v1/models}: {@code providers[].pricing
 * {input, output}} in USD per million tokens), the one fetch of the catalogue. A lookup
 * never waits: it answers from the cached catalogue, whose first fetch it starts. Models and
 * providers without a published price have none; nothing is ever estimated.
 */
public class HfModelPricing {

	private static final Log logger = LogFactory.getLog(HfModelPricing.class);

	private final Supplier<ModelCatalog> catalog;

	/**
	 * Creates the price lookup.
	 * @param catalog supplies the catalogue (the client's), called at each lookup
	 */
	public HfModelPricing(Supplier<ModelCatalog> catalog) {
		this.catalog = catalog;
	}

	/**
	 * The published price of a model on a provider, without waiting.
	 * @param modelId the Hugging Face model id
	 * @param provider the provider that served
	 * @return the price, if the catalogue has one
	 */
	public Optional<Price> price(String modelId, String provider) {
		return this.catalog.get()
			.now()
			.flatMap((catalog) -> catalog.provider(modelId, provider))
			.map(ModelCatalog.ProviderEntry::pricing)
			.filter((pricing) -> pricing.input() != null && pricing.output() != null)
			.map((pricing) -> new Price(pricing.input(), pricing.output()));
	}

	/**
	 * Fetches the catalogue now; a failure keeps the previous one.
	 * @return completes when the fetch is done
	 */
	public Mono<Void> refresh() {
		return this.catalog.get()
			.refresh()
			.doOnError((ex) -> logger.debug("Could not fetch the router's model catalogue", ex))
			.onErrorResume((ex) -> Mono.empty())
			.then();
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
