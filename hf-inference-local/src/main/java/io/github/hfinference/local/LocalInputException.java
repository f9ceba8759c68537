package io.github.hfinference.local;

import io.github.hfinference.core.error.HfInferenceException;

/**
 * A request the {@code local} provider cannot run as asked: an input longer than the
 * model's maximum sequence length with {@code truncate=false}, an unknown
 * {@code promptName}, or another option the model does not support. The message names
 * the model, the parameter and what was wrong, as the remote pipeline's validation error
 * would.
 */
public class LocalInputException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	public LocalInputException(String message) {
		super(message);
	}

}
