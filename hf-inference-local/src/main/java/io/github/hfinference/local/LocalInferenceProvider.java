package io.github.hfinference.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.github.hfinference.core.InProcessProvider;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.SentenceSimilarity;
import io.github.hfinference.core.task.Task;

/**
 * The {@code local} provider: {@code feature-extraction} (one text or a batch) and
 * {@code sentence-similarity} computed in this JVM with ONNX Runtime and Hugging Face
 * tokenizers, with no token and no network.
 * <p>
 * A call's model is looked up by its alias, then by its id, among the models registered
 * with {@link Builder#model(String, LocalModelSettings)}. The bundled all-MiniLM-L6-v2
 * model is always registered under its id {@value LocalModelSource.Bundled#MODEL_ID}; any
 * other model must be registered explicitly (there is no silent fallback to another
 * model). Models are loaded once, on first use or by {@link #preload()}.
 * <p>
 * Results are the remote pipeline's: mean (or CLS) pooling over the attention mask as the
 * model's sentence-transformers files say, normalisation when the call or the model asks
 * for it, truncation to the model's maximum sequence length (from either side) unless
 * {@code truncate=false}, the model's named prompts. Inference runs on a bounded scheduler
 * of {@code concurrency} threads, never on the caller's thread (a batch is spread over up to
 * {@code concurrency} of them); each session run uses {@code intraOpThreads} threads. Close the provider to release the native sessions.
 *
 * <pre class="code">
 * HfInferenceClient hf = HfInferenceClient.builder()
 *         .noTokenLookup()
 *         .inProcessProvider(LocalInferenceProvider.builder().build())
 *         .build();
 * ModelDefinition minilm = ModelDefinition.builder("minilm")
 *         .id("sentence-transformers/all-MiniLM-L6-v2")
 *         .target(new InferenceTarget.InProcess("local"))
 *         .build();
 * Embedding embedding = hf.blocking().call(FeatureExtraction.TASK, minilm, "Hello", null);
 * </pre>
 */
public final class LocalInferenceProvider implements InProcessProvider, AutoCloseable {

	/** The provider name in-process targets use. */
	public static final String NAME = "local";

	private final Map<String, ModelSlot> models;

	private final Scheduler scheduler;

	private final boolean ownsScheduler;

	private final int concurrency;

	private volatile boolean closed;

	private LocalInferenceProvider(Builder builder) {
		Map<LocalModelSettings, ModelSlot> shared = new LinkedHashMap<>();
		Map<String, ModelSlot> slots = new LinkedHashMap<>();
		builder.models.forEach((name, settings) -> slots.put(name, shared.computeIfAbsent(settings,
				(key) -> new ModelSlot(name, key, builder.intraOpThreads, builder.maxBatchSize))));
		this.models = slots;
		this.ownsScheduler = builder.scheduler == null;
		this.concurrency = builder.concurrency;
		this.scheduler = (builder.scheduler != null) ? builder.scheduler
				: Schedulers.newBoundedElastic(builder.concurrency, Schedulers.DEFAULT_BOUNDED_ELASTIC_QUEUESIZE,
						"hf-local", 60, true);
	}

	/** A new builder, with the bundled all-MiniLM-L6-v2 model registered. */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean supports(Task<?, ?, ?> task) {
		return task == FeatureExtraction.TASK || task == FeatureExtraction.BATCH || task == SentenceSimilarity.TASK;
	}

	/** The names models are registered under (aliases or model ids). */
	public Set<String> modelNames() {
		return this.models.keySet();
	}

	/**
	 * Loads every registered model now rather than on first use, so that a broken model
	 * fails at startup.
	 * @throws LocalModelException naming the model and path that cannot be loaded
	 */
	public void preload() {
		for (ModelSlot slot : this.models.values()) {
			slot.encoder();
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <I, P, R> Mono<R> execute(Task<I, P, R> task, ModelDefinition model, I input, @Nullable P parameters) {
		if (!supports(task)) {
			return Mono.error(new HfConfigurationException("Provider '" + NAME + "' cannot run task '" + task.id()
					+ "' (model '" + model.alias() + "'); it runs feature-extraction and sentence-similarity"));
		}
		if (this.closed) {
			return Mono.error(new HfConfigurationException("The local provider is closed (model '" + model.alias() + "')"));
		}
		if (input == null) {
			return Mono.error(new LocalInputException(task.id() + " input for model '" + model.alias() + "' is null"));
		}
		if (task == FeatureExtraction.BATCH && ((List<?>) input).size() > 1 && this.concurrency > 1) {
			return (Mono<R>) spread(model, (List<String>) input, (FeatureExtraction.Parameters) parameters);
		}
		return Mono.fromCallable(() -> run(task, model, input, parameters)).subscribeOn(this.scheduler);
	}

	/**
	 * Embeds a batch as up to {@code concurrency} contiguous slices on the inference
	 * threads at once (as one caller's batch would otherwise use one core), in input order.
	 */
	private Mono<List<Embedding>> spread(ModelDefinition model, List<String> texts,
			FeatureExtraction.@Nullable Parameters parameters) {
		int slices = Math.min(this.concurrency, texts.size());
		int size = (texts.size() + slices - 1) / slices;
		List<List<String>> parts = new ArrayList<>(slices);
		for (int start = 0; start < texts.size(); start += size) {
			parts.add(texts.subList(start, Math.min(texts.size(), start + size)));
		}
		return Flux.fromIterable(parts)
			.flatMapSequential((part) -> Mono.fromCallable(() -> run(FeatureExtraction.BATCH, model, part, parameters))
				.subscribeOn(this.scheduler))
			.collect(() -> new ArrayList<Embedding>(texts.size()), List::addAll);
	}

	@SuppressWarnings("unchecked")
	private <I, P, R> R run(Task<I, P, R> task, ModelDefinition model, I input, @Nullable P parameters) {
		SentenceEncoder encoder = slot(model).encoder();
		if (task == SentenceSimilarity.TASK) {
			return (R) similarities(encoder, (SentenceSimilarity.Input) input);
		}
		FeatureExtraction.Parameters options = (FeatureExtraction.Parameters) parameters;
		if (task == FeatureExtraction.TASK) {
			return (R) Embedding.of(encoder.embed(List.of((String) input), options)[0]);
		}
		float[][] vectors = encoder.embed((List<String>) input, options);
		List<Embedding> embeddings = new ArrayList<>(vectors.length);
		for (float[] vector : vectors) {
			embeddings.add(Embedding.of(vector));
		}
		return (R) embeddings;
	}

	private static List<Double> similarities(SentenceEncoder encoder, SentenceSimilarity.Input input) {
		List<String> texts = new ArrayList<>(input.sentences().size() + 1);
		texts.add(input.sourceSentence());
		texts.addAll(input.sentences());
		float[][] vectors = encoder.embed(texts, null);
		List<Double> scores = new ArrayList<>(input.sentences().size());
		for (int i = 1; i < vectors.length; i++) {
			scores.add(cosine(vectors[0], vectors[i]));
		}
		return scores;
	}

	private static double cosine(float[] a, float[] b) {
		double dot = 0;
		double normA = 0;
		double normB = 0;
		for (int i = 0; i < a.length; i++) {
			dot += (double) a[i] * b[i];
			normA += (double) a[i] * a[i];
			normB += (double) b[i] * b[i];
		}
		return dot / Math.max(Math.sqrt(normA) * Math.sqrt(normB), 1e-8);
	}

	private ModelSlot slot(ModelDefinition model) {
		ModelSlot slot = this.models.get(model.alias());
		if (slot == null && model.id() != null) {
			slot = this.models.get(model.id());
		}
		if (slot == null) {
			throw new HfConfigurationException("Provider '" + NAME + "' has no model for '" + model.alias() + "'"
					+ ((model.id() != null) ? " (id '" + model.id() + "')" : "") + "; it serves " + this.models.keySet()
					+ ". Register one under the model's alias or id (hf.inference.local.models.<name>.path, "
					+ ".hub-id or .bundled, or LocalInferenceProvider.Builder.model)");
		}
		return slot;
	}

	/** Disposes the inference threads (unless supplied) and closes the native sessions. */
	@Override
	public void close() {
		this.closed = true;
		if (this.ownsScheduler) {
			this.scheduler.dispose();
		}
		for (ModelSlot slot : this.models.values()) {
			slot.close();
		}
	}

	/** One registered model, loaded at most once and shared by every name it serves. */
	private static final class ModelSlot {

		private final String name;

		private final LocalModelSettings settings;

		private final int intraOpThreads;

		private final int maxBatchSize;

		private volatile @Nullable SentenceEncoder encoder;

		ModelSlot(String name, LocalModelSettings settings, int intraOpThreads, int maxBatchSize) {
			this.name = name;
			this.settings = settings;
			this.intraOpThreads = intraOpThreads;
			this.maxBatchSize = maxBatchSize;
		}

		SentenceEncoder encoder() {
			SentenceEncoder loaded = this.encoder;
			if (loaded == null) {
				synchronized (this) {
					loaded = this.encoder;
					if (loaded == null) {
						loaded = SentenceEncoder.load(this.name, this.settings, this.intraOpThreads, this.maxBatchSize);
						this.encoder = loaded;
					}
				}
			}
			return loaded;
		}

		synchronized void close() {
			SentenceEncoder loaded = this.encoder;
			this.encoder = null;
			if (loaded != null) {
				loaded.close();
			}
		}

	}

	/** Builds a {@link LocalInferenceProvider}. */
	public static final class Builder {

		private final Map<String, LocalModelSettings> models = new LinkedHashMap<>();

		private int intraOpThreads = 1;

		private int concurrency = Runtime.getRuntime().availableProcessors();

		private int maxBatchSize = 32;

		private @Nullable Scheduler scheduler;

		private Builder() {
			this.models.put(LocalModelSource.Bundled.MODEL_ID, LocalModelSettings.of(LocalModelSource.bundled()));
		}

		/**
		 * Registers a model under a name: a model alias or a Hugging Face model id.
		 * @param name the name calls use (their model's alias or id)
		 * @param settings the model
		 * @return this builder
		 */
		public Builder model(String name, LocalModelSettings settings) {
			Objects.requireNonNull(name, "name");
			this.models.put(name, Objects.requireNonNull(settings, "settings"));
			return this;
		}

		/**
		 * Registers a model, used as its files describe it, under a name.
		 * @param name the name calls use (their model's alias or id)
		 * @param source where the model's files are
		 * @return this builder
		 */
		public Builder model(String name, LocalModelSource source) {
			return model(name, LocalModelSettings.of(source));
		}

		/**
		 * Sets how many threads ONNX Runtime uses within one session run (default 1).
		 * @param intraOpThreads at least 1
		 * @return this builder
		 */
		public Builder intraOpThreads(int intraOpThreads) {
			this.intraOpThreads = atLeastOne(intraOpThreads, "intraOpThreads");
			return this;
		}

		/**
		 * Sets how many session runs may execute at the same time (default: the number of
		 * processors), and so into how many slices one batch is spread. With a supplied
		 * {@link #scheduler(Scheduler) scheduler} only the latter applies.
		 * @param concurrency at least 1
		 * @return this builder
		 */
		public Builder concurrency(int concurrency) {
			this.concurrency = atLeastOne(concurrency, "concurrency");
			return this;
		}

		/**
		 * Sets the largest number of texts in one session run (default 32); longer batches
		 * are split.
		 * @param maxBatchSize at least 1
		 * @return this builder
		 */
		public Builder maxBatchSize(int maxBatchSize) {
			this.maxBatchSize = atLeastOne(maxBatchSize, "maxBatchSize");
			return this;
		}

		/**
		 * Runs inference on this scheduler instead of a bounded one of {@code concurrency}
		 * threads owned by the provider. It must not be a non-blocking (event loop)
		 * scheduler, and the provider does not dispose it.
		 * @param scheduler the scheduler
		 * @return this builder
		 */
		public Builder scheduler(Scheduler scheduler) {
			this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
			return this;
		}

		/** Builds the provider; models load on first use or with {@link LocalInferenceProvider#preload()}. */
		public LocalInferenceProvider build() {
			return new LocalInferenceProvider(this);
		}

		private static int atLeastOne(int value, String name) {
			if (value < 1) {
				throw new HfConfigurationException(
						"LocalInferenceProvider.Builder." + name + " must be at least 1, got " + value);
			}
			return value;
		}

	}

}
