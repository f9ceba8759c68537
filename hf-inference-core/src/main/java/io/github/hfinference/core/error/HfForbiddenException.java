package io.github.hfinference.core.error;

import io.github.hfinference.core.error.HfHttpException.ErrorDetails;

/**
 * 403 Forbidden: the token may not call this model. Either the token lacks the
 * fine-grained permission "Make calls to Inference Providers", or the model is gated or
 * disabled for this account, or the organisation requires fine-grained tokens.
 */
public class HfForbiddenException extends HfHttpException {

	private static final long serialVersionUID = 1L;

	public HfForbiddenException(ErrorDetails details) {
		super(details.withMessage(details.serverMessage() + hint(details.serverMessage())));
	}

	private static String hint(String serverMessage) {
		if (serverMessage.toLowerCase(java.util.Locale.ROOT).contains("inference providers")) {
			return " (the token lacks the fine-grained permission 'Make calls to Inference Providers'; "
					+ "enable it at https://huggingface.co/settings/tokens)";
		}
		return " (the token has no access to this model: it may be gated, private or disabled, "
				+ "or the token lacks the 'Make calls to Inference Providers' permission)";
	}

}
