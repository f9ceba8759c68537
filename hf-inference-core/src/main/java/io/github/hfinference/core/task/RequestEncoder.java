package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.json.JsonCodec;

/**
 * Turns a task's input and optional parameters into a request body.
 *
 * @param <I> the input type
 * @param <P> the parameters type
 */
@FunctionalInterface
public interface RequestEncoder<I, P> {

	/**
	 * Encodes one request.
	 * @param input the input, never null
	 * @param parameters the parameters, or null when none are given
	 * @param codec the JSON codec
	 * @return the request body
	 */
	RequestPayload encode(I input, @Nullable P parameters, JsonCodec codec);

}
