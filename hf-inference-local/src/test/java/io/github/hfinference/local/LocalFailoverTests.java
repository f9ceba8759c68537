package io.github.hfinference.local;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.autoconfigure.HfInferenceAutoConfiguration;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.local.autoconfigure.LocalProviderAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model served by the router first and the local provider second: when the router
 * answers 503, the call fails over to the bundled MiniLM in process, directly and through
 * Spring Boot configuration.
 */
@ExtendWith(SharedLocalProvider.class)
class LocalFailoverTests {

	private static final String MINILM = "sentence-transformers/all-MiniLM-L6-v2";

	private static final String TEXT = "The cat sits on the mat.";

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static LocalInferenceProvider provider;

	private final MockWebServer router = new MockWebServer();

	@BeforeAll
	static void useSharedProvider(LocalInferenceProvider shared) {
		provider = shared;
	}

	@BeforeEach
	void start() throws IOException {
		this.router.start();
		// one 503 per attempt the default policy could make, though failover needs only one
		for (int i = 0; i < 4; i++) {
			this.router.enqueue(new MockResponse.Builder().code(503)
				.addHeader("Content-Type", "application/json")
				.body("{\"error\":\"Service Unavailable\"}")
				.build());
		}
	}

	@AfterEach
	void stop() {
		this.router.close();
	}

	@Test
	void routerFailureFailsOverToTheLocalProvider() throws InterruptedException {
		URI url = this.router.url("/").uri();
		HfInferenceClient client = HfInferenceClient.builder()
			.token("hf_test")
			.noTokenLookup()
			.baseUrl(url)
			.hubUrl(url)
			.inProcessProvider(provider)
			.build();
		ModelDefinition model = ModelDefinition.builder("embed")
			.id(MINILM)
			.target(new InferenceTarget.Router("hf-inference"))
			.target(new InferenceTarget.InProcess("local"))
			.build();

		InferenceResponse<Embedding> response = client
			.execute(InferenceRequest.of(FeatureExtraction.TASK, model, TEXT))
			.block(WAIT);

		assertThat(response.metadata().target()).isEqualTo("local");
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(response.value().values()).containsExactly(localEmbedding().values());
		RecordedRequest request = this.router.takeRequest();
		assertThat(request.getTarget()).isEqualTo("/hf-inference/models/" + MINILM + "/pipeline/feature-extraction");
		assertThat(this.router.getRequestCount()).isOne();
	}

	@Test
	void routerFailureFailsOverToTheLocalProviderConfiguredInSpringBoot() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(HfInferenceAutoConfiguration.class, LocalProviderAutoConfiguration.class))
			.withPropertyValues("hf.inference.token=hf_test", "hf.inference.base-url=" + this.router.url("/"),
					"hf.inference.hub-url=" + this.router.url("/"), "hf.inference.models.embed.id=" + MINILM,
					"hf.inference.models.embed.targets[0].provider=hf-inference",
					"hf.inference.models.embed.targets[1].provider=local")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HfInferenceClient client = context.getBean(HfInferenceClient.class);
				ModelDefinition model = context.getBean(HfModelRegistry.class).definition("embed");
				assertThat(model.targets()).containsExactly(new InferenceTarget.Router("hf-inference"),
						new InferenceTarget.InProcess("local"));

				InferenceResponse<Embedding> response = client
					.execute(InferenceRequest.of(FeatureExtraction.TASK, model, TEXT))
					.block(WAIT);

				assertThat(response.metadata().target()).isEqualTo("local");
				assertThat(response.value().values()).containsExactly(localEmbedding().values());
				assertThat(this.router.getRequestCount()).isOne();
			});
	}

	private static Embedding localEmbedding() {
		ModelDefinition local = ModelDefinition.builder("local-only")
			.id(MINILM)
			.target(new InferenceTarget.InProcess("local"))
			.build();
		return provider.execute(FeatureExtraction.TASK, local, TEXT, null).block(WAIT);
	}

}
