package io.github.hfinference.springai;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.local.LocalInferenceProvider;
import io.github.hfinference.test.HfAnswers;
import io.github.hfinference.test.HfInferenceStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link HfEmbeddingModel} under Spring AI's vector store, with the in-process model and
 * with a TEI-style endpoint.
 */
class HfEmbeddingModelTests {

	/** Nothing listens here: a call that reached the network would fail. */
	private static final URI NO_NETWORK = URI.create("http://127.0.0.1:9");

	private static LocalInferenceProvider local;

	@BeforeAll
	static void loadLocalProvider() {
		local = LocalInferenceProvider.builder().build();
	}

	@AfterAll
	static void closeLocalProvider() {
		local.close();
	}

	private static HfEmbeddingModel localModel(ObservationRegistry registry) {
		HfInferenceClient client = HfInferenceClient.builder()
			.noTokenLookup()
			.baseUrl(NO_NETWORK)
			.hubUrl(NO_NETWORK)
			.inProcessProvider(local)
			.build();
		ModelDefinition model = ModelDefinition.builder("embed")
			.id("sentence-transformers/all-MiniLM-L6-v2")
			.target(new InferenceTarget.InProcess("local"))
			.build();
		return new HfEmbeddingModel(client, model, null, registry);
	}

	@Test
	void similaritySearchWithTheBundledModelFindsTheClosestDocumentOffline() {
		SimpleVectorStore store = SimpleVectorStore.builder(localModel(ObservationRegistry.NOOP)).build();
		store.add(List.of(new Document("The cat sleeps on the warm windowsill."),
				new Document("Interest rates rose again this quarter."),
				new Document("Our team won the football match on Sunday.")));

		List<Document> found = store
			.similaritySearch(SearchRequest.builder().query("Where is the kitten napping?").topK(1).build());

		assertThat(found).extracting(Document::getText).containsExactly("The cat sleeps on the warm windowsill.");
	}

	@Test
	void dimensionsOfTheLocalModelNeedNoNetwork() {
		assertThat(localModel(ObservationRegistry.NOOP).dimensions()).isEqualTo(384);
	}

	@Test
	void oneEmbeddingCallIsOneSpringAiEmbeddingObservation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationPredicate(new HfNestedObservationPredicate());

		localModel(registry).embed(List.of("one", "two"));

		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "embedding")
			.hasLowCardinalityKeyValue("gen_ai.system", "huggingface")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "sentence-transformers/all-MiniLM-L6-v2");
	}

	@Test
	void aListOfTextsGoesAsOneRequest() throws Exception {
		try (HfInferenceStub stub = HfInferenceStub.start()) {
			stub.endpoint("tei")
				.task(FeatureExtraction.BATCH)
				.answers(List.of(HfAnswers.embedding(0.1f, 0.2f), HfAnswers.embedding(0.3f, 0.4f),
						HfAnswers.embedding(0.5f, 0.6f)));
			HfInferenceClient client = HfInferenceClient.builder()
				.token("hf_test")
				.noTokenLookup()
				.baseUrl(stub.baseUrl())
				.hubUrl(stub.hubUrl())
				.build();
			ModelDefinition model = ModelDefinition.builder("tei")
				.target(InferenceTarget.Endpoint.of(stub.endpointUrl("tei")))
				.build();

			List<float[]> vectors = new HfEmbeddingModel(client, model, null, ObservationRegistry.NOOP)
				.embed(List.of("a", "b", "c"));

			assertThat(vectors).containsExactly(new float[] { 0.1f, 0.2f }, new float[] { 0.3f, 0.4f },
					new float[] { 0.5f, 0.6f });
			assertThat(stub.calls()).hasSize(1);
			assertThat(JsonMapper.shared().readValue(stub.calls("tei").get(0).body(),
					new TypeReference<Map<String, Object>>() {
					}))
				.isEqualTo(Map.of("inputs", List.of("a", "b", "c")));
		}
	}

	@Test
	void dimensionsOptionIsRefusedNamingIt() {
		HfEmbeddingModel model = localModel(ObservationRegistry.NOOP);

		assertThatExceptionOfType(HfSpringAiRequestException.class)
			.isThrownBy(() -> model.call(new org.springframework.ai.embedding.EmbeddingRequest(List.of("a"),
					org.springframework.ai.embedding.EmbeddingOptions.builder().dimensions(128).build())))
			.withMessageContaining("Embedding option dimensions (128)");
	}

}
