package io.github.hfinference.core.task.chat;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A tool the model may call.
 *
 * @param type always {@code function}
 * @param function the function's name, description and JSON-schema parameters
 */
public record Tool(String type, FunctionDefinition function) {

	/**
	 * A function tool.
	 * @param name the function name
	 * @param description what it does
	 * @param parameters its JSON schema
	 * @return the tool
	 */
	public static Tool function(String name, @Nullable String description, Map<String, Object> parameters) {
		return new Tool("function", new FunctionDefinition(name, description, parameters));
	}

	/**
	 * A callable function.
	 *
	 * @param name the name
	 * @param description what it does
	 * @param parameters JSON schema of its arguments
	 */
	public record FunctionDefinition(String name, @Nullable String description, Map<String, Object> parameters) {

	}

}
