package io.github.hfinference.core.declarative;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.Task;

/**
 * A model as configured for {@link HfModel @HfModel} interfaces: its definition and,
 * optionally, the task its methods run when they do not name one.
 *
 * @param definition the model definition (id, revision, targets, policy)
 * @param task the configured task, or null to name or infer it per method
 */
public record ConfiguredModel(ModelDefinition definition, @Nullable Task<?, ?, ?> task) {

	public ConfiguredModel {
		Objects.requireNonNull(definition, "definition");
	}

	/**
	 * A model without a configured task.
	 * @param definition the model definition
	 * @return the configured model
	 */
	public static ConfiguredModel of(ModelDefinition definition) {
		return new ConfiguredModel(definition, null);
	}

}
