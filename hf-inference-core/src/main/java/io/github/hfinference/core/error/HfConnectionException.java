package io.github.hfinference.core.error;

/**
 * The connection to the server failed or was dropped before a complete response arrived.
 */
public class HfConnectionException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	public HfConnectionException(String message, Throwable cause) {
		super(message, cause);
	}

}
