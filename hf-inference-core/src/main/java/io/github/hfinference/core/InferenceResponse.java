package io.github.hfinference.core;

import java.util.Objects;

/**
 * A typed result with the metadata of the response that produced it.
 *
 * @param <R> the result type
 * @param value the typed result
 * @param metadata request id, served revision, compute figures, serving target
 */
public record InferenceResponse<R>(R value, ResponseMetadata metadata) {

	public InferenceResponse {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(metadata, "metadata");
	}

}
