package io.github.hfinference.core.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * No target of a model may be called because the circuit breaker of every target is
 * open after repeated failures. Nothing was sent; {@link #getRetryAfter()} says when the
 * first target will accept a trial call again.
 */
public class HfCircuitOpenException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	private final String model;

	private final Duration retryAfter;

	/**
	 * Creates the exception.
	 * @param model the model alias
	 * @param retryAfter how long until a target accepts a trial call
	 * @param message which targets are open
	 * @param cause the failure that opened the last circuit, if this call saw it
	 */
	public HfCircuitOpenException(String model, Duration retryAfter, String message, @Nullable Throwable cause) {
		super(message, cause);
		this.model = model;
		this.retryAfter = retryAfter;
	}

	/** The alias of the model whose targets are all open. */
	public String getModel() {
		return this.model;
	}

	/** How long until the first open target lets a trial call through. */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

}
