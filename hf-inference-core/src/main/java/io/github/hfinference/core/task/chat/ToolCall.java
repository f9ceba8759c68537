package io.github.hfinference.core.task.chat;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * A tool call requested by the model.
 *
 * @param id the call id, echoed in the tool's answer
 * @param type always {@code function}
 * @param function the function and its arguments
 */
public record ToolCall(@Nullable String id, @Nullable String type, Function function) {

	/**
	 * The function a tool call invokes.
	 *
	 * @param name the function name
	 * @param arguments the arguments as a JSON string; TGI sends a JSON object, which is
	 * read as its JSON text so both look the same
	 */
	public record Function(String name, @JsonDeserialize(using = JsonTextDeserializer.class) @Nullable String arguments) {

	}

	/**
	 * Reads a JSON string as itself and any other JSON value as its JSON text.
	 */
	static final class JsonTextDeserializer extends StdDeserializer<String> {

		JsonTextDeserializer() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			JsonNode node = context.readTree(parser);
			return node.isString() ? node.stringValue() : node.toString();
		}

	}

}
