package io.github.hfinference.springai.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.declarative.ConfiguredModel;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.springai.HfChatModel;
import io.github.hfinference.springai.HfEmbeddingModel;

/**
 * Builds the Spring AI models of configured aliases, for the default beans and the
 * per-alias ones, checking the alias and its task first.
 */
final class HfSpringAiModelFactory {

	private final HfInferenceClient client;

	private final HfModelRegistry registry;

	private final ToolCallingManager toolCallingManager;

	private final ObjectProvider<ObservationRegistry> observationRegistry;

	private final ObjectProvider<ChatModelObservationConvention> chatConvention;

	private final ObjectProvider<EmbeddingModelObservationConvention> embeddingConvention;

	HfSpringAiModelFactory(HfInferenceClient client, HfModelRegistry registry, ToolCallingManager toolCallingManager,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> chatConvention,
			ObjectProvider<EmbeddingModelObservationConvention> embeddingConvention) {
		this.client = client;
		this.registry = registry;
		this.toolCallingManager = toolCallingManager;
		this.observationRegistry = observationRegistry;
		this.chatConvention = chatConvention;
		this.embeddingConvention = embeddingConvention;
	}

	HfChatModel chatModel(@Nullable String alias, String property) {
		ConfiguredModel model = configured(alias, property, ChatCompletion.TASK);
		HfChatModel chatModel = HfChatModel.builder()
			.client(this.client)
			.model(model.definition())
			.toolCallingManager(this.toolCallingManager)
			.observationRegistry(this.observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.build();
		this.chatConvention.ifAvailable(chatModel::setObservationConvention);
		return chatModel;
	}

	HfEmbeddingModel embeddingModel(@Nullable String alias, String property) {
		ConfiguredModel model = configured(alias, property, FeatureExtraction.TASK);
		HfEmbeddingModel embeddingModel = new HfEmbeddingModel(this.client, model.definition(), null,
				this.observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		this.embeddingConvention.ifAvailable(embeddingModel::setObservationConvention);
		return embeddingModel;
	}

	private ConfiguredModel configured(@Nullable String alias, String property, Task<?, ?, ?> task) {
		if (alias == null || alias.isBlank()) {
			throw new HfConfigurationException(property + " is not set: name the alias of a " + task.id()
					+ " model configured under " + this.registry.source() + " (configured: "
					+ String.join(", ", this.registry.aliases()) + ")");
		}
		ConfiguredModel model = this.registry.resolve(alias)
			.orElseThrow(() -> new HfConfigurationException(property + " names model '" + alias
					+ "', which is not configured under " + this.registry.source() + " (configured: "
					+ String.join(", ", this.registry.aliases()) + ")"));
		if (model.task() != null && !model.task().id().equals(task.id())) {
			throw new HfConfigurationException(property + " names model '" + alias + "', configured with task '"
					+ model.task().id() + "' (" + this.registry.source() + "." + alias + ".task); it needs a "
					+ task.id() + " model");
		}
		return model;
	}

}
