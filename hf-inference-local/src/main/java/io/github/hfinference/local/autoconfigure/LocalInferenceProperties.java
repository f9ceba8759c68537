package io.github.hfinference.local.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.local.LocalBatching;
import io.github.hfinference.local.LocalInferenceProvider;
import io.github.hfinference.local.LocalModelSettings;
import io.github.hfinference.local.LocalModelSource;

/**
 * Configuration of the in-process {@code local} provider ({@code hf.inference.local.*}).
 * <p>
 * Models are keyed by the name calls use: the model's alias in
 * {@code hf.inference.models}, or its Hugging Face id (in brackets, e.g.
 * {@code hf.inference.local.models[org/name].path}). The bundled all-MiniLM-L6-v2 is
 * always served under {@code sentence-transformers/all-MiniLM-L6-v2}.
 */
@ConfigurationProperties("hf.inference.local")
public class LocalInferenceProperties {

	/** Whether to register the local (ONNX Runtime) provider. */
	private boolean enabled = true;

	/** Whether to load every configured model at startup instead of on first use. */
	private boolean preload = false;

	/** Threads ONNX Runtime uses within one inference run. */
	private int intraOpThreads = 1;

	/** How many inference runs may execute at the same time, and so over how many threads one batch is spread (default: the number of processors). */
	private @Nullable Integer concurrency;

	/** Largest number of texts in one inference run; longer batches are split. */
	private int maxBatchSize = 32;

	/** Hugging Face hub cache directory for models given by hub-id (default: HF_HUB_CACHE, HF_HOME/hub or ~/.cache/huggingface/hub). */
	private @Nullable Path cacheDir;

	/** Models served by the local provider, keyed by model alias or model id. */
	private Map<String, Model> models = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isPreload() {
		return this.preload;
	}

	public void setPreload(boolean preload) {
		this.preload = preload;
	}

	public int getIntraOpThreads() {
		return this.intraOpThreads;
	}

	public void setIntraOpThreads(int intraOpThreads) {
		this.intraOpThreads = intraOpThreads;
	}

	public @Nullable Integer getConcurrency() {
		return this.concurrency;
	}

	public void setConcurrency(@Nullable Integer concurrency) {
		this.concurrency = concurrency;
	}

	public int getMaxBatchSize() {
		return this.maxBatchSize;
	}

	public void setMaxBatchSize(int maxBatchSize) {
		this.maxBatchSize = maxBatchSize;
	}

	public @Nullable Path getCacheDir() {
		return this.cacheDir;
	}

	public void setCacheDir(@Nullable Path cacheDir) {
		this.cacheDir = cacheDir;
	}

	public Map<String, Model> getModels() {
		return this.models;
	}

	public void setModels(Map<String, Model> models) {
		this.models = models;
	}

	/**
	 * A builder of the provider these properties describe.
	 * @return the builder
	 * @throws HfConfigurationException naming the property that is wrong
	 */
	public LocalInferenceProvider.Builder toBuilder() {
		LocalInferenceProvider.Builder builder = LocalInferenceProvider.builder()
			.intraOpThreads(atLeastOne(this.intraOpThreads, "intra-op-threads"))
			.maxBatchSize(atLeastOne(this.maxBatchSize, "max-batch-size"));
		if (this.concurrency != null) {
			builder.concurrency(atLeastOne(this.concurrency, "concurrency"));
		}
		this.models.forEach((name, model) -> builder.model(name, model.toSettings(name, this.cacheDir)));
		return builder;
	}

	private static int atLeastOne(int value, String property) {
		if (value < 1) {
			throw new HfConfigurationException(
					"hf.inference.local." + property + " must be at least 1, got " + value);
		}
		return value;
	}

	/** One model of the local provider: exactly one of bundled, path or hub-id. */
	public static class Model {

		/** Whether this name serves the bundled all-MiniLM-L6-v2 model. */
		private boolean bundled = false;

		/** Directory holding tokenizer.json and model.onnx (or onnx/model.onnx, onnx/model_quantized.onnx). */
		private @Nullable Path path;

		/** Hugging Face repository id to read from the local Hugging Face cache (nothing is downloaded). */
		private @Nullable String hubId;

		/** Hugging Face hub cache directory for this model (default: hf.inference.local.cache-dir). */
		private @Nullable Path cacheDir;

		/** Branch, tag or commit to read from the Hugging Face cache (default: main). */
		private @Nullable String revision;

		/** ONNX file relative to the model directory, when not one of the usual names. */
		private @Nullable String onnxFile;

		/** Maximum tokens per input, overriding the model's own (sentence_bert_config.json). */
		private @Nullable Integer maxSequenceLength;

		/** Whether embeddings are L2-normalised when a call does not say (default: the model's own pipeline). */
		private @Nullable Boolean normalize;

		/** How batches run: auto (per-input for dynamically quantized graphs), padded, or per-input. */
		private LocalBatching batching = LocalBatching.AUTO;

		public boolean isBundled() {
			return this.bundled;
		}

		public void setBundled(boolean bundled) {
			this.bundled = bundled;
		}

		public @Nullable Path getPath() {
			return this.path;
		}

		public void setPath(@Nullable Path path) {
			this.path = path;
		}

		public @Nullable String getHubId() {
			return this.hubId;
		}

		public void setHubId(@Nullable String hubId) {
			this.hubId = hubId;
		}

		public @Nullable Path getCacheDir() {
			return this.cacheDir;
		}

		public void setCacheDir(@Nullable Path cacheDir) {
			this.cacheDir = cacheDir;
		}

		public @Nullable String getRevision() {
			return this.revision;
		}

		public void setRevision(@Nullable String revision) {
			this.revision = revision;
		}

		public @Nullable String getOnnxFile() {
			return this.onnxFile;
		}

		public void setOnnxFile(@Nullable String onnxFile) {
			this.onnxFile = onnxFile;
		}

		public @Nullable Integer getMaxSequenceLength() {
			return this.maxSequenceLength;
		}

		public void setMaxSequenceLength(@Nullable Integer maxSequenceLength) {
			this.maxSequenceLength = maxSequenceLength;
		}

		public @Nullable Boolean getNormalize() {
			return this.normalize;
		}

		public void setNormalize(@Nullable Boolean normalize) {
			this.normalize = normalize;
		}

		public LocalBatching getBatching() {
			return this.batching;
		}

		public void setBatching(LocalBatching batching) {
			this.batching = batching;
		}

		/**
		 * The settings this model's properties describe.
		 * @param name the model's key under {@code hf.inference.local.models}
		 * @param defaultCacheDir the provider-wide hub cache directory, or null for the
		 * Hugging Face default
		 * @return the settings
		 * @throws HfConfigurationException unless exactly one of bundled, path and hub-id is set
		 */
		public LocalModelSettings toSettings(String name, @Nullable Path defaultCacheDir) {
			String prefix = "hf.inference.local.models." + name + ".";
			List<String> sources = new ArrayList<>();
			if (this.bundled) {
				sources.add(prefix + "bundled");
			}
			if (this.path != null) {
				sources.add(prefix + "path");
			}
			if (this.hubId != null) {
				sources.add(prefix + "hub-id");
			}
			if (sources.size() != 1) {
				throw new HfConfigurationException("Local model '" + name + "' needs exactly one of " + prefix
						+ "bundled=true, " + prefix + "path or " + prefix + "hub-id" + (sources.isEmpty() ? ""
								: "; found " + String.join(", ", sources)));
			}
			if ((this.revision != null || this.cacheDir != null) && this.hubId == null) {
				throw new HfConfigurationException(prefix + "revision and " + prefix + "cache-dir apply only with "
						+ prefix + "hub-id");
			}
			if (this.onnxFile != null && this.bundled) {
				throw new HfConfigurationException(prefix + "onnx-file does not apply to the bundled model");
			}
			LocalModelSource source;
			if (this.bundled) {
				source = LocalModelSource.bundled();
			}
			else if (this.path != null) {
				source = new LocalModelSource.Directory(this.path, this.onnxFile);
			}
			else {
				Path cache = (this.cacheDir != null) ? this.cacheDir
						: (defaultCacheDir != null) ? defaultCacheDir
								: LocalModelSource.HubCache.defaultCacheDir(System.getenv(),
										System.getProperty("user.home"));
				source = new LocalModelSource.HubCache(cache, this.hubId, this.revision, this.onnxFile);
			}
			if (this.maxSequenceLength != null && this.maxSequenceLength < 2) {
				throw new HfConfigurationException(
						prefix + "max-sequence-length must be at least 2, got " + this.maxSequenceLength);
			}
			return new LocalModelSettings(source, this.maxSequenceLength, this.normalize, this.batching);
		}

	}

}
