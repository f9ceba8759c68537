package io.github.hfinference.core.task;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.http.JsonCodec;

/**
 * The request shapes shared by tasks.
 */
public final class Encoders {

	private Encoders() {
	}

	/**
	 * The classic pipeline body {@code {"inputs": ..., "parameters": {...}}}; parameters
	 * are left out when none are set.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @return the encoder
	 */
	public static <I, P> RequestEncoder<I, P> inputsAndParameters() {
		return (input, parameters, codec) -> new RequestPayload.Json(body(codec.tree(input), parameters, codec));
	}

	/**
	 * {@code {"inputs": <mapped input>, "parameters": {...}}} with the input converted first
	 * (for compound inputs such as a question and its context).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param inputs builds the {@code inputs} value
	 * @return the encoder
	 */
	public static <I, P> RequestEncoder<I, P> inputsAndParameters(BiFunction<I, JsonCodec, JsonNode> inputs) {
		return (input, parameters, codec) -> new RequestPayload.Json(body(inputs.apply(input, codec), parameters, codec));
	}

	/**
	 * {@code {"inputs": <mapped input>, "parameters": {<fields from the input>, ...}}}: for
	 * inputs that carry a required parameter, such as the candidate labels of zero-shot
	 * classification. Fields of explicit parameters are added after (and win over) those
	 * taken from the input.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param inputs builds the {@code inputs} value
	 * @param inputParameters the parameter fields the input carries
	 * @return the encoder
	 */
	public static <I, P> RequestEncoder<I, P> inputsAndParameters(Function<I, ?> inputs,
			Function<I, Map<String, ?>> inputParameters) {
		return (input, parameters, codec) -> {
			ObjectNode merged = codec.object();
			if (codec.tree(inputParameters.apply(input)) instanceof ObjectNode fields) {
				merged.setAll(fields);
			}
			if (parameters != null && codec.tree(parameters) instanceof ObjectNode fields) {
				merged.setAll(fields);
			}
			return new RequestPayload.Json(body(codec.tree(inputs.apply(input)), merged, codec));
		};
	}

	/**
	 * {@code {"inputs": ..., <parameters at the root>}}, as feature-extraction expects.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @return the encoder
	 */
	public static <I, P> RequestEncoder<I, P> inputsWithRootParameters() {
		return (input, parameters, codec) -> {
			ObjectNode body = codec.object();
			body.set("inputs", codec.tree(input));
			if (parameters != null && codec.tree(parameters) instanceof ObjectNode fields) {
				body.setAll(fields);
			}
			return new RequestPayload.Json(body);
		};
	}

	/**
	 * A binary file as the raw body, or, when parameters are given, as base64 in
	 * {@code {"inputs": "<base64>", "parameters": {...}}} (what the Python client does).
	 * @param <P> the parameters type
	 * @return the encoder
	 */
	public static <P> RequestEncoder<BinaryInput, P> binary() {
		return (input, parameters, codec) -> {
			if (isEmpty(parameters, codec)) {
				return new RequestPayload.Binary(input.bytes(), input.contentType());
			}
			return new RequestPayload.Json(body(codec.tree(input), parameters, codec));
		};
	}

	/**
	 * Builds {@code {"inputs": inputs, "parameters": parameters}} leaving out empty parameters.
	 * @param inputs the inputs value
	 * @param parameters the parameters, or null
	 * @param codec the codec
	 * @return the body
	 */
	public static ObjectNode body(JsonNode inputs, @Nullable Object parameters, JsonCodec codec) {
		ObjectNode body = codec.object();
		body.set("inputs", inputs);
		if (!isEmpty(parameters, codec)) {
			body.set("parameters", codec.tree(parameters));
		}
		return body;
	}

	private static boolean isEmpty(@Nullable Object parameters, JsonCodec codec) {
		return parameters == null || codec.tree(parameters).isEmpty();
	}

}
