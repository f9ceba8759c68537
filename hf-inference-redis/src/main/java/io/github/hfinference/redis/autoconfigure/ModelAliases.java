package io.github.hfinference.redis.autoconfigure;

import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.core.error.HfConfigurationException;

/** The model aliases a property may name: those of {@code hf.inference.models}. */
final class ModelAliases {

	private final Set<String> aliases;

	ModelAliases(@Nullable HfModelRegistry registry) {
		this.aliases = new TreeSet<>((registry != null) ? registry.aliases() : Set.of());
	}

	/**
	 * Fails start-up unless a property names a configured model.
	 * @param property the property's name, ending with the alias
	 * @param alias the alias it names
	 */
	void requireKnown(String property, String alias) {
		if (!this.aliases.contains(alias)) {
			throw new HfConfigurationException("Property " + property + " names an unknown model '" + alias
					+ "': expected one of hf.inference.models (" + String.join(", ", this.aliases) + ")");
		}
	}

}
