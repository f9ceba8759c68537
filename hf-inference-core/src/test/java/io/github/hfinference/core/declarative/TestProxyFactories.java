package io.github.hfinference.core.declarative;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.TestModels;
import io.github.hfinference.core.task.Task;

/**
 * The proxy factories the declarative tests build: over a test client, with models served by
 * hf-inference through the router, each under its own alias.
 */
final class TestProxyFactories {

	private TestProxyFactories() {
	}

	/**
	 * A model on hf-inference without a configured task.
	 * @param alias the alias
	 * @param id the Hub model id
	 * @return the configured model
	 */
	static ConfiguredModel model(String alias, String id) {
		return model(alias, id, null);
	}

	/**
	 * A model on hf-inference.
	 * @param alias the alias
	 * @param id the Hub model id
	 * @param task the configured task, or null
	 * @return the configured model
	 */
	static ConfiguredModel model(String alias, String id, @Nullable Task<?, ?, ?> task) {
		return new ConfiguredModel(TestModels.onHfInference(alias, id), task);
	}

	/**
	 * A factory builder whose resolver knows the models by their aliases.
	 * @param client the client
	 * @param models the models
	 * @return the builder
	 */
	static HfModelProxyFactory.Builder builder(HfInferenceClient client, ConfiguredModel... models) {
		Map<String, ConfiguredModel> byAlias = new LinkedHashMap<>();
		for (ConfiguredModel model : models) {
			byAlias.put(model.definition().alias(), model);
		}
		return HfModelProxyFactory.builder(client).modelResolver(ModelResolver.of(byAlias));
	}

}
