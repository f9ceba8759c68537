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

}
