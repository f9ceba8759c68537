package io.github.hfinference.core.error;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception raised by the Hugging Face inference client.
 * <p>
 * Messages never contain the access token.
 */
public class HfInferenceException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public HfInferenceException(String message) {
		super(message);
	}

	public HfInferenceException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
