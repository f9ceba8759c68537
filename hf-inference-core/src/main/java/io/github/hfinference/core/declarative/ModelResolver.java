package io.github.hfinference.core.declarative;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds the configured model an {@link HfModel @HfModel} interface refers to by alias.
 */
@FunctionalInterface
public interface ModelResolver {

	/**
	 * Looks a model up.
	 * @param alias the alias given in {@link HfModel#value()}
	 * @return the model, or empty if no model has that alias
	 */
	Optional<ConfiguredModel> resolve(String alias);

	/**
	 * The aliases this resolver knows, listed in error messages.
	 * @return the aliases (empty if they cannot be listed)
	 */
	default Set<String> aliases() {
		return Set.of();
	}

	/**
	 * Where models are configured, for error messages: a model "is not configured under"
	 * it (such as {@code hf.inference.models}).
	 * @return the place, or null if there is nothing useful to say
	 */
	default @Nullable String source() {
		return null;
	}

	/**
	 * A resolver over a fixed set of models.
	 * @param models the models by alias
	 * @return the resolver
	 */
	static ModelResolver of(Map<String, ConfiguredModel> models) {
		Map<String, ConfiguredModel> copy = new LinkedHashMap<>(models);
		return new ModelResolver() {

			@Override
			public Optional<ConfiguredModel> resolve(String alias) {
				return Optional.ofNullable(copy.get(alias));
			}

			@Override
			public Set<String> aliases() {
				return Collections.unmodifiableSet(copy.keySet());
			}

		};
	}

	/**
	 * A resolver that knows no model: only {@code @HfModel(id = ...)} interfaces work.
	 * @return the resolver
	 */
	static ModelResolver none() {
		return of(Map.of());
	}

}
