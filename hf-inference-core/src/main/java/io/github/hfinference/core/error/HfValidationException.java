package io.github.hfinference.core.error;

import io.github.hfinference.core.error.HfHttpException.ErrorDetails;

/**
 * 422 Unprocessable Entity, or a TGI {@code error_type: validation} event: the inputs or
 * parameters failed the server's validation (for example too many tokens) or the model
 * has no chat template ({@code template_error}).
 */
public class HfValidationException extends HfHttpException {

	private static final long serialVersionUID = 1L;

	public HfValidationException(ErrorDetails details) {
		super(details);
	}

}
