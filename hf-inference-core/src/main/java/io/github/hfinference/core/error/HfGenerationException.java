package io.github.hfinference.core.error;

import io.github.hfinference.core.error.HfHttpException.ErrorDetails;

/**
 * A text-generation failure reported by TGI (424, or {@code error_type: generation}).
 */
public class HfGenerationException extends HfHttpException {

	private static final long serialVersionUID = 1L;

	public HfGenerationException(ErrorDetails details) {
		super(details);
	}

}
