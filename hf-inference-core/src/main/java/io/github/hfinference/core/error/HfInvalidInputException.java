package io.github.hfinference.core.error;

/**
 * An input the client refuses before sending anything: an image that is not an image
 * type, an image over the model's size limit, a URL with a scheme the chat format does
 * not carry. The message names the input and what is wrong with it.
 */
public class HfInvalidInputException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	public HfInvalidInputException(String message) {
		super(message);
	}

}
