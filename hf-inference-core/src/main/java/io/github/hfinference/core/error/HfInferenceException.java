package io.github.hfinference.core.error;

import java.io.Serializable;
import java.time.Duration;

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

	/**
	 * Where a failure happened, the same for every error of a call: the task, the model, the
	 * target and its provider, the attempt, the server's request id and the time spent.
	 *
	 * @param task the task id
	 * @param modelAlias the application's name for the model
	 * @param modelId the Hugging Face model id, or null for an endpoint-only model
	 * @param target the target the attempt went to, or null when the call failed before
	 * choosing one (admission, open circuits, invalid request)
	 * @param provider the target's provider ({@code hf-inference}, {@code together}, an
	 * in-process provider, {@code endpoint} or {@code gateway}), or null without a target
	 * @param attempt the attempt's number within the call (1 for the first), 0 before any
	 * @param requestId the request id the server sent, if any
	 * @param elapsed time since the attempt started (since the call started when there was no
	 * attempt)
	 */
	public record ErrorContext(String task, String modelAlias, @Nullable String modelId, @Nullable String target,
			@Nullable String provider, int attempt, @Nullable String requestId, Duration elapsed) implements Serializable {

		/**
		 * One line for a message: {@code task=..., model=alias (id), target=..., provider=...,
		 * attempt=N, request id=..., elapsed=N ms}; parts that are unknown are left out.
		 * @return the description
		 */
		public String describe() {
			StringBuilder text = new StringBuilder("task=").append(this.task).append(", model=").append(this.modelAlias);
			if (this.modelId != null && !this.modelId.equals(this.modelAlias)) {
				text.append(" (").append(this.modelId).append(')');
			}
			if (this.target != null) {
				text.append(", target=").append(this.target).append(", provider=").append(this.provider);
			}
			text.append(", attempt=").append(this.attempt);
			if (this.requestId != null) {
				text.append(", request id=").append(this.requestId);
			}
			return text.append(", elapsed=").append(this.elapsed.toMillis()).append(" ms").toString();
		}

	}

}
