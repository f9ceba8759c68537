package io.github.hfinference.core.error;

import io.github.hfinference.core.error.HfHttpException.ErrorDetails;

/**
 * 402 Payment Required: the account's included credits are depleted; buy pre-paid credits or bill an organisation.
 */
public class HfPaymentRequiredException extends HfHttpException {

	private static final long serialVersionUID = 1L;

	public HfPaymentRequiredException(ErrorDetails details) {
		super(details);
	}

}
