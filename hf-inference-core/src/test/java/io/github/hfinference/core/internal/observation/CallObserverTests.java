package io.github.hfinference.core.internal.observation;

import io.micrometer.observation.tck.TestObservationRegistry;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.TestModels;
import io.github.hfinference.core.task.TextClassification;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CallObserverTests {

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture((builder) -> builder.observationRegistry(this.registry));

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private ModelDefinition model;

	@BeforeEach
	void start() {
		this.model = TestModels.onHfInference("sentiment", "distilbert/sst2",
				ResiliencePolicy.defaults().withRetry(RetrySettings.disabled()));
	}

	@Test
	void successfulCallIsObservedWithModelTaskAndServingProvider() {
		this.mock.server().enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-sha", "714eb0fa89d2f80546fda750413ed43d93601a13")
			.addHeader("x-request-id", "req-42")
			.body("[[{\"label\":\"POSITIVE\",\"score\":0.99}]]")
			.build());
		this.mock.client().blocking().call(TextClassification.TASK, this.model, "I like you", null);
		assertThat(this.registry).hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("text-classification distilbert/sst2")
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "text-classification")
			.hasLowCardinalityKeyValue("hf.task", "text-classification")
			.hasLowCardinalityKeyValue("gen_ai.provider.name", "hf-inference")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "distilbert/sst2")
			.hasLowCardinalityKeyValue("hf.model", "sentiment")
			.hasLowCardinalityKeyValue("hf.provider", "hf-inference")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("hf.request.id", "req-42")
			.hasHighCardinalityKeyValue("hf.revision", "714eb0fa89d2f80546fda750413ed43d93601a13")
			.hasBeenStopped();
	}

	@Test
	void configurationErrorIsAClientError() {
		HfInferenceClient tokenless = HfInferenceClient.builder()
			.noTokenLookup()
			.baseUrl(this.mock.server().url("/").uri())
			.observationRegistry(this.registry)
			.build();
		assertThatExceptionOfType(io.github.hfinference.core.error.HfMissingTokenException.class)
			.isThrownBy(() -> tokenless.blocking().call(TextClassification.TASK, this.model, "x", null));
		assertThat(this.registry).hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("error.type", "HfMissingTokenException");
	}

	@Test
	void failedCallIsObservedWithOutcomeAndErrorType() {
		this.mock.server().enqueue(new MockResponse.Builder().code(429).body("{\"error\":\"slow down\"}").build());
		assertThatExceptionOfType(HfRateLimitException.class)
			.isThrownBy(() -> this.mock.client().blocking().call(TextClassification.TASK, this.model, "x", null));
		assertThat(this.registry).hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("outcome", "RATE_LIMITED")
			.hasLowCardinalityKeyValue("error.type", "HfRateLimitException")
			.hasError()
			.hasBeenStopped();
	}

}
