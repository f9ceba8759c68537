package io.github.hfinference.springai;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.AbstractEmbeddingModel;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;
import org.springframework.ai.embedding.observation.DefaultEmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationDocumentation;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.FeatureExtraction;

/**
 * A Spring AI {@link org.springframework.ai.embedding.EmbeddingModel} over one configured
 * {@code feature-extraction} model: the router, a TEI server or Inference Endpoint, or
 * the in-process {@code local} provider, with the client's failover, retries and circuit
 * breakers. The texts of one request go as one batch request. Each call is one Spring AI
 * embedding observation ({@link EmbeddingModelObservationDocumentation}).
 * <p>
 * {@link #dimensions()} embeds one short text once and remembers the size; with the
 * {@code local} provider that runs in process, without any network call.
 */
public final class HfEmbeddingModel extends AbstractEmbeddingModel {

	private static final EmbeddingModelObservationConvention DEFAULT_CONVENTION = new DefaultEmbeddingModelObservationConvention();

	private final HfInferenceClient client;

	private final ModelDefinition model;

	private final EmbeddingOptions options;

	private final FeatureExtraction.@Nullable Parameters parameters;

	private final ObservationRegistry observationRegistry;

	private @Nullable EmbeddingModelObservationConvention observationConvention;

	/**
	 * Creates an embedding model.
	 * @param client the client that makes the calls
	 * @param model the configured model
	 * @param parameters feature-extraction parameters of every call (normalize, truncate,
	 * prompt name), or null
	 * @param observationRegistry the registry of the Spring AI observations
	 */
	public HfEmbeddingModel(HfInferenceClient client, ModelDefinition model,
			FeatureExtraction.@Nullable Parameters parameters, ObservationRegistry observationRegistry) {
		this.client = Objects.requireNonNull(client, "client");
		this.model = Objects.requireNonNull(model, "model");
		this.parameters = parameters;
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
		this.options = EmbeddingOptions.builder().model((model.id() != null) ? model.id() : model.alias()).build();
	}

	/** The configured model this embedding model calls. */
	public ModelDefinition model() {
		return this.model;
	}

	/** The default options: the model's id. */
	public EmbeddingOptions getOptions() {
		return this.options;
	}

	/**
	 * Sets a custom observation convention.
	 * @param convention the convention
	 */
	public void setObservationConvention(EmbeddingModelObservationConvention convention) {
		this.observationConvention = Objects.requireNonNull(convention, "convention");
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		EmbeddingRequest checked = new EmbeddingRequest(request.getInstructions(), checked(request.getOptions()));
		EmbeddingModelObservationContext context = EmbeddingModelObservationContext.builder()
			.embeddingRequest(checked)
			.provider(HfChatModel.PROVIDER)
			.build();
		return EmbeddingModelObservationDocumentation.EMBEDDING_MODEL_OPERATION
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.observe(() -> {
				InferenceResponse<List<io.github.hfinference.core.task.Embedding>> response = this.client.blocking()
					.execute(InferenceRequest.of(FeatureExtraction.BATCH, this.model, checked.getInstructions())
						.withParameters(this.parameters));
				List<Embedding> embeddings = new ArrayList<>(response.value().size());
				for (int i = 0; i < response.value().size(); i++) {
					embeddings.add(new Embedding(response.value().get(i).vector(), i));
				}
				EmbeddingResponseMetadata metadata = new EmbeddingResponseMetadata(
						Objects.requireNonNull(this.options.getModel()), new EmptyUsage(),
						Map.of(HfChatMapping.TARGET, response.metadata().target(), HfChatMapping.ATTEMPTS,
								response.metadata().attempts()));
				EmbeddingResponse embeddingResponse = new EmbeddingResponse(embeddings, metadata);
				context.setResponse(embeddingResponse);
				return embeddingResponse;
			});
	}

	@Override
	public float[] embed(Document document) {
		String content = getEmbeddingContent(document);
		if (content == null) {
			throw new HfSpringAiRequestException("Document '" + document.getId() + "' has no text to embed");
		}
		return embed(content);
	}

	@Override
	public int dimensions() {
		if (this.embeddingDimensions.get() < 0) {
			this.embeddingDimensions.set(dimensions(this, Objects.requireNonNull(this.options.getModel()), "Hello World"));
		}
		return this.embeddingDimensions.get();
	}

	private EmbeddingOptions checked(@Nullable EmbeddingOptions requested) {
		if (requested == null) {
			return this.options;
		}
		if (requested.getDimensions() != null) {
			throw new HfSpringAiRequestException("Embedding option dimensions (" + requested.getDimensions()
					+ ") cannot be chosen for Hugging Face model '" + this.options.getModel()
					+ "'; its vectors have the size the model produces: leave it unset");
		}
		String name = requested.getModel();
		if (name != null && !name.equals(this.options.getModel()) && !name.equals(this.model.alias())) {
			throw new HfSpringAiRequestException("Embedding option model '" + name + "' is not the model of this embedding model ('"
					+ this.options.getModel() + "', alias '" + this.model.alias() + "')");
		}
		return this.options;
	}

}
