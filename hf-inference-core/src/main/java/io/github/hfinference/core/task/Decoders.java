package io.github.hfinference.core.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.error.HfResponseException;

/**
 * The response shapes shared by tasks, tolerant of the deviations recorded from real
 * servers (an extra outer list, a list where the spec says object, and the reverse).
 */
public final class Decoders {

	private Decoders() {
	}

	/**
	 * Reads the body as JSON of the given type.
	 * @param <R> the result type
	 * @param type the result class
	 * @return the decoder
	 */
	public static <R> ResponseDecoder<R> json(Class<R> type) {
		return json(type, UnaryOperator.identity());
	}

	/**
	 * Reads the body as JSON of the given type after normalising its shape.
	 * @param <R> the result type
	 * @param type the result class
	 * @param shape normalises the JSON tree first
	 * @return the decoder
	 */
	public static <R> ResponseDecoder<R> json(Class<R> type, UnaryOperator<JsonNode> shape) {
		return (response, codec) -> codec.convert(shape.apply(codec.parse(response.body())), type);
	}

	/**
	 * Reads the body as a JSON list of the given element type.
	 * @param <E> the element type
	 * @param elementType the element class
	 * @return the decoder
	 */
	public static <E> ResponseDecoder<List<E>> list(Class<E> elementType) {
		return list(elementType, UnaryOperator.identity());
	}

	/**
	 * Reads the body as a JSON list after normalising its shape.
	 * @param <E> the element type
	 * @param elementType the element class
	 * @param shape normalises the JSON tree first
	 * @return the decoder
	 */
	public static <E> ResponseDecoder<List<E>> list(Class<E> elementType, UnaryOperator<JsonNode> shape) {
		return (response, codec) -> codec.convertList(shape.apply(codec.parse(response.body())), elementType);
	}

	/**
	 * Returns the body bytes with their content type (generated images and audio).
	 * @return the decoder
	 */
	public static ResponseDecoder<BinaryOutput> binary() {
		return (response, codec) -> {
			MediaType type = response.contentType();
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
		return (node) -> (node.isArray() && node.size() == 1 && node.get(0).isArray()) ? node.get(0) : node;
	}

	/**
	 * Takes the first element of a list and leaves an object as it is (servers answer
	 * {@code [{"generated_text": ...}]} where the spec says an object).
	 * @return the shape normaliser
	 */
	public static UnaryOperator<JsonNode> firstIfList() {
		return (node) -> (node.isArray() && !node.isEmpty()) ? node.get(0) : node;
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
