package io.github.hfinference.core.error;

/**
 * A call the client refuses before any I/O: a malformed model id, revision, provider name
 * or URL path segment, or a missing or empty input. The message names the parameter and
 * quotes the offending value with control characters escaped.
 */
public class HfInvalidRequestException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	public HfInvalidRequestException(String message) {
		super(message);
	}

}
