package io.github.hfinference.core.error;

import io.github.hfinference.core.error.HfHttpException.ErrorDetails;

/**
 * 404 Not Found or 410 Gone: the model, route or legacy endpoint does not exist (410 usually means the retired api-inference host).
 */
public class HfNotFoundException extends HfHttpException {

	private static final long serialVersionUID = 1L;

	public HfNotFoundException(ErrorDetails details) {
		super(details);
	}

}
