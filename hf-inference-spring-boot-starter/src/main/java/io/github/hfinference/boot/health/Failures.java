package io.github.hfinference.boot.health;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.error.HfHttpException;

/**
 * Blocking with a bound, and describing failures without secrets.
 */
final class Failures {

	private static final Duration GRACE = Duration.ofSeconds(1);

	private Failures() {
	}

	/**
	 * Waits for a check, never longer than its timeout plus a second.
	 * @param check the check
	 * @param timeout its timeout
	 * @return its value, or null if it completed empty
	 * @throws RuntimeException the check's failure, unwrapped
	 */
	static <T> @Nullable T await(Mono<T> check, Duration timeout) {
		try {
			return check.timeout(timeout.plus(GRACE)).block();
		}
		catch (RuntimeException ex) {
			Throwable cause = Exceptions.unwrap(ex);
			throw (cause instanceof RuntimeException runtime) ? runtime : ex;
		}
	}

	/**
	 * A short description: type, HTTP status and message (the client's exceptions never
	 * contain the token).
	 * @param failure the failure
	 * @return the description
	 */
	static String describe(Throwable failure) {
		StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
		if (failure instanceof HfHttpException http) {
			text.append(" (HTTP ").append(http.getStatus()).append(')');
		}
		if (failure.getMessage() != null) {
			String message = failure.getMessage().strip();
			text.append(": ").append((message.length() > 200) ? message.substring(0, 200) + "..." : message);
		}
		return text.toString();
	}

}
