package io.github.hfinference.core.error;

import org.jspecify.annotations.Nullable;

/**
 * An inference call that the server answered with an error, either as a non-2xx HTTP
 * status or as an error event inside a 200 event stream.
 * <p>
 * Carries the HTTP status, the server's request id and message, and, when the server
 * sent one, the TGI {@code error_type}.
 */
public class HfHttpException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	private final int status;

	private final @Nullable String requestId;

	private final String serverMessage;

	private final @Nullable String errorType;

	public HfHttpException(ErrorDetails details) {
		this(details.describe(), details);
	}

	protected HfHttpException(String message, ErrorDetails details) {
		super(message);
		this.status = details.status();
		this.requestId = details.requestId();
		this.serverMessage = details.serverMessage();
		this.errorType = details.errorType();
	}

	/** HTTP status of the response (200 for an error event inside a stream). */
	public int getStatus() {
		return this.status;
	}

	/** Request id the server assigned ({@code x-request-id}), if any. */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/** Message the server gave for the error. */
	public String getServerMessage() {
		return this.serverMessage;
	}

	/** TGI-style {@code error_type} ({@code validation}, {@code generation}, ...), if any. */
	public @Nullable String getErrorType() {
		return this.errorType;
	}

	/**
	 * What the server said about a failed call: status, request id, message and TGI error
	 * type, plus which model and target the call was for.
	 *
	 * @param status HTTP status (200 for a mid-stream error event)
	 * @param requestId the server's request id, if any
	 * @param serverMessage the message extracted from the error body or headers
	 * @param errorType TGI {@code error_type}, if any
	 * @param model model id or alias the call was for, if known
	 * @param target name of the target (provider or endpoint) that answered, if known
	 */
	public record ErrorDetails(int status, @Nullable String requestId, String serverMessage, @Nullable String errorType,
			@Nullable String model, @Nullable String target) {

		/** One-line description used as the exception message; never contains the token. */
		public String describe() {
			StringBuilder message = new StringBuilder();
			message.append(this.status == 200 ? "Error event in stream" : "HTTP " + this.status);
			if (this.model != null) {
				message.append(" from model '").append(this.model).append('\'');
			}
			if (this.target != null) {
				message.append(" via ").append(this.target);
			}
			message.append(": ").append(this.serverMessage);
			if (this.errorType != null) {
				message.append(" (error_type=").append(this.errorType).append(')');
			}
			if (this.requestId != null) {
				message.append(" [request id: ").append(this.requestId).append(']');
			}
			return message.toString();
		}

		/** Same details with a different message, keeping everything else. */
		public ErrorDetails withMessage(String newMessage) {
			return new ErrorDetails(this.status, this.requestId, newMessage, this.errorType, this.model, this.target);
		}

	}

}
