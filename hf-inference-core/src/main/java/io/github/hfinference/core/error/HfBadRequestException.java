package io.github.hfinference.core.error;

import io.github.hfinference.core.error.HfHttpException.ErrorDetails;

/**
 * 400 Bad Request: the payload or its parameters were rejected.
 */
public class HfBadRequestException extends HfHttpException {

	private static final long serialVersionUID = 1L;

	public HfBadRequestException(ErrorDetails details) {
		super(details);
	}

}
