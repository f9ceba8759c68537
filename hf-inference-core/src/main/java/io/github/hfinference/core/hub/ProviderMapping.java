package io.github.hfinference.core.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.internal.routing.Providers;

/**
 * Which providers serve a model, in the Hub's order, with their provider-side ids
 * ({@code GET {hub}/api/models/{id}?expand[]=inferenceProviderMapping}).
 *
 * @param modelId the model id
 * @param entries one entry per provider, in the Hub's order
 */
public record ProviderMapping(String modelId, List<Entry> entries) {

	/**
	 * The entry of a provider.
	 * @param provider the provider name
	 * @return its entry, if the provider serves the model
	 */
	public Optional<Entry> forProvider(String provider) {
		return this.entries.stream().filter((entry) -> entry.provider().equals(provider)).findFirst();
	}

	/**
	 * Reads the mapping from a Hub model-info response; accepts the object form
	 * ({@code {provider: {...}}}) and the list form ({@code [{provider, ...}]}).
	 * @param modelId the model id
	 * @param modelInfo the parsed response
	 * @return the mapping
	 */
	public static ProviderMapping parse(String modelId, JsonNode modelInfo) {
		JsonNode mapping = modelInfo.path("inferenceProviderMapping");
		List<Entry> entries = new ArrayList<>();
		if (mapping.isObject()) {
			for (Map.Entry<String, JsonNode> field : mapping.properties()) {
				entries.add(entry(field.getKey(), field.getValue(), modelId));
			}
		}
		else if (mapping.isArray()) {
			for (JsonNode element : mapping) {
				entries.add(entry(element.path("provider").asString(""), element, modelId));
			}
		}
		return new ProviderMapping(modelId, List.copyOf(entries));
	}

	private static Entry entry(String provider, JsonNode node, String modelId) {
		return new Entry(provider, node.path("providerId").asString(modelId), node.path("task").asString(""),
				node.path("status").asString("live"), node.path("adapterWeightsPath").asString(null));
	}

	/**
	 * One provider serving the model.
	 *
	 * @param provider the provider name
	 * @param providerId the model id on the provider's side
	 * @param task the task the provider serves it for ({@code conversational} for chat)
	 * @param status {@code live}, {@code staging} or {@code error}
	 * @param adapterWeightsPath LoRA weights path, if any
	 */
	public record Entry(String provider, String providerId, String task, String status,
			@Nullable String adapterWeightsPath) {

		/**
		 * Whether this entry serves the given task (chat is {@code conversational} on the Hub;
		 * feature-extraction and sentence-similarity are interchangeable on hf-inference).
		 * @param taskId the task id
		 * @return true if compatible
		 */
		public boolean serves(String taskId) {
			if (this.task.equals(taskId)) {
				return true;
			}
			if ("chat-completion".equals(taskId)) {
				return "conversational".equals(this.task);
			}
			return Providers.HF_INFERENCE.equals(this.provider)
					&& java.util.Set.of("feature-extraction", "sentence-similarity").containsAll(List.of(taskId, this.task));
		}

	}

}
