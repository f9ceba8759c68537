package io.github.hfinference.core.chat;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfStructuredOutputException;
import io.github.hfinference.core.task.chat.ChatMessage;

/**
 * A typed chat answer: the JSON schema generated from a record or POJO, the
 * {@code response_format} that asks for it, and the reading of the answer into the type.
 * Built once per type (it is immutable and thread-safe).
 *
 * <pre class="code">
 * StructuredOutput&lt;Invoice&gt; invoice = StructuredOutput.of(Invoice.class);
 * invoice.responseFormat(); // {"type":"json_schema","json_schema":{"name":"Invoice","schema":{...},"strict":true}}
 * </pre>
 *
 * @param <T> the answer type
 */
public final class StructuredOutput<T> {

	private final Type type;

	private final String name;

	private final ObjectNode schema;

	private StructuredOutput(Type type) {
		this.type = type;
		this.schema = JsonSchemas.objectSchema(type);
		String simple = ResolvableType.forType(type).toClass().getSimpleName().replaceAll("[^A-Za-z0-9_-]", "_");
		this.name = simple.isEmpty() ? "answer" : simple.substring(0, Math.min(64, simple.length()));
	}

	/**
	 * The structured output of a record or POJO.
	 * @param <T> the type
	 * @param type the class
	 * @return the structured output
	 * @throws HfConfigurationException naming the type if no object schema can be generated
	 * from it
	 */
	public static <T> StructuredOutput<T> of(Class<T> type) {
		return new StructuredOutput<>(Objects.requireNonNull(type, "type"));
	}

	/**
	 * The structured output of a generic type.
	 * @param type the type
	 * @return the structured output
	 * @throws HfConfigurationException naming the type if no object schema can be generated
	 * from it
	 */
	public static StructuredOutput<Object> ofType(Type type) {
		return new StructuredOutput<>(Objects.requireNonNull(type, "type"));
	}

	/** The answer type. */
	public Type type() {
		return this.type;
	}

	/** The schema's name, the type's simple name. */
	public String name() {
		return this.name;
	}

	/** The JSON schema (a copy). */
	public ObjectNode schema() {
		return this.schema.deepCopy();
	}

	/**
	 * {@code {"type":"json_schema","json_schema":{"name":..,"schema":..,"strict":true}}}.
	 * @return the response format
	 */
	public Map<String, Object> responseFormat() {
		Map<String, Object> jsonSchema = new LinkedHashMap<>();
		jsonSchema.put("name", this.name);
		jsonSchema.put("schema", this.schema);
		jsonSchema.put("strict", true);
		Map<String, Object> format = new LinkedHashMap<>();
		format.put("type", "json_schema");
		format.put("json_schema", jsonSchema);
		return format;
	}

	/**
	 * {@code {"type":"json_object"}}, the fallback for providers without
	 * {@code json_schema}; goes with {@link #schemaInstructions()}.
	 * @return the response format
	 */
	public Map<String, Object> jsonObjectFormat() {
		return Map.of("type", "json_object");
	}

	/**
	 * The system message that carries the schema when {@code json_object} is used.
	 * @return the message
	 */
	public ChatMessage schemaInstructions() {
		return ChatMessage.system("Answer with one JSON object and nothing else. It must validate against this "
				+ "JSON schema: " + this.schema);
	}

	/**
	 * Reads an answer into the type. A Markdown code fence around the JSON is tolerated.
	 * @param text the answer's text
	 * @param model the model that answered, for the error
	 * @return the value
	 * @throws HfStructuredOutputException if the text is missing, not JSON or does not bind
	 */
	@SuppressWarnings("unchecked")
	public T parse(@Nullable String text, String model) {
		if (text == null || text.isBlank()) {
			throw new HfStructuredOutputException(text, model, JsonSchemas.name(this.type),
					new IllegalStateException("the answer has no text"));
		}
		try {
			Object value = JsonSchemas.read(unfenced(text), this.type);
			if (value == null) {
				throw new HfStructuredOutputException(text, model, JsonSchemas.name(this.type),
						new IllegalStateException("the answer is JSON null"));
			}
			return (T) value;
		}
		catch (JacksonException ex) {
			throw new HfStructuredOutputException(text, model, JsonSchemas.name(this.type), ex);
		}
	}

	private static String unfenced(String text) {
		String trimmed = text.strip();
		if (trimmed.startsWith("```")) {
			int start = trimmed.indexOf('\n');
			int end = trimmed.lastIndexOf("```");
			if (start > 0 && end > start) {
				return trimmed.substring(start + 1, end);
			}
		}
		return trimmed;
	}

	@Override
	public String toString() {
		return "StructuredOutput[" + JsonSchemas.name(this.type) + "]";
	}

}
