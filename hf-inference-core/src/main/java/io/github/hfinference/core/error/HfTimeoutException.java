package io.github.hfinference.core.error;

import org.jspecify.annotations.Nullable;

/**
 * The call did not complete within its timeout (per attempt, between stream events, or
 * the call's total deadline).
 */
public class HfTimeoutException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	public HfTimeoutException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
