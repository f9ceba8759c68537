package io.github.hfinference.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.FeatureExtraction.Parameters;
import io.github.hfinference.core.task.SentenceSimilarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The local provider behind {@link HfInferenceClient}: no token, no network. The client's
 * router and Hub URLs point at a local server that must receive nothing.
 */
class LocalClientTests {

	private final MockWebServer server = new MockWebServer();

	private static LocalInferenceProvider provider;

	private HfInferenceClient client;

	@TempDir
	static Path temp;

	@BeforeAll
	static void createProvider() {
		Path withPrompts = TestModels.sentenceTransformersDirectory(temp, TestModels.QUANTIZED_ONNX, "model.onnx");
		TestModels.write(withPrompts.resolve("config_sentence_transformers.json"),
				"{\"prompts\": {\"query\": \"query: \", \"document\": \"\"}, \"default_prompt_name\": null}");
		provider = LocalInferenceProvider.builder().model("prompted", LocalModelSource.directory(withPrompts)).build();
	}

	@AfterAll
	static void closeProvider() {
		provider.close();
	}

	@BeforeEach
	void start() throws IOException {
		this.server.start();
		URI url = this.server.url("/").uri();
		this.client = HfInferenceClient.builder()
			.noTokenLookup()
			.baseUrl(url)
			.hubUrl(url)
			.inProcessProvider(provider)
			.build();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	private static ModelDefinition local(String alias, String id) {
		return ModelDefinition.builder(alias).id(id).target(new InferenceTarget.InProcess("local")).build();
	}

	@Test
	void sentenceSimilarityThroughTheClient() {
		ModelDefinition model = local("m", "sentence-transformers/all-MiniLM-L6-v2");
		List<Double> scores = this.client.blocking()
			.call(SentenceSimilarity.TASK, model, new SentenceSimilarity.Input(LocalInferenceProviderTests.CAT,
					List.of(LocalInferenceProviderTests.KITTEN, LocalInferenceProviderTests.REVENUE)), null);
		assertThat(scores).hasSize(2);
		assertThat(scores.get(0)).isCloseTo(0.6274, within(1e-4));
		assertThat(scores.get(1)).isCloseTo(-0.0020, within(1e-4));
		assertThat(this.client.hasToken()).isFalse();
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void featureExtractionReportsTheLocalTarget() {
		ModelDefinition model = local("m", "sentence-transformers/all-MiniLM-L6-v2");
		InferenceResponse<List<Embedding>> response = this.client.blocking()
			.execute(InferenceRequest.of(FeatureExtraction.BATCH, model, List.of("one", "two")));
		assertThat(response.value()).hasSize(2).allSatisfy((embedding) -> assertThat(embedding.dimensions()).isEqualTo(384));
		assertThat(response.metadata().target()).isEqualTo("local");
		assertThat(response.metadata().computeType()).isEqualTo("local");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void namedPromptIsPrependedAsSentenceTransformersDoes() {
		ModelDefinition prompted = local("prompted", "my-org/prompted");
		ModelDefinition plain = local("m", "sentence-transformers/all-MiniLM-L6-v2");
		Embedding withPrompt = this.client.blocking()
			.call(FeatureExtraction.TASK, prompted, "capital of France", new Parameters(null, "query", null, null));
		Embedding spelledOut = this.client.blocking().call(FeatureExtraction.TASK, plain, "query: capital of France", null);
		Embedding withoutPrompt = this.client.blocking().call(FeatureExtraction.TASK, plain, "capital of France", null);
		assertThat(withPrompt.cosine(spelledOut)).isCloseTo(1.0, within(1e-6));
		assertThat(withPrompt.cosine(withoutPrompt)).isLessThan(0.99);
		assertThatExceptionOfType(LocalInputException.class)
			.isThrownBy(() -> this.client.blocking()
				.call(FeatureExtraction.TASK, prompted, "x", new Parameters(null, "passage", null, null)))
			.withMessageContaining("'passage'")
			.withMessageContaining("query");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void modelWithoutLocalFilesFailsWithATypedError() {
		ModelDefinition unknown = local("search", "BAAI/bge-small-en-v1.5");
		assertThatExceptionOfType(HfConfigurationException.class)
			.isThrownBy(() -> this.client.blocking().call(FeatureExtraction.TASK, unknown, "x", null))
			.withMessageContaining("BAAI/bge-small-en-v1.5");
		assertThat(this.server.getRequestCount()).isZero();
	}

}
