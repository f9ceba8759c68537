package io.github.hfinference.boot;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.declarative.ConfiguredModel;
import io.github.hfinference.core.declarative.ModelResolver;

/**
 * The models configured under {@code hf.inference.models}, by alias, validated at
 * startup. {@code @HfModel("alias")} interfaces are resolved against it.
 */
public final class HfModelRegistry implements ModelResolver {

	private final Map<String, ConfiguredModel> models;

	/**
	 * Creates a registry.
	 * @param models the models by alias, in configuration order
	 */
	public HfModelRegistry(Map<String, ConfiguredModel> models) {
		this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
	}

	@Override
	public Optional<ConfiguredModel> resolve(String alias) {
		return Optional.ofNullable(this.models.get(alias));
	}

	/**
	 * The definition of a model.
	 * @param alias the alias
	 * @return the definition
	 * @throws IllegalArgumentException if no model has that alias
	 */
	public ModelDefinition definition(String alias) {
		return resolve(alias).map(ConfiguredModel::definition)
			.orElseThrow(() -> new IllegalArgumentException("No model '" + alias + "' is configured under "
					+ source() + " (configured models: " + String.join(", ", aliases()) + ")"));
	}

	/** The configured models by alias, in configuration order. */
	public Map<String, ConfiguredModel> models() {
		return this.models;
	}

	@Override
	public Set<String> aliases() {
		return this.models.keySet();
	}

	@Override
	public String source() {
		return "hf.inference.models";
	}

}
