package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.observation.ResilienceListener;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;

/**
 * Publishes resilience events to the registered listeners and logs each one once at
 * debug level. Log lines carry the model alias, target name, status and request id,
 * never a token or a URL.
 */
final class ResilienceEvents {

	private static final Log logger = LogFactory.getLog(ResilienceEvents.class);

	private final List<ResilienceListener> listeners;

	ResilienceEvents(List<ResilienceListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	void retry(String model, String target, int attempt, Throwable failure, Duration wait) {
		if (logger.isDebugEnabled()) {
			logger.debug("Model '" + model + "': attempt " + attempt + " on " + target + " in " + wait.toMillis()
					+ " ms after " + describe(failure));
		}
		publish((listener) -> listener.onRetry(model, target, attempt, failure, wait));
	}

	void failover(String model, String from, String to, Throwable failure) {
		if (logger.isDebugEnabled()) {
			logger.debug("Model '" + model + "': failing over from " + from + " to " + to + " after "
					+ describe(failure));
		}
		publish((listener) -> listener.onFailover(model, from, to, failure));
	}

	void circuitStateChange(String model, String target, CircuitState from, CircuitState to) {
		if (logger.isDebugEnabled()) {
			logger.debug("Model '" + model + "': circuit of " + target + " " + from + " -> " + to);
		}
		publish((listener) -> listener.onCircuitStateChange(model, target, from, to));
	}

	void rateLimited(String model, String target, @Nullable Duration retryAfter, Throwable failure) {
		if (logger.isDebugEnabled()) {
			logger.debug("Model '" + model + "': rate limited by " + target
					+ ((retryAfter != null) ? " (resets in " + retryAfter.toMillis() + " ms)" : "") + ", "
					+ describe(failure));
		}
		publish((listener) -> listener.onRateLimited(model, target, retryAfter));
	}

	void admissionRejected(String model, HfAdmissionRejectedException rejection) {
		if (logger.isDebugEnabled()) {
			logger.debug("Model '" + model + "': call rejected by admission (" + rejection.getReason() + ")");
		}
		publish((listener) -> listener.onAdmissionRejected(model, rejection));
	}

	private void publish(Consumer<ResilienceListener> event) {
		for (ResilienceListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Resilience listener " + listener.getClass().getName() + " failed", ex);
			}
		}
	}

	/**
	 * A token-free summary of a failure: status and request id for HTTP errors, the
	 * exception type otherwise.
	 * @param failure the failure
	 * @return the summary
	 */
	static String describe(Throwable failure) {
		if (failure instanceof HfHttpException http) {
			String what = (http.getStatus() == 200) ? "an error event" : "HTTP " + http.getStatus();
			return (http.getRequestId() != null) ? what + " [request id: " + http.getRequestId() + "]" : what;
		}
		return failure.getClass().getSimpleName();
	}

}
