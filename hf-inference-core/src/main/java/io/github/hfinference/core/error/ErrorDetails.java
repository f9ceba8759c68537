package io.github.hfinference.core.error;

import org.jspecify.annotations.Nullable;

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
