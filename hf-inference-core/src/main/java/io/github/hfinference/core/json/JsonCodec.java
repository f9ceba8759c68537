package io.github.hfinference.core.json;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.error.HfResponseException;

/**
 * The one JSON mapper used for request and response bodies: snake_case names (as in the
 * Hugging Face task specifications), {@code null} values omitted, unknown response fields
 * ignored, single values accepted where a list is expected; the components of the task
 * result records that are not {@code @Nullable} are required and may not be {@code null}.
 */
public final class JsonCodec {

	private static final JsonCodec DEFAULT = new JsonCodec(JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.annotationIntrospector(new RequiredComponents())
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL)
			.withContentInclusion(JsonInclude.Include.NON_NULL))
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		.enable(tools.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
		.build());

	private final JsonMapper mapper;

	/** List types by element class, built once (a response decoder asks for one on every call). */
	private final ClassValue<JavaType> listTypes = new ClassValue<>() {
		@Override
		protected JavaType computeValue(Class<?> elementType) {
			return JsonCodec.this.mapper.getTypeFactory().constructCollectionType(List.class, elementType);
		}
	};

	/** Types by class. */
	private final ClassValue<JavaType> types = new ClassValue<>() {
		@Override
		protected JavaType computeValue(Class<?> type) {
			return JsonCodec.this.mapper.constructType(type);
		}
	};

	/** {@code List<List<E>>} types by element class. */
	private final ClassValue<JavaType> nestedListTypes = new ClassValue<>() {
		@Override
		protected JavaType computeValue(Class<?> elementType) {
			return JsonCodec.this.mapper.getTypeFactory()
				.constructCollectionType(List.class, JsonCodec.this.listTypes.get(elementType));
		}
	};

	/** Readers by target type, built once per type instead of once per response. */
	private final ConcurrentMap<JavaType, ObjectReader> readers = new ConcurrentHashMap<>();

	/** Readers by target class: no map lookup keyed by a type on every read (stream events, responses). */
	private final ClassValue<ObjectReader> classReaders = new ClassValue<>() {
		@Override
		protected ObjectReader computeValue(Class<?> type) {
			return reader(JsonCodec.this.types.get(type));
		}
	};

	private JsonCodec(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/** The shared codec. */
	public static JsonCodec get() {
		return DEFAULT;
	}

	/** The underlying mapper. */
	public JsonMapper mapper() {
		return this.mapper;
	}

	/** A new empty JSON object. */
	public ObjectNode object() {
		return this.mapper.createObjectNode();
	}

	/**
	 * Converts a value (record, map, list, string) to a JSON tree.
	 * @param value the value
	 * @return its tree
	 */
	public JsonNode tree(@Nullable Object value) {
		return this.mapper.valueToTree(value);
	}

	/**
	 * Serialises a JSON tree to bytes.
	 * @param node the tree
	 * @return UTF-8 bytes
	 */
	public byte[] write(JsonNode node) {
		return this.mapper.writeValueAsBytes(node);
	}

	/**
	 * Writes {@code {"<name>":"<value>"}} straight to bytes, escaped as Jackson escapes
	 * strings: the same bytes {@link #write(JsonNode)} gives for that object, without
	 * building a generator (the most common request body: one text input).
	 * @param name the field name
	 * @param value the string value
	 * @return the UTF-8 bytes, or null if the value cannot be written this way (an unpaired
	 * surrogate)
	 */
	public byte @Nullable [] writeStringField(String name, String value) {
		byte[] quotedName;
		byte[] quotedValue;
		try {
			quotedName = JsonStringEncoder.getInstance().quoteAsUTF8(name);
			quotedValue = JsonStringEncoder.getInstance().quoteAsUTF8(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		byte[] bytes = new byte[quotedName.length + quotedValue.length + 7];
		int at = 0;
		bytes[at++] = '{';
		bytes[at++] = '"';
		System.arraycopy(quotedName, 0, bytes, at, quotedName.length);
		at += quotedName.length;
		bytes[at++] = '"';
		bytes[at++] = ':';
		bytes[at++] = '"';
		System.arraycopy(quotedValue, 0, bytes, at, quotedValue.length);
		at += quotedValue.length;
		bytes[at++] = '"';
		bytes[at] = '}';
		return bytes;
	}

	/**
	 * Parses bytes into a tree.
	 * @param body JSON bytes
	 * @return the tree
	 * @throws HfResponseException if the body is not JSON
	 */
	public JsonNode parse(byte[] body) {
		try {
			return this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new HfResponseException("Response body is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * The type {@code List<elementType>}, built once per element type.
	 * @param elementType the element class
	 * @return the list type
	 */
	public JavaType listOf(Class<?> elementType) {
		return this.listTypes.get(elementType);
	}

	/**
	 * The Jackson type of a class, built once per class.
	 * @param type the class
	 * @return its type
	 */
	public JavaType typeOf(Class<?> type) {
		return this.types.get(type);
	}

	/**
	 * The type {@code List<List<elementType>>}, built once per element type.
	 * @param elementType the element class
	 * @return the type
	 */
	public JavaType listOfListsOf(Class<?> elementType) {
		return this.nestedListTypes.get(elementType);
	}

	/**
	 * Reads bytes straight into a value of the given type, without building a tree first:
	 * the fast path of decoders whose answer has the expected shape. A body that cannot be
	 * read as that type gives null (the caller then reads it the tolerant way, which also
	 * reports what was wrong).
	 * @param <T> the type
	 * @param body JSON bytes
	 * @param type the target type
	 * @return the value, or null if the body is not JSON of that type (or is {@code null})
	 */
	public <T> @Nullable T readOrNull(byte[] body, JavaType type) {
		return readOrNull(body, reader(type));
	}

	/**
	 * Reads bytes straight into a value of the given class; see
	 * {@link #readOrNull(byte[], JavaType)}.
	 * @param <T> the type
	 * @param body JSON bytes
	 * @param type the target class
	 * @return the value, or null if the body is not JSON of that type (or is {@code null})
	 */
	public <T> @Nullable T readOrNull(byte[] body, Class<T> type) {
		return readOrNull(body, this.classReaders.get(type));
	}

	private static <T> @Nullable T readOrNull(byte[] body, ObjectReader reader) {
		try {
			return reader.readValue(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Converts a tree to a value of the given type.
	 * @param <T> the type
	 * @param node the tree
	 * @param type the target class
	 * @return the value
	 */
	public <T> T convert(JsonNode node, Class<T> type) {
		return convert(node, this.types.get(type));
	}

	/**
	 * Converts a tree to a list of values of the given element type.
	 * @param <T> the element type
	 * @param node a JSON array (a single object is read as a one-element list)
	 * @param elementType the element class
	 * @return the list
	 */
	public <T> List<T> convertList(JsonNode node, Class<T> elementType) {
		return convert(node, this.listTypes.get(elementType));
	}

	private ObjectReader reader(JavaType type) {
		ObjectReader reader = this.readers.get(type);
		return (reader != null) ? reader : this.readers.computeIfAbsent(type, this.mapper::readerFor);
	}

	/**
	 * Converts a tree to a value of the given type.
	 * @param <T> the type
	 * @param node the tree
	 * @param type the target type
	 * @return the value
	 * @throws HfResponseException if the tree does not have the type's shape, or is null
	 */
	public <T> T convert(JsonNode node, JavaType type) {
		try {
			T value = reader(type).readValue(node);
			if (value == null) {
				String body = node.isMissingNode() ? "empty" : "null";
				throw new HfResponseException(
						"Cannot read the response as " + type.toCanonical() + ": the body is " + body, null);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new HfResponseException(
					"Cannot read the response as " + type.toCanonical() + ": " + ex.getOriginalMessage(), ex);
		}
	}

}
