package io.github.hfinference.springai;

import io.github.hfinference.core.error.HfInferenceException;

/**
 * A Spring AI request that cannot be sent to a Hugging Face model: it names the
 * message or option that was wrong. Raised before any request is sent.
 */
public class HfSpringAiRequestException extends HfInferenceException {

	/**
	 * Creates the exception.
	 * @param message what was wrong, naming the message or option
	 */
	public HfSpringAiRequestException(String message) {
		super(message);
	}

}
