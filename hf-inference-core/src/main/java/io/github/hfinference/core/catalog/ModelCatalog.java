package io.github.hfinference.core.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

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
public interface ModelCatalog {

	/**
	 * The catalogue: the cached one, or fetched now if there is none yet.
	 * @return the catalogue
	 */
	Mono<Snapshot> catalog();

	/**
	 * A model's catalogue entry.
	 * @param modelId the Hugging Face model id
	 * @return the entry, empty if the catalogue does not list the model
	 */
	default Mono<Model> model(String modelId) {
		return catalog().flatMap((snapshot) -> Mono.justOrEmpty(snapshot.model(modelId)));
	}

	/**
	 * The catalogue as far as it is already known, without waiting: empty until the first
	 * fetch completes (which this call starts).
	 * @return the catalogue, if fetched
	 */
	Optional<Snapshot> now();

	/**
	 * The catalogue if it was already fetched, without starting a fetch.
	 * @return the catalogue, if cached
	 */
	Optional<Snapshot> cached();

	/**
	 * Fetches the catalogue again now; concurrent refreshes share one request.
	 * @return completes with the fresh catalogue
	 */
	Mono<Snapshot> refresh();

	/**
	 * One fetched catalogue.
	 *
	 * @param data the models, in the router's order
	 */
	public record Snapshot(List<Model> data) {

		public Snapshot {
			data = List.copyOf(data);
		}

		public static Snapshot parse(byte[] body) {
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
