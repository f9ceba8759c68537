package io.github.hfinference.boot.health;

import io.github.hfinference.core.error.HfAuthenticationException;
import io.github.hfinference.core.error.HfHttpException;

/**
 * Describes failed checks without secrets.
 */
final class Failures {

	private Failures() {
	}

	/**
	 * A short description: type, HTTP status and message (the client's exceptions never
	 * contain the token).
	 * @param failure the failure
	 * @return the description
	 */
	static String describe(Throwable failure) {
		return describe(failure, failure.getMessage());
	}

	/**
	 * A short description of a failed token check: type, HTTP status and what the Hub
	 * said, without the client's wording for model calls (whoami is not a model).
	 * @param failure the failure
	 * @return the description
	 */
	static String describeTokenCheck(Throwable failure) {
		String message = (failure instanceof HfAuthenticationException) ? "the Hub rejected the token"
				: (failure instanceof HfHttpException http) ? http.getServerMessage()
						: "the Hub's token check (whoami-v2) did not answer";
		return describe(failure, message);
	}

	private static String describe(Throwable failure, @org.jspecify.annotations.Nullable String message) {
		StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
		if (failure instanceof HfHttpException http) {
			text.append(" (HTTP ").append(http.getStatus()).append(')');
		}
		if (message != null) {
			String stripped = message.strip();
			text.append(": ").append((stripped.length() > 200) ? stripped.substring(0, 200) + "..." : stripped);
		}
		return text.toString();
	}

}
