package io.github.hfinference.core.internal.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.BinaryOutput;
import io.github.hfinference.core.task.Task.ResponseDecoder;

/**
 * The response shapes shared by tasks, tolerant of the deviations recorded from real
 * servers (an extra outer list, a list where the spec says object, and the reverse).
 */
public final class Decoders {

	private static final UnaryOperator<JsonNode> AS_IS = (node) -> node;

	private static final UnaryOperator<JsonNode> UNWRAP_NESTED_LIST = (node) -> (node.isArray() && node.size() == 1
			&& node.get(0).isArray()) ? node.get(0) : node;

	private static final UnaryOperator<JsonNode> FIRST_IF_LIST = (node) -> (node.isArray() && !node.isEmpty())
			? node.get(0) : node;

	private Decoders() {
	}

	/**
	 * Reads the body as JSON of the given type.
	 * @param <R> the result type
	 * @param type the result class
	 * @return the decoder
	 */
	public static <R> ResponseDecoder<R> json(Class<R> type) {
		return json(type, AS_IS);
	}

	/**
	 * Reads the body as JSON of the given type after normalising its shape.
	 * @param <R> the result type
	 * @param type the result class
	 * @param shape normalises the JSON tree first
	 * @return the decoder
	 */
	public static <R> ResponseDecoder<R> json(Class<R> type, UnaryOperator<JsonNode> shape) {
		return (response, codec) -> {
			R direct = readDirect(response.body(), type, shape, codec);
			return (direct != null) ? direct : codec.convert(shape.apply(codec.parse(response.body())), type);
		};
	}

	/**
	 * Reads the body as a JSON list of the given element type.
	 * @param <E> the element type
	 * @param elementType the element class
	 * @return the decoder
	 */
	public static <E> ResponseDecoder<List<E>> list(Class<E> elementType) {
		return list(elementType, AS_IS);
	}

	/**
	 * Reads the body as a JSON list after normalising its shape.
	 * @param <E> the element type
	 * @param elementType the element class
	 * @param shape normalises the JSON tree first
	 * @return the decoder
	 */
	public static <E> ResponseDecoder<List<E>> list(Class<E> elementType, UnaryOperator<JsonNode> shape) {
		return (response, codec) -> {
			List<E> direct = readListDirect(response.body(), elementType, shape, codec);
			return withoutNulls((direct != null) ? direct
					: codec.convertList(shape.apply(codec.parse(response.body())), elementType), elementType);
		};
	}

	/**
	 * The fast path of {@link #json(Class, UnaryOperator)}: for the shapes this class
	 * defines, reads the bytes straight into the type when the answer has the usual form;
	 * null when the shape is another one or the answer needs the tolerant reading.
	 */
	private static <R> @Nullable R readDirect(byte[] body, Class<R> type, UnaryOperator<JsonNode> shape,
			JsonCodec codec) {
		if (shape == AS_IS) {
			return codec.readOrNull(body, type);
		}
		if (shape == FIRST_IF_LIST) {
			return switch (firstToken(body)) {
				case '{' -> codec.readOrNull(body, type);
				case '[' -> first(codec.<List<R>>readOrNull(body, codec.listOf(type)));
				default -> null;
			};
		}
		return null;
	}

	/**
	 * The fast path of {@link #list(Class, UnaryOperator)}: for the shapes this class
	 * defines, reads the bytes straight into the list when the answer has the usual form
	 * (a list of elements, or for {@link #unwrapNestedList()} a list holding one such
	 * list); null when the shape is another one or the answer needs the tolerant reading.
	 */
	private static <E> @Nullable List<E> readListDirect(byte[] body, Class<E> elementType,
			UnaryOperator<JsonNode> shape, JsonCodec codec) {
		if (shape == UNWRAP_NESTED_LIST && firstToken(body) == '[' && secondToken(body) == '[') {
			List<List<E>> nested = codec.readOrNull(body, codec.listOfListsOf(elementType));
			return (nested != null && nested.size() == 1) ? nested.get(0) : null;
		}
		if (shape == AS_IS || shape == UNWRAP_NESTED_LIST) {
			return codec.readOrNull(body, codec.listOf(elementType));
		}
		return null;
	}

	/** The list, checked to hold no {@code null} element (a {@code [null]} answer is no result). */
	private static <E> List<E> withoutNulls(List<E> list, Class<E> elementType) {
		for (E element : list) {
			if (element == null) {
				throw new HfResponseException("Expected a list of " + elementType.getSimpleName()
						+ ", got a list holding null", null);
			}
		}
		return list;
	}

	private static <T> @Nullable T first(@Nullable List<T> list) {
		return (list != null && !list.isEmpty()) ? list.get(0) : null;
	}

	/** The first non-blank byte of the body, or 0. */
	private static int firstToken(byte[] body) {
		int index = skipBlanks(body, 0);
		return (index < body.length) ? body[index] : 0;
	}

	/** The non-blank byte after the first one, or 0. */
	private static int secondToken(byte[] body) {
		int index = skipBlanks(body, skipBlanks(body, 0) + 1);
		return (index < body.length) ? body[index] : 0;
	}

	private static int skipBlanks(byte[] body, int from) {
		int index = from;
		while (index < body.length && (body[index] == ' ' || body[index] == '\n' || body[index] == '\r'
				|| body[index] == '\t')) {
			index++;
		}
		return index;
	}

	/**
	 * Returns the body bytes with their content type (generated images and audio); a JSON
	 * or text answer (an error page, a JSON body of another task) is a decoding error.
	 * @return the decoder
	 */
	public static ResponseDecoder<BinaryOutput> binary() {
		return (response, codec) -> {
			MediaType type = response.contentType();
			if (type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type)
					|| (type.getType().equals("text") && !type.getSubtype().equals("csv")))) {
				throw new HfResponseException("Expected a binary answer (image, audio or video), got " + type + " ("
						+ response.body().length + " bytes)", null);
			}
			return new BinaryOutput(response.body(),
					(type != null) ? type.toString() : MediaType.APPLICATION_OCTET_STREAM_VALUE);
		};
	}

	/**
	 * Unwraps {@code [[a, b]]} to {@code [a, b]} (text-classification answers with an extra
	 * outer list for a single input).
	 * @return the shape normaliser
	 */
	public static UnaryOperator<JsonNode> unwrapNestedList() {
		return UNWRAP_NESTED_LIST;
	}

	/**
	 * Takes the first element of a list and leaves an object as it is (servers answer
	 * {@code [{"generated_text": ...}]} where the spec says an object).
	 * @return the shape normaliser
	 */
	public static UnaryOperator<JsonNode> firstIfList() {
		return FIRST_IF_LIST;
	}

	/**
	 * Reads the body as a JSON list of scalars, converting each element (a single scalar is
	 * read as a one-element list).
	 * @param <E> the element type
	 * @param element converts one element
	 * @return the decoder
	 */
	public static <E> ResponseDecoder<List<E>> values(Function<JsonNode, E> element) {
		return (response, codec) -> {
			JsonNode node = codec.parse(response.body());
			List<E> values = new ArrayList<>();
			if (node.isArray()) {
				node.forEach((item) -> values.add(element.apply(item)));
			}
			else {
				values.add(element.apply(node));
			}
			return values;
		};
	}

	/**
	 * A scalar as text: a string as it is, a number or boolean as its JSON text
	 * ({@code 5} becomes {@code "5"}); models answer labels both ways.
	 * @param node a JSON scalar
	 * @return its text
	 * @throws HfResponseException if the value is not a scalar
	 */
	public static String text(JsonNode node) {
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber() || node.isBoolean()) {
			return node.asString();
		}
		throw new HfResponseException("Expected a string or a number, got " + node.getNodeType() + ": " + node, null);
	}

	/**
	 * A number, also accepted as a numeric string ({@code "270.5"}).
	 * @param node a JSON number or numeric string
	 * @return its value
	 * @throws HfResponseException if the value is not numeric
	 */
	public static double number(JsonNode node) {
		if (node.isNumber()) {
			return node.doubleValue();
		}
		if (node.isString()) {
			try {
				return Double.parseDouble(node.stringValue().strip());
			}
			catch (NumberFormatException ex) {
				throw new HfResponseException("Expected a number, got the string \"" + node.stringValue() + "\"", ex);
			}
		}
		throw new HfResponseException("Expected a number, got " + node.getNodeType() + ": " + node, null);
	}

	/**
	 * Normalises every recorded shape of a zero-shot classification answer to the spec's
	 * {@code [{"label", "score"}]}: the pipeline's {@code {"sequence", "labels": [..],
	 * "scores": [..]}} object, a list of such objects (one per input; the first is taken), or
	 * the spec's list itself, which is left as it is.
	 * @return the shape normaliser
	 */
	public static UnaryOperator<JsonNode> labelsAndScores() {
		return (node) -> {
			JsonNode answer = (node.isArray() && !node.isEmpty() && node.get(0).has("labels")) ? node.get(0) : node;
			if (!answer.isObject() || !answer.has("labels")) {
				return answer;
			}
			JsonNode labels = answer.path("labels");
			JsonNode scores = answer.path("scores");
			if (!labels.isArray() || !scores.isArray() || labels.size() != scores.size()) {
				throw new HfResponseException("Malformed zero-shot answer: 'labels' and 'scores' must be lists of the "
						+ "same length, got " + labels.getNodeType() + "[" + labels.size() + "] and "
						+ scores.getNodeType() + "[" + scores.size() + "]", null);
			}
			ArrayNode pairs = JsonNodeFactory.instance.arrayNode(labels.size());
			for (int i = 0; i < labels.size(); i++) {
				ObjectNode pair = pairs.addObject();
				pair.set("label", labels.get(i));
				pair.set("score", scores.get(i));
			}
			return pairs;
		};
	}

}
