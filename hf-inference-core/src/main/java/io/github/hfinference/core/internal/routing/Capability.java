package io.github.hfinference.core.internal.routing;

import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.catalog.ModelCatalog;
import io.github.hfinference.core.task.Task.RequestPayload;

/**
 * What a chat or Responses call needs from the provider serving it, as the router's
 * catalogue reports it ({@code supports_tools}, {@code supports_structured_output}). A call
 * needs a capability when its body asks for it: non-empty {@code tools}, or a JSON-schema
 * {@code response_format} (chat) or {@code text.format} (Responses API).
 */
public enum Capability {

	/** Tool calling ({@code tools}). */
	TOOLS("tools"),

	/** Output following a JSON schema. */
	STRUCTURED_OUTPUT("structured output");

	private final String description;

	Capability(String description) {
		this.description = description;
	}

	/** A short description for messages. */
	public String description() {
		return this.description;
	}

	/**
	 * Whether a catalogue entry supports this capability.
	 * @param entry the provider's catalogue entry
	 * @return true, false, or null when the catalogue does not say
	 */
	public @Nullable Boolean supportedBy(ModelCatalog.ProviderEntry entry) {
		return (this == TOOLS) ? entry.supportsTools() : entry.supportsStructuredOutput();
	}

	/**
	 * The capabilities an encoded chat or Responses request needs.
	 * @param payload the encoded request
	 * @return the capabilities, empty for a plain request
	 */
	public static Set<Capability> requiredBy(RequestPayload payload) {
		if (!(payload instanceof RequestPayload.Json json)) {
			return Set.of();
		}
		JsonNode body = json.body();
		Set<Capability> required = EnumSet.noneOf(Capability.class);
		if (body.path("tools").isArray() && !body.path("tools").isEmpty()) {
			required.add(TOOLS);
		}
		if ("json_schema".equals(body.path("response_format").path("type").asString(""))
				|| "json_schema".equals(body.path("text").path("format").path("type").asString(""))) {
			required.add(STRUCTURED_OUTPUT);
		}
		return required;
	}

}
