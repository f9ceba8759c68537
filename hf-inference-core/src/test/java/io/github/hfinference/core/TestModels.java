package io.github.hfinference.core;

import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;

/**
 * Model definitions tests share.
 */
public final class TestModels {

	/** One attempt, no circuit breaker: what a test checking one exchange wants. */
	public static final ResiliencePolicy SINGLE_ATTEMPT = ResiliencePolicy.defaults()
		.withRetry(RetrySettings.disabled())
		.withCircuitBreaker(CircuitBreakerSettings.disabled());

	private TestModels() {
	}

	/**
	 * A model served through the router by hf-inference, with the default policy.
	 * @param alias the alias
	 * @param id the Hub model id
	 * @return the definition
	 */
	public static ModelDefinition onHfInference(String alias, String id) {
		return onHfInference(alias, id, ResiliencePolicy.defaults());
	}

	/**
	 * A model served through the router by hf-inference, with a policy.
	 * @param alias the alias
	 * @param id the Hub model id
	 * @param policy the resilience policy
	 * @return the definition
	 */
	public static ModelDefinition onHfInference(String alias, String id, ResiliencePolicy policy) {
		return ModelDefinition.builder(alias)
			.id(id)
			.target(new InferenceTarget.Router("hf-inference"))
			.policy(policy)
			.build();
	}

}
