package io.github.hfinference.core.task;

import io.github.hfinference.core.json.JsonCodec;

/**
 * Turns a successful response into a task's typed result.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface ResponseDecoder<R> {

	/**
	 * Decodes one response.
	 * @param response the raw response
	 * @param codec the JSON codec
	 * @return the typed result
	 */
	R decode(RawResponse response, JsonCodec codec);

}
