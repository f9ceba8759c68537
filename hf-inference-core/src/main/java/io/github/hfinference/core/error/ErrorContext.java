package io.github.hfinference.core.error;

import java.io.Serializable;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

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
