package io.github.hfinference.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.SentenceSimilarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The unquantized all-MiniLM-L6-v2, read from a Hugging Face cache layout: batches run
 * padded in one session run and still equal one-by-one results, and results match what
 * the hf-inference provider answered for the same model (recorded responses in
 * {@code shared/conformance/recordings/}).
 */
class HubCacheFloatModelTests {

	static final ModelDefinition MINILM = ModelDefinition.builder("minilm")
		.id("sentence-transformers/all-MiniLM-L6-v2")
		.target(new InferenceTarget.InProcess(LocalInferenceProvider.NAME))
		.build();

	@TempDir
	static Path cacheDir;

	private static LocalInferenceProvider provider;

	@BeforeAll
	static void createProvider() {
		TestModels.hubCache(cacheDir, TestModels.FLOAT_ONNX);
		provider = LocalInferenceProvider.builder()
			.model("sentence-transformers/all-MiniLM-L6-v2", LocalModelSource.hubCache(cacheDir,
					"sentence-transformers/all-MiniLM-L6-v2", null))
			.build();
	}

	@AfterAll
	static void closeProvider() {
		provider.close();
	}

	private static Embedding embed(String text) {
		return provider.execute(FeatureExtraction.TASK, MINILM, text, null).block(Duration.ofSeconds(10));
	}

	@Test
	void matchesTheRecordedHfInferenceEmbedding() {
		// huggingface_hub-legacy/InferenceClientVCRTest.test_feature_extraction_with_sentence_transformers.yaml
		float[] recorded = { -0.015488003380596638f, 0.02568504959344864f, 0.09088589996099472f,
				0.06198530271649361f, -0.040129248052835464f };
		float[] vector = embed("Hi, who are you?").vector();
		assertThat(vector).hasSize(384);
		for (int i = 0; i < recorded.length; i++) {
			assertThat(vector[i]).as("dimension %d", i).isCloseTo(recorded[i], within(1e-4f));
		}
		assertThat(LocalInferenceProviderTests.norm(vector)).isCloseTo(1.0, within(1e-6));
	}

	@Test
	void matchesTheRecordedHfInferenceSentenceSimilarity() {
		// huggingface_hub/TestInferenceClient.test_sentence_similarity[hf-inference,sentence-similarity].yaml
		List<Double> scores = provider.execute(SentenceSimilarity.TASK, MINILM,
				new SentenceSimilarity.Input("Machine learning is so easy.",
						List.of("Deep learning is so straightforward.", "This is so difficult, like rocket science.",
								"I can't believe how much I struggled with this.")),
				null)
			.block(Duration.ofSeconds(10));
		assertThat(scores).hasSize(3);
		assertThat(scores.get(0)).isCloseTo(0.7785724997520447, within(1e-4));
		assertThat(scores.get(1)).isCloseTo(0.4587624967098236, within(1e-4));
		assertThat(scores.get(2)).isCloseTo(0.29062220454216003, within(1e-4));
	}

	@Test
	void paddedBatchEqualsOneByOne() {
		List<String> texts = List.of(LocalInferenceProviderTests.CAT, LocalInferenceProviderTests.KITTEN,
				LocalInferenceProviderTests.REVENUE, "Short.",
				"A considerably longer sentence, so that the others are padded in the same batch as this one.", "");
		List<Embedding> batch = provider.execute(FeatureExtraction.BATCH, MINILM, texts, null).block(Duration.ofSeconds(10));
		assertThat(batch).hasSize(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			float[] single = embed(texts.get(i)).vector();
			float[] batched = batch.get(i).vector();
			for (int d = 0; d < single.length; d++) {
				assertThat(batched[d]).as("text %d dimension %d", i, d).isCloseTo(single[d], within(1e-5f));
			}
		}
	}

	@Test
	void autoBatchingPadsFloatModelsAndRunsQuantizedModelsPerInput() {
		SentenceEncoder floatModel = SentenceEncoder.load("float",
				LocalModelSettings.of(LocalModelSource.hubCache(cacheDir, "sentence-transformers/all-MiniLM-L6-v2", null)),
				1, 16);
		SentenceEncoder quantized = SentenceEncoder.load("quantized", LocalModelSettings.of(LocalModelSource.bundled()),
				1, 16);
		SentenceEncoder forced = SentenceEncoder.load("forced",
				LocalModelSettings.of(LocalModelSource.bundled()).withBatching(LocalBatching.PADDED), 1, 16);
		try (floatModel; quantized; forced) {
			assertThat(floatModel.runSize()).isEqualTo(16);
			assertThat(quantized.runSize()).isEqualTo(1);
			assertThat(forced.runSize()).isEqualTo(16);
			assertThat(floatModel.maxSequenceLength()).isEqualTo(256);
			assertThat(floatModel.normalizeByDefault()).isTrue();
			assertThat(floatModel.description()).contains("models--sentence-transformers--all-MiniLM-L6-v2")
				.contains(TestModels.COMMIT);
		}
	}

	@Test
	void quantizedModelStaysCloseToTheFloatModel() {
		try (LocalInferenceProvider bundled = LocalInferenceProvider.builder().build()) {
			for (String text : List.of(LocalInferenceProviderTests.CAT, LocalInferenceProviderTests.REVENUE,
					"Hi, who are you?")) {
				Embedding quantized = bundled.execute(FeatureExtraction.TASK, MINILM, text, null).block(Duration.ofSeconds(10));
				assertThat(quantized.cosine(embed(text))).as(text).isGreaterThan(0.98);
			}
		}
	}

}
