package io.github.hfinference.core.task;

import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

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

}
