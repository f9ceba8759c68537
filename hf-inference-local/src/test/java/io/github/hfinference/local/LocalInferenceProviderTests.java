package io.github.hfinference.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.FeatureExtraction.Parameters;
import io.github.hfinference.core.task.FeatureExtraction.TruncationDirection;
import io.github.hfinference.core.task.SentenceSimilarity;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The bundled all-MiniLM-L6-v2 model through the provider, against reference values
 * computed independently (toolchain.md §2: same numbers as langchain4j's own pipeline).
 */
@ExtendWith(SharedLocalProvider.class)
class LocalInferenceProviderTests {

	static final String CAT = "The cat sits on the mat.";

	static final String KITTEN = "A kitten is resting on a rug.";

	static final String REVENUE = "Quarterly revenue rose by 12 percent.";

	static final ModelDefinition MINILM = ModelDefinition.builder("minilm")
		.id(LocalModelSource.Bundled.MODEL_ID)
		.target(new InferenceTarget.InProcess(LocalInferenceProvider.NAME))
		.build();

	private static LocalInferenceProvider provider;

	@BeforeAll
	static void useSharedProvider(LocalInferenceProvider shared) {
		provider = shared;
	}

	private static Embedding embed(String text, Parameters parameters) {
		return provider.execute(FeatureExtraction.TASK, MINILM, text, parameters).block(Duration.ofSeconds(10));
	}

	private static List<Embedding> embedAll(List<String> texts, Parameters parameters) {
		return provider.execute(FeatureExtraction.BATCH, MINILM, texts, parameters).block(Duration.ofSeconds(10));
	}

	@Test
	void normalisedEmbeddingMatchesReferenceValues() {
		Embedding embedding = embed(CAT, Parameters.normalized());
		assertThat(embedding.shape()).containsExactly(384);
		float[] vector = embedding.vector();
		float[] expected = { 0.12299f, -0.01811f, -0.02012f, 0.03612f, -0.03862f };
		for (int i = 0; i < expected.length; i++) {
			assertThat(vector[i]).as("dimension %d", i).isCloseTo(expected[i], within(1e-4f));
		}
		assertThat(norm(vector)).isCloseTo(1.0, within(1e-6));
	}

	@Test
	void cosineOfKnownSentencesMatchesReference() {
		Embedding cat = embed(CAT, null);
		assertThat(cat.cosine(embed(KITTEN, null))).isCloseTo(0.6274, within(1e-4));
		assertThat(cat.cosine(embed(REVENUE, null))).isCloseTo(-0.0020, within(1e-4));
	}

	@Test
	void sentenceSimilarityScoresEachSentenceAgainstTheSource() {
		List<Double> scores = provider
			.execute(SentenceSimilarity.TASK, MINILM, new SentenceSimilarity.Input(CAT, List.of(KITTEN, REVENUE, CAT)),
					null)
			.block(Duration.ofSeconds(10));
		assertThat(scores).hasSize(3);
		assertThat(scores.get(0)).isCloseTo(0.6274, within(1e-4));
		assertThat(scores.get(1)).isCloseTo(-0.0020, within(1e-4));
		assertThat(scores.get(2)).isCloseTo(1.0, within(1e-6));
	}

	@Test
	void modelNormalisesByDefaultAsItsSentenceTransformersPipelineDoes() {
		assertThat(norm(embed(CAT, null).vector())).isCloseTo(1.0, within(1e-6));
		float[] raw = embed(CAT, new Parameters(false, null, null, null)).vector();
		assertThat(norm(raw)).isGreaterThan(1.5);
		float[] normalised = embed(CAT, Parameters.normalized()).vector();
		double norm = norm(raw);
		for (int i = 0; i < raw.length; i++) {
			assertThat(normalised[i]).isCloseTo((float) (raw[i] / norm), within(1e-6f));
		}
	}

	@Test
	void batchEqualsOneByOne() {
		List<String> texts = List.of(CAT, KITTEN, REVENUE, "Short.",
				"A considerably longer sentence, so that the others are padded in the same batch as this one.", "");
		List<Embedding> batch = embedAll(texts, null);
		assertThat(batch).hasSize(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			float[] single = embed(texts.get(i), null).vector();
			float[] batched = batch.get(i).vector();
			for (int d = 0; d < single.length; d++) {
				assertThat(batched[d]).as("text %d dimension %d", i, d).isCloseTo(single[d], within(1e-5f));
			}
		}
	}

	@Test
	void batchLargerThanMaxBatchSizeIsSplitAndKeepsInputOrder() {
		try (LocalInferenceProvider small = LocalInferenceProvider.builder().maxBatchSize(2).build()) {
			List<String> texts = List.of(REVENUE, CAT, "x", KITTEN, "Another sentence of medium length.");
			List<Embedding> split = small.execute(FeatureExtraction.BATCH, MINILM, texts, null).block(Duration.ofSeconds(10));
			List<Embedding> whole = embedAll(texts, null);
			assertThat(split).hasSize(5);
			for (int i = 0; i < texts.size(); i++) {
				assertThat(split.get(i).cosine(whole.get(i))).as("text %d", i).isCloseTo(1.0, within(1e-5));
			}
		}
	}

	@Test
	void aBatchSpreadOverTheInferenceThreadsKeepsInputOrder() {
		try (LocalInferenceProvider spread = LocalInferenceProvider.builder().concurrency(3).build()) {
			List<String> texts = List.of(REVENUE, CAT, "x", KITTEN, "Another sentence of medium length.", "", "y");
			List<Embedding> spreadOut = spread.execute(FeatureExtraction.BATCH, MINILM, texts, null)
				.block(Duration.ofSeconds(60));
			assertThat(spreadOut).hasSize(texts.size());
			for (int i = 0; i < texts.size(); i++) {
				assertThat(spreadOut.get(i).cosine(embed(texts.get(i), null))).as("text %d", i)
					.isCloseTo(1.0, within(1e-5));
			}
		}
	}

	@Test
	void emptyBatchGivesEmptyList() {
		assertThat(embedAll(List.of(), null)).isEmpty();
	}

	@Test
	void longInputIsTruncatedToTheMaximumSequenceLength() {
		String head = "The cat sits on the mat. ";
		String longText = head + "Filler words go on and on. ".repeat(200);
		Embedding truncated = embed(longText, null);
		Embedding sameFirst256Tokens = embed(longText + "Completely different ending about finance.", null);
		assertThat(truncated.cosine(sameFirst256Tokens)).isCloseTo(1.0, within(1e-6));
		assertThat(truncated.cosine(embed(head, null))).isLessThan(0.9);
	}

	@Test
	void leftTruncationKeepsTheEnd() {
		String filler = "Filler words go on and on. ".repeat(200);
		Parameters left = new Parameters(null, null, true, TruncationDirection.LEFT);
		Embedding a = embed("Something else entirely at the start. " + filler + REVENUE, left);
		Embedding b = embed("A different opening sentence here. " + filler + REVENUE, left);
		assertThat(a.cosine(b)).isCloseTo(1.0, within(1e-6));
		Parameters right = new Parameters(null, null, true, TruncationDirection.RIGHT);
		assertThat(embed("Something else entirely at the start. " + filler + REVENUE, right)
			.cosine(embed("A different opening sentence here. " + filler + REVENUE, right))).isLessThan(0.9999);
	}

	@Test
	void tooLongInputWithTruncateFalseIsRejected() {
		String longText = "word ".repeat(300);
		assertThatExceptionOfType(LocalInputException.class)
			.isThrownBy(() -> embed(longText, new Parameters(null, null, false, null)))
			.withMessageContaining("Input 0")
			.withMessageContaining("302 tokens")
			.withMessageContaining("maximum of 256")
			.withMessageContaining("truncate");
		assertThat(embed("word ".repeat(254), new Parameters(null, null, false, null)).dimensions()).isEqualTo(384);
	}

	@Test
	void unknownPromptNameIsRejected() {
		assertThatExceptionOfType(LocalInputException.class)
			.isThrownBy(() -> embed(CAT, new Parameters(null, "query", null, null)))
			.withMessageContaining("no prompt named 'query'")
			.withMessageContaining("promptName")
			.withMessageContaining("none");
	}

	@Test
	void runsOffTheCallersThread() {
		List<String> threads = new ArrayList<>();
		StepVerifier.create(Mono.defer(() -> provider.execute(FeatureExtraction.TASK, MINILM, CAT, null))
			.doOnNext((embedding) -> threads.add(Thread.currentThread().getName())))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(threads).singleElement().asString().startsWith("hf-local");
	}

	@Test
	void unsupportedTaskIsRejected() {
		assertThat(provider.supports(TextClassification.TASK)).isFalse();
		StepVerifier.create(provider.execute(TextClassification.TASK, MINILM, "text", null))
			.verifyErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfConfigurationException.class)
				.hasMessageContaining("text-classification")
				.hasMessageContaining("minilm"));
	}

	@Test
	void unknownModelIsRejectedNamingTheModelAndHowToRegisterIt() {
		ModelDefinition other = ModelDefinition.builder("search")
			.id("BAAI/bge-small-en-v1.5")
			.target(new InferenceTarget.InProcess(LocalInferenceProvider.NAME))
			.build();
		assertThatExceptionOfType(HfConfigurationException.class)
			.isThrownBy(() -> provider.execute(FeatureExtraction.TASK, other, CAT, null).block(Duration.ofSeconds(10)))
			.withMessageContaining("'search'")
			.withMessageContaining("BAAI/bge-small-en-v1.5")
			.withMessageContaining(LocalModelSource.Bundled.MODEL_ID)
			.withMessageContaining("hf.inference.local.models");
	}

	@Test
	void aliasCanBeMappedToTheBundledModel() {
		ModelDefinition alias = ModelDefinition.builder("embedder")
			.target(new InferenceTarget.InProcess(LocalInferenceProvider.NAME))
			.build();
		try (LocalInferenceProvider mapped = LocalInferenceProvider.builder()
			.model("embedder", LocalModelSource.bundled())
			.build()) {
			Embedding viaAlias = mapped.execute(FeatureExtraction.TASK, alias, CAT, null).block(Duration.ofSeconds(10));
			assertThat(viaAlias.cosine(embed(CAT, null))).isCloseTo(1.0, within(1e-6));
			assertThat(mapped.modelNames()).containsExactly(LocalModelSource.Bundled.MODEL_ID, "embedder");
		}
	}

	@Test
	void closedProviderRejectsCalls() {
		LocalInferenceProvider closed = LocalInferenceProvider.builder().build();
		closed.close();
		assertThatExceptionOfType(HfConfigurationException.class)
			.isThrownBy(() -> closed.execute(FeatureExtraction.TASK, MINILM, CAT, null).block(Duration.ofSeconds(10)))
			.withMessageContaining("closed");
	}

	static double norm(float[] vector) {
		double sum = 0;
		for (float value : vector) {
			sum += (double) value * value;
		}
		return Math.sqrt(sum);
	}

}
