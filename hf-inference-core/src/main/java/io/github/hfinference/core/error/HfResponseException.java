package io.github.hfinference.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A successful HTTP response whose body does not have the shape the task expects.
 */
public class HfResponseException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	public HfResponseException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
