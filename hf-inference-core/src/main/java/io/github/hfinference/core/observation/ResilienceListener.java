package io.github.hfinference.core.observation;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;

/**
 * Observes what the resilience layer does to calls: retries, failovers, circuit
 * transitions, rate limits and admission rejections. Callbacks run on the thread that
 * saw the event and must return quickly; an exception thrown by a listener is logged and
 * ignored. Every method does nothing by default.
 * <p>
 * Model names are the application's aliases; target names are provider or endpoint
 * names. Failures are the typed exceptions of the call and never carry the token.
 */
public interface ResilienceListener {

	/**
	 * A target is about to be tried again after a wait.
	 * @param model the model alias
	 * @param target the target about to be retried
	 * @param attempt the number of the attempt about to be made (2 for the first retry)
	 * @param failure the failure that caused the retry
	 * @param wait how long the call waits before the attempt
	 */
	default void onRetry(String model, String target, int attempt, Throwable failure, Duration wait) {
	}

	/**
	 * A call moves to another target after a retryable failure, without waiting.
	 * @param model the model alias
	 * @param from the target that failed
	 * @param to the target tried next
	 * @param failure the failure
	 */
	default void onFailover(String model, String from, String to, Throwable failure) {
	}

	/**
	 * The circuit breaker of a target changed state.
	 * @param model the model alias
	 * @param target the target
	 * @param from the previous state
	 * @param to the new state
	 */
	default void onCircuitStateChange(String model, String target, CircuitState from, CircuitState to) {
	}

	/**
	 * A target answered that a rate limit was hit (HTTP 429, or an overload reported in a stream).
	 * @param model the model alias
	 * @param target the target
	 * @param retryAfter when the server said the limit resets, or null if it did not
	 */
	default void onRateLimited(String model, String target, @Nullable Duration retryAfter) {
	}

	/**
	 * The client-side admission limits of a model rejected a call.
	 * @param model the model alias
	 * @param rejection the error the call fails with
	 */
	default void onAdmissionRejected(String model, HfAdmissionRejectedException rejection) {
	}

}
