package io.github.hfinference.core.internal.task;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.Task.RequestEncoder;
import io.github.hfinference.core.task.Task.RequestPayload;

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
		return (input, parameters, codec) -> {
			ObjectNode body = body(codec.tree(input), parameters, codec);
			return new RequestPayload.Json(body, textOnly(body, "inputs", input, codec));
		};
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
			addFields(merged, inputParameters.apply(input), codec);
			addFields(merged, parameters, codec);
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
		return withRootParameters("inputs");
	}

	/**
	 * {@code {"<inputField>": ..., <parameters at the root>}}: feature-extraction's
	 * {@code inputs}, chat's {@code messages}.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param inputField the name of the input's field
	 * @return the encoder
	 */
	public static <I, P> RequestEncoder<I, P> withRootParameters(String inputField) {
		return (input, parameters, codec) -> {
			ObjectNode body = codec.object();
			body.set(inputField, codec.tree(input));
			addFields(body, parameters, codec);
			return new RequestPayload.Json(body, textOnly(body, inputField, input, codec));
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
			JsonNode fields = parametersTree(parameters, codec);
			if (fields == null) {
				return new RequestPayload.Binary(input.bytes(), input.contentType());
			}
			return new RequestPayload.Json(body(codec.tree(input), fields, codec));
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
		JsonNode fields = parametersTree(parameters, codec);
		if (fields != null) {
			body.set("parameters", fields);
		}
		return body;
	}

	/**
	 * The bytes of a body that holds nothing but a text input (the most common request),
	 * written straight away; null for any other body, which is written when sent.
	 */
	private static byte @Nullable [] textOnly(ObjectNode body, String inputField, @Nullable Object input,
			JsonCodec codec) {
		return (input instanceof String text && body.size() == 1) ? codec.writeStringField(inputField, text) : null;
	}

	/**
	 * The parameters as a JSON tree, converted once; null when there are none or all are unset.
	 */
	private static @Nullable JsonNode parametersTree(@Nullable Object parameters, JsonCodec codec) {
		if (parameters == null) {
			return null;
		}
		JsonNode tree = (parameters instanceof JsonNode node) ? node : codec.tree(parameters);
		return tree.isEmpty() ? null : tree;
	}

	private static void addFields(ObjectNode target, @Nullable Object parameters, JsonCodec codec) {
		if (parametersTree(parameters, codec) instanceof ObjectNode fields) {
			target.setAll(fields);
		}
	}

}
