package io.github.hfinference.core;

import java.time.Duration;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.TextClassification;

/**
 * Shared pieces of the resilience tests: endpoints on mock servers, a model over them,
 * canned responses and one call.
 */
final class ResilienceFixtures {

	/** The model alias every test uses. */
	static final String MODEL = "sentiment";

	/** A token of an endpoint target, which must never appear in logs or messages. */
	static final String ENDPOINT_TOKEN = "hf_endpointSecretForTests";

	private ResilienceFixtures() {
	}

	/** An endpoint target on a mock server, with its own token. */
	static InferenceTarget.Endpoint endpoint(String name, MockWebServer server) {
		return new InferenceTarget.Endpoint(name, server.url("/" + name).uri(),
				HfToken.of(ENDPOINT_TOKEN, "test"), false);
	}

	/** A model over targets (weight 1 each) with a policy. */
	static ModelDefinition model(ResiliencePolicy policy, InferenceTarget... targets) {
		ModelDefinition.Builder builder = ModelDefinition.builder(MODEL).id("org/sentiment").policy(policy);
		for (InferenceTarget target : targets) {
			builder.target(target);
		}
		return builder.build();
	}

	/** Retry settings with a 100 ms initial back-off, doubling, no jitter, server waits up to 60 s. */
	static RetrySettings retries(int maxRetries) {
		return new RetrySettings(true, maxRetries, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5), 0.0,
				Duration.ofSeconds(60), null);
	}

	/** A policy with the given retry settings and defaults otherwise. */
	static ResiliencePolicy policy(RetrySettings retry) {
		return ResiliencePolicy.defaults().withRetry(retry);
	}

	/** A successful text-classification answer. */
	static MockResponse ok() {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("[[{\"label\":\"POSITIVE\",\"score\":0.9}]]")
			.build();
	}

	/** An error answer with a JSON body. */
	static MockResponse.Builder error(int status) {
		return new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req-" + status)
			.body("{\"error\":\"failure " + status + "\"}");
	}

	/** Calls the model once and waits for the result. */
	static InferenceResponse<List<ClassificationOutput>> call(HfInferenceClient client, ModelDefinition model) {
		return client.blocking().execute(InferenceRequest.of(TextClassification.TASK, model, "I like you"));
	}

}
