package io.github.hfinference.core.internal.http;

import io.github.hfinference.core.error.HfConnectionException;

/**
 * This client's own connection pool refused the call (too many waiting for a connection,
 * or none free in time): the target was never reached, so the failure says nothing about
 * its health and is not counted against its circuit breaker. Users see it as the
 * {@link HfConnectionException} it is.
 */
public final class ConnectionPoolExhaustedException extends HfConnectionException {

	private static final long serialVersionUID = 1L;

	ConnectionPoolExhaustedException(String message, Throwable cause) {
		super(message, cause);
	}

}
