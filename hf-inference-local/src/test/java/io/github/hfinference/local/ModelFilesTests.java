package io.github.hfinference.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.local.SentenceTransformersConfig.Pooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Finding a model's files in a directory or the Hugging Face cache, reading its
 * sentence-transformers configuration, and the errors a broken model gives.
 */
class ModelFilesTests {

	@TempDir
	Path temp;

	@Test
	void directoryFindsTheOnnxFileInTheUsualPlaces() {
		for (String onnxPath : ModelFiles.ONNX_CANDIDATES) {
			Path directory = this.temp.resolve(onnxPath.replace('/', '_'));
			TestModels.sentenceTransformersDirectory(directory, TestModels.QUANTIZED_ONNX, onnxPath);
			ModelFiles files = ModelFiles.resolve(LocalModelSource.directory(directory));
			assertThat(files.onnxFile()).isEqualTo(directory.resolve(onnxPath));
			assertThat(files.tokenizerFile()).isEqualTo(directory.resolve("tokenizer.json"));
		}
	}

	@Test
	void directoryPrefersModelOnnxAndHonoursAnExplicitFile() {
		TestModels.sentenceTransformersDirectory(this.temp, TestModels.QUANTIZED_ONNX, "onnx/model_quantized.onnx");
		TestModels.write(this.temp.resolve("model.onnx"), "not really a model");
		assertThat(ModelFiles.resolve(LocalModelSource.directory(this.temp)).onnxFile())
			.isEqualTo(this.temp.resolve("model.onnx"));
		assertThat(ModelFiles.resolve(new LocalModelSource.Directory(this.temp, "onnx/model_quantized.onnx")).onnxFile())
			.isEqualTo(this.temp.resolve("onnx/model_quantized.onnx"));
	}

	@Test
	void missingDirectoryIsNamed() {
		Path missing = this.temp.resolve("nowhere");
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> ModelFiles.resolve(LocalModelSource.directory(missing)))
			.withMessageContaining(missing.toString())
			.withMessageContaining("does not exist");
	}

	@Test
	void directoryWithoutOnnxModelSaysWhatWasLookedFor() {
		TestModels.copyResource(TestModels.TOKENIZER, this.temp.resolve("tokenizer.json"));
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> ModelFiles.resolve(LocalModelSource.directory(this.temp)))
			.withMessageContaining(this.temp.toString())
			.withMessageContaining("model.onnx, onnx/model.onnx, onnx/model_quantized.onnx");
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> ModelFiles.resolve(new LocalModelSource.Directory(this.temp, "custom.onnx")))
			.withMessageContaining("custom.onnx");
	}

	@Test
	void directoryWithoutTokenizerIsNamed() {
		TestModels.copyResource(TestModels.QUANTIZED_ONNX, this.temp.resolve("model.onnx"));
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> ModelFiles.resolve(LocalModelSource.directory(this.temp)))
			.withMessageContaining(this.temp.toString())
			.withMessageContaining("tokenizer.json");
	}

	@Test
	void corruptOnnxFileFailsOnFirstCallNamingTheModelAndPath() {
		TestModels.sentenceTransformersDirectory(this.temp, TestModels.QUANTIZED_ONNX, "model.onnx");
		TestModels.write(this.temp.resolve("model.onnx"), "this is not an ONNX protobuf");
		ModelDefinition broken = ModelDefinition.builder("broken")
			.target(new InferenceTarget.InProcess(LocalInferenceProvider.NAME))
			.build();
		try (LocalInferenceProvider provider = LocalInferenceProvider.builder()
			.model("broken", LocalModelSource.directory(this.temp))
			.build()) {
			assertThatExceptionOfType(LocalModelException.class)
				.isThrownBy(() -> provider.execute(FeatureExtraction.TASK, broken, "text", null).block(Duration.ofSeconds(10)))
				.withMessageContaining("'broken'")
				.withMessageContaining(this.temp.resolve("model.onnx").toString());
			assertThatExceptionOfType(LocalModelException.class).isThrownBy(provider::preload)
				.withMessageContaining("'broken'");
		}
	}

	@Test
	void corruptTokenizerIsNamed() {
		TestModels.sentenceTransformersDirectory(this.temp, TestModels.QUANTIZED_ONNX, "model.onnx");
		TestModels.write(this.temp.resolve("tokenizer.json"), "{\"not\": \"a tokenizer\"}");
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> SentenceEncoder.load("tok", LocalModelSettings.of(LocalModelSource.directory(this.temp)),
					1, 8))
			.withMessageContaining("tokenizer")
			.withMessageContaining(this.temp.resolve("tokenizer.json").toString());
	}

	@Test
	void hubCacheResolvesRefsMainToItsSnapshot() {
		TestModels.hubCache(this.temp, TestModels.QUANTIZED_ONNX);
		ModelFiles files = ModelFiles.resolve(LocalModelSource.hubCache(this.temp, "sentence-transformers/all-MiniLM-L6-v2",
				null));
		Path snapshot = this.temp.resolve("models--sentence-transformers--all-MiniLM-L6-v2/snapshots/" + TestModels.COMMIT);
		assertThat(files.onnxFile()).isEqualTo(snapshot.resolve("onnx/model.onnx"));
		assertThat(Files.isSymbolicLink(snapshot.resolve("onnx/model.onnx"))).isTrue();
		assertThat(files.config()).isEqualTo(SentenceTransformersConfig.BUNDLED);
		assertThat(ModelFiles.resolve(LocalModelSource.hubCache(this.temp, "sentence-transformers/all-MiniLM-L6-v2",
				TestModels.COMMIT)).onnxFile()).isEqualTo(files.onnxFile());
	}

	@Test
	void hubCacheModelLoadsAndMatchesTheBundledModel() {
		TestModels.hubCache(this.temp, TestModels.QUANTIZED_ONNX);
		ModelDefinition cached = ModelDefinition.builder("cached")
			.target(new InferenceTarget.InProcess(LocalInferenceProvider.NAME))
			.build();
		ModelDefinition bundled = ModelDefinition.builder("bundled")
			.id(LocalModelSource.Bundled.MODEL_ID)
			.target(new InferenceTarget.InProcess(LocalInferenceProvider.NAME))
			.build();
		try (LocalInferenceProvider provider = LocalInferenceProvider.builder()
			.model("cached", LocalModelSource.hubCache(this.temp, "sentence-transformers/all-MiniLM-L6-v2", "main"))
			.build()) {
			Embedding fromCache = provider.execute(FeatureExtraction.TASK, cached, "Offline and cached.", null).block(Duration.ofSeconds(10));
			Embedding fromJar = provider.execute(FeatureExtraction.TASK, bundled, "Offline and cached.", null).block(Duration.ofSeconds(10));
			assertThat(fromCache.cosine(fromJar)).isCloseTo(1.0, within(1e-6));
		}
	}

	@Test
	void hubCacheWithoutTheRepositorySaysHowToGetIt() {
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> ModelFiles.resolve(LocalModelSource.hubCache(this.temp, "BAAI/bge-small-en-v1.5", null)))
			.withMessageContaining("BAAI/bge-small-en-v1.5")
			.withMessageContaining("models--BAAI--bge-small-en-v1.5")
			.withMessageContaining(this.temp.toString());
	}

	@Test
	void hubCacheWithoutTheRevisionListsCachedSnapshots() {
		TestModels.hubCache(this.temp, TestModels.QUANTIZED_ONNX);
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> ModelFiles.resolve(LocalModelSource.hubCache(this.temp,
					"sentence-transformers/all-MiniLM-L6-v2", "v2.0")))
			.withMessageContaining("no revision 'v2.0'")
			.withMessageContaining("refs")
			.withMessageContaining(TestModels.COMMIT);
	}

	@Test
	void hubCacheRefPointingNowhereIsReported() throws IOException {
		TestModels.hubCache(this.temp, TestModels.QUANTIZED_ONNX);
		Files.writeString(this.temp.resolve("models--sentence-transformers--all-MiniLM-L6-v2/refs/main"), "deadbeef");
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> ModelFiles.resolve(LocalModelSource.hubCache(this.temp,
					"sentence-transformers/all-MiniLM-L6-v2", null)))
			.withMessageContaining("deadbeef")
			.withMessageContaining("does not exist");
	}

	@Test
	void defaultHubCacheFollowsTheHuggingFaceVariables() {
		assertThat(LocalModelSource.HubCache.defaultCacheDir(Map.of("HF_HUB_CACHE", "/a", "HF_HOME", "/b"), "/home/u"))
			.isEqualTo(Path.of("/a"));
		assertThat(LocalModelSource.HubCache.defaultCacheDir(Map.of("HF_HOME", "/b", "XDG_CACHE_HOME", "/c"), "/home/u"))
			.isEqualTo(Path.of("/b/hub"));
		assertThat(LocalModelSource.HubCache.defaultCacheDir(Map.of("XDG_CACHE_HOME", "/c"), "/home/u"))
			.isEqualTo(Path.of("/c/huggingface/hub"));
		assertThat(LocalModelSource.HubCache.defaultCacheDir(Map.of(), "/home/u"))
			.isEqualTo(Path.of("/home/u/.cache/huggingface/hub"));
	}

	@Test
	void plainTransformerDirectoryUsesMeanPoolingWithoutNormalisation() {
		SentenceTransformersConfig config = SentenceTransformersConfig.read(this.temp);
		assertThat(config.pooling()).isEqualTo(Pooling.MEAN);
		assertThat(config.normalize()).isFalse();
		assertThat(config.maxSequenceLength()).isNull();
		assertThat(config.prompts()).isEmpty();
	}

	@Test
	void sentenceTransformersFilesAreRead() {
		TestModels.write(this.temp.resolve("modules.json"), """
				[{"path":"","type":"sentence_transformers.models.Transformer"},
				 {"path":"pool","type":"sentence_transformers.models.Pooling"}]""");
		TestModels.write(this.temp.resolve("pool/config.json"), """
				{"pooling_mode_cls_token":true,"pooling_mode_mean_tokens":false}""");
		TestModels.write(this.temp.resolve("tokenizer_config.json"), "{\"model_max_length\": 512}");
		TestModels.write(this.temp.resolve("config_sentence_transformers.json"), """
				{"prompts":{"query":"query: ","passage":"passage: "},"default_prompt_name":"passage"}""");
		SentenceTransformersConfig config = SentenceTransformersConfig.read(this.temp);
		assertThat(config.pooling()).isEqualTo(Pooling.CLS);
		assertThat(config.normalize()).isFalse();
		assertThat(config.maxSequenceLength()).isEqualTo(512);
		assertThat(config.prompts()).containsEntry("query", "query: ").containsEntry("passage", "passage: ");
		assertThat(config.defaultPromptName()).isEqualTo("passage");
	}

	@Test
	void modulesTheProviderCannotRunAreRejected() {
		TestModels.write(this.temp.resolve("modules.json"), """
				[{"path":"","type":"sentence_transformers.models.Transformer"},
				 {"path":"1_Pooling","type":"sentence_transformers.models.Pooling"},
				 {"path":"2_Dense","type":"sentence_transformers.models.Dense"}]""");
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> SentenceTransformersConfig.read(this.temp))
			.withMessageContaining("sentence_transformers.models.Dense")
			.withMessageContaining(this.temp.toString());
	}

	@Test
	void unsupportedPoolingIsRejected() {
		TestModels.write(this.temp.resolve("1_Pooling/config.json"), """
				{"pooling_mode_cls_token":false,"pooling_mode_mean_tokens":false,"pooling_mode_max_tokens":true}""");
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> SentenceTransformersConfig.read(this.temp))
			.withMessageContaining("pooling_mode_max_tokens");
	}

	@Test
	void malformedJsonIsNamed() {
		TestModels.write(this.temp.resolve("sentence_bert_config.json"), "{not json");
		assertThatExceptionOfType(LocalModelException.class)
			.isThrownBy(() -> SentenceTransformersConfig.read(this.temp))
			.withMessageContaining("sentence_bert_config.json")
			.withMessageContaining("not valid JSON");
	}

	@Test
	void dynamicQuantizationIsDetectedAcrossBufferBoundaries() throws IOException {
		byte[] marker = "DynamicQuantizeLinear".getBytes(StandardCharsets.US_ASCII);
		for (int offset : new int[] { 0, (1 << 20) - 10, (1 << 20) + 3 }) {
			byte[] data = new byte[(1 << 20) * 2];
			System.arraycopy(marker, 0, data, offset, marker.length);
			assertThat(ModelFiles.quantizesDynamically(new ByteArrayInputStream(data))).as("offset %d", offset).isTrue();
		}
		assertThat(ModelFiles.quantizesDynamically(new ByteArrayInputStream(new byte[3 << 20]))).isFalse();
	}

}
