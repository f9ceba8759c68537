package io.github.hfinference.core.error;

import io.github.hfinference.core.error.HfHttpException.ErrorDetails;

/**
 * 401 Unauthorized: the token is missing or invalid, or the model is private or gated and
 * the token has no access to it.
 */
public class HfAuthenticationException extends HfHttpException {

	private static final long serialVersionUID = 1L;

	public HfAuthenticationException(ErrorDetails details) {
		super(details.withMessage(details.serverMessage() + ((details.model() != null)
				? " (the token is missing or invalid, or it has no access to this private or gated model)"
				: " (the token is missing or invalid)")));
	}

}
