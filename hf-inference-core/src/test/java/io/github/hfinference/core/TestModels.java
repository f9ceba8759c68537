package io.github.hfinference.core;

import io.github.hfinference.core.routing.InferenceTarget;
import io.github.hfinference.core.routing.ModelDefinition;

/**
 * Model definitions tests share.
 */
public final class TestModels {

	private TestModels() {
	}

	/**
	 * A model served through the router by hf-inference, with the default policy.
	 * @param alias the alias
	 * @param id the Hub model id
	 * @return the definition
	 */
	public static ModelDefinition onHfInference(String alias, String id) {
		return ModelDefinition.builder(alias).id(id).target(new InferenceTarget.Router("hf-inference")).build();
	}

}
