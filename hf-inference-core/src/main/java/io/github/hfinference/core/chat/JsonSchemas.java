package io.github.hfinference.core.chat;

import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.stream.BaseStream;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.error.HfConfigurationException;

/**
 * The one place JSON schemas are generated (victools {@code jsonschema-generator} with its
 * Jackson and, when on the class path, Jakarta-validation modules) and typed values are
 * read from and written to a model's JSON. Names are the Java names (or
 * {@code @JsonProperty}), not the snake_case of the wire format.
 * <p>
 * Schemas follow OpenAI's strict mode: every property is {@code required},
 * {@code additionalProperties} is false, and a property may be {@code null} unless it is a
 * primitive or annotated {@code @NotNull}; {@code Optional<X>} is a nullable {@code X}.
 */
final class JsonSchemas {

	/** Reads model answers and tool arguments; writes tool results. */
	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final SchemaGenerator GENERATOR = generator();

	private JsonSchemas() {
	}

	private static SchemaGenerator generator() {
		SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(MAPPER, SchemaVersion.DRAFT_2020_12,
				OptionPreset.PLAIN_JSON)
			.without(Option.SCHEMA_VERSION_INDICATOR)
			.with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.NULLABLE_FIELDS_BY_DEFAULT)
			.with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_ORDER,
					JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY));
		if (ClassUtils.isPresent("jakarta.validation.constraints.NotNull", JsonSchemas.class.getClassLoader())) {
			config.with(new JakartaValidationModule());
		}
		config.forFields().withRequiredCheck((field) -> true);
		config.forFields()
			.withNullableCheck((field) -> field.getType() != null && field.getType().isPrimitive() ? false : null);
		return new SchemaGenerator(config.build());
	}

	/**
	 * The schema of a type whose values are JSON objects (a record or POJO).
	 * @param type the type
	 * @return the schema
	 * @throws HfConfigurationException naming the type if it is not an object with
	 * properties
	 */
	static ObjectNode objectSchema(Type type) {
		String problem = unbindable(type);
		if (problem != null) {
			throw new HfConfigurationException(problem);
		}
		Class<?> raw = ResolvableType.forType(type).toClass();
		if (raw.isPrimitive() || raw.isEnum() || raw.isArray() || ClassUtils.isSimpleValueType(raw)
				|| Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
				|| raw == Optional.class) {
			throw new HfConfigurationException(name(type) + " is not an object with properties; a typed answer is "
					+ "a record or POJO (wrap a list or a value in one)");
		}
		ObjectNode schema = GENERATOR.generateSchema(type);
		JsonNode properties = schema.get("properties");
		if (!"object".equals(schema.path("type").asString("")) || properties == null || properties.isEmpty()) {
			throw new HfConfigurationException(name(type) + " has no properties to generate a JSON schema from; "
					+ "a typed answer is a record or POJO with fields");
		}
		return schema;
	}

	/**
	 * The schema of one value (a tool parameter).
	 * @param type the type
	 * @return the schema
	 */
	static ObjectNode valueSchema(Type type) {
		return GENERATOR.generateSchema(type);
	}

	/**
	 * Why values of a type cannot be read from JSON, or null if they can.
	 * @param type the type
	 * @return the problem or null
	 */
	static @Nullable String unbindable(Type type) {
		ResolvableType resolved = ResolvableType.forType(type);
		Class<?> raw = resolved.toClass();
		if (raw == Object.class || raw == void.class || raw == Void.class) {
			return name(type) + " says nothing about its JSON shape";
		}
		if (Publisher.class.isAssignableFrom(raw) || Future.class.isAssignableFrom(raw)
				|| BaseStream.class.isAssignableFrom(raw) || java.io.InputStream.class.isAssignableFrom(raw)
				|| java.io.Reader.class.isAssignableFrom(raw) || raw == Class.class || raw == Thread.class
				|| java.util.function.Function.class.isAssignableFrom(raw)) {
			return name(type) + " cannot be read from JSON";
		}
		if (resolved.hasUnresolvableGenerics()) {
			return name(type) + " has unresolved type arguments";
		}
		boolean container = Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
				|| raw == Optional.class;
		if (container) {
			for (ResolvableType generic : resolved.getGenerics()) {
				String problem = unbindable(generic.getType());
				if (problem != null) {
					return problem;
				}
			}
			return null;
		}
		if ((raw.isInterface() || java.lang.reflect.Modifier.isAbstract(raw.getModifiers())) && !raw.isPrimitive()
				&& !raw.isArray() && !ClassUtils.isSimpleValueType(raw)) {
			return name(type) + " is abstract; JSON binds to a concrete class or record";
		}
		return null;
	}

	/**
	 * Reads JSON text into a type.
	 * @param json the text
	 * @param type the type
	 * @return the value
	 * @throws tools.jackson.core.JacksonException if it is not JSON of that type
	 */
	static Object read(String json, Type type) {
		return MAPPER.readValue(json, MAPPER.constructType(type));
	}

	/**
	 * A value as the text a tool result carries: a string as is, anything else as JSON.
	 * @param value the value
	 * @return the text
	 */
	static String text(@Nullable Object value) {
		return (value instanceof CharSequence text) ? text.toString() : MAPPER.writeValueAsString(value);
	}

	/**
	 * A type's short name for messages ({@code Invoice}, {@code List<Item>}).
	 * @param type the type
	 * @return the name
	 */
	static String name(Type type) {
		return ResolvableType.forType(type).toString().replaceAll("[\\w$]+\\.", "");
	}

}
