package io.github.hfinference.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfInferenceException.ErrorContext;

/** Attaches the one {@link ErrorContext} of a call or attempt to the failure that ends it. */
final class CallContext {

	private CallContext() {
	}

	/**
	 * The failure with its context attached, if it is one of the client's exceptions.
	 * @param error the failure
	 * @param task the task id
	 * @param model the model
	 * @param target the attempt's target, or null for the call as a whole
	 * @param attempt the attempt number, 0 for the call as a whole
	 * @param requestId the response's request id, if known (an HTTP error's own wins)
	 * @param startNanos {@link System#nanoTime()} when the attempt or call started
	 * @return the same failure
	 */
	static Throwable attach(Throwable error, String task, ModelDefinition model, @Nullable InferenceTarget target,
			int attempt, @Nullable String requestId, long startNanos) {
		if (error instanceof HfInferenceException failure && failure.getContext() == null) {
			String serverRequestId = (error instanceof HfHttpException http && http.getRequestId() != null)
					? http.getRequestId() : requestId;
			failure.withContext(new ErrorContext(task, model.alias(), model.id(),
					(target != null) ? target.name() : null, (target != null) ? provider(target) : null, attempt,
					serverRequestId, Duration.ofNanos(System.nanoTime() - startNanos)));
		}
		return error;
	}

	private static String provider(InferenceTarget target) {
		if (target instanceof InferenceTarget.Router router) {
			return router.provider();
		}
		if (target instanceof InferenceTarget.InProcess inProcess) {
			return inProcess.provider();
		}
		return (target instanceof InferenceTarget.Gateway) ? "gateway" : "endpoint";
	}

}
