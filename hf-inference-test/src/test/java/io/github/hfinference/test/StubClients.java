package io.github.hfinference.test;

import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;

/** Real clients pointed at a stub, as an application would configure them. */
final class StubClients {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private StubClients() {
	}

	static HfInferenceClient client(HfInferenceStub stub) {
		return builder(stub).build();
	}

	static HfInferenceClient client(HfInferenceStub stub, ObservationRegistry observations) {
		return builder(stub).observationRegistry(observations).build();
	}

	static HfInferenceClient.Builder builder(HfInferenceStub stub) {
		return HfInferenceClient.builder().baseUrl(stub.baseUrl()).hubUrl(stub.hubUrl()).token("hf_test");
	}

	/** A model on hf-inference that is not retried, so each call meets one scripted step. */
	static ModelDefinition once(String alias, String id) {
		return ModelDefinition.builder(alias)
			.id(id)
			.target(new InferenceTarget.Router("hf-inference"))
			.policy(ResiliencePolicy.defaults().withRetry(RetrySettings.disabled()))
			.build();
	}

}
