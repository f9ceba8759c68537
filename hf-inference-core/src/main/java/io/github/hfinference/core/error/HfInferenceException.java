package io.github.hfinference.core.error;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception raised by the Hugging Face inference client.
 * <p>
 * Messages never contain the access token. An exception that ends a call carries its
 * {@link ErrorContext} (task, model, target, provider, attempt, request id, elapsed), also
 * appended to the message.
 */
public class HfInferenceException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private volatile @Nullable ErrorContext context;

	public HfInferenceException(String message) {
		super(message);
	}

	public HfInferenceException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Where the failure happened, once the client has attached it.
	 * @return the context, or null for an exception thrown outside a call
	 */
	public @Nullable ErrorContext getContext() {
		return this.context;
	}

	/**
	 * Attaches the call's context unless one is attached already (the innermost, most
	 * precise one wins). Called by the client as the failure leaves an attempt or a call.
	 * @param context the context
	 * @return this exception
	 */
	public HfInferenceException withContext(ErrorContext context) {
		if (this.context == null) {
			this.context = context;
		}
		return this;
	}

	@Override
	public @Nullable String getMessage() {
		ErrorContext current = this.context;
		String message = super.getMessage();
		return (current != null) ? message + " [" + current.describe() + "]" : message;
	}

}
