package io.github.hfinference.core.observation;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Call listeners hear about every call's outcome, with no observation registry at all,
 * and a failing listener does not break the call.
 */
class InferenceCallListenerTests {

	private final MockWebServer server = new MockWebServer();

	private final List<String> events = new CopyOnWriteArrayList<>();

	private HfInferenceClient client;

	private ModelDefinition model;

	@BeforeEach
	void start() throws IOException {
		this.server.start();
		URI url = this.server.url("/").uri();
		this.client = HfInferenceClient.builder()
			.token("hf_test")
			.noTokenLookup()
			.baseUrl(url)
			.hubUrl(url)
			.callListener(new InferenceCallListener() {

				@Override
				public void onSuccess(String modelAlias, String task, ResponseMetadata metadata) {
					InferenceCallListenerTests.this.events.add("success " + modelAlias + " " + task + " "
							+ metadata.target() + " " + metadata.servedRevision());
				}

				@Override
				public void onFailure(String modelAlias, String task, Throwable failure) {
					InferenceCallListenerTests.this.events
						.add("failure " + modelAlias + " " + task + " " + failure.getClass().getSimpleName());
				}

			})
			.callListener(new InferenceCallListener() {

				@Override
				public void onSuccess(String modelAlias, String task, ResponseMetadata metadata) {
					throw new IllegalStateException("a broken listener");
				}

			})
			.build();
		this.model = ModelDefinition.builder("sentiment")
			.id("distilbert/sst2")
			.target(new InferenceTarget.Router("hf-inference"))
			.policy(ResiliencePolicy.defaults()
				.withRetry(RetrySettings.disabled())
				.withCircuitBreaker(CircuitBreakerSettings.disabled()))
			.build();
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void successAndFailureAreHeardWithoutAnObservationRegistry() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-sha", "714eb0f")
			.body("[[{\"label\":\"POSITIVE\",\"score\":0.99}]]")
			.build());
		this.server.enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build());
		assertThat(this.client.blocking().call(TextClassification.TASK, this.model, "I like you", null)).hasSize(1);
		assertThatExceptionOfType(HfServerException.class)
			.isThrownBy(() -> this.client.blocking().call(TextClassification.TASK, this.model, "again", null));
		assertThat(this.events).containsExactly("success sentiment text-classification hf-inference 714eb0f",
				"failure sentiment text-classification HfServerException");
	}

}
