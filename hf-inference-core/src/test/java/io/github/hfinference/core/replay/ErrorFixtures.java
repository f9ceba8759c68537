package io.github.hfinference.core.replay;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfForbiddenException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfNotFoundException;
import io.github.hfinference.core.error.HfPaymentRequiredException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfServerException;

/**
 * Hand-written error responses for the statuses no recording holds (402, 403, 410, 429,
 * 503, 504), shaped after hf-protocol.md §c and the reports it cites.
 */
final class ErrorFixtures {

	/** Stands for an HTTP date two minutes after the response is built. */
	private static final String IN_TWO_MINUTES = "{HTTP date in 120 s}";

	private ErrorFixtures() {
	}

	/** Every fixture. */
	static List<Fixture> all() {
		return List.of(
				new Fixture("402 credits depleted", 402, Map.of("Content-Type", "text/plain; charset=utf-8"),
						"You have depleted your monthly included credits. Purchase pre-paid credits to continue using "
								+ "Inference Providers.",
						HfPaymentRequiredException.class, "You have depleted your monthly included credits", null,
						null),
				new Fixture("403 token without the Inference Providers permission", 403,
						Map.of("Content-Type", "application/json"),
						"{\"error\":\"This authentication method does not have sufficient permissions to call Inference "
								+ "Providers on behalf of user alice\"}",
						HfForbiddenException.class,
						"This authentication method does not have sufficient permissions to call Inference Providers on behalf of user alice "
								+ "(the token lacks the fine-grained permission 'Make calls to Inference Providers'",
						null, null),
				new Fixture("403 gated model", 403, Map.of("Content-Type", "application/json", "X-Error-Code", "GatedRepo"),
						"{\"error\":\"Access to model meta-llama/Llama-3.1-8B-Instruct is restricted. You must have access "
								+ "to it and be authenticated to access it. Please log in.\"}",
						HfForbiddenException.class,
						"Access to model meta-llama/Llama-3.1-8B-Instruct is restricted. You must have access to it "
								+ "and be authenticated to access it. Please log in. (the token has no access to this "
								+ "model: it may be gated",
						null, null),
				new Fixture("410 legacy api-inference host", 410, Map.of("Content-Type", "application/json"),
						"{\"error\":\"https://api-inference.huggingface.co is no longer supported. Please use "
								+ "https://router.huggingface.co/hf-inference instead.\"}",
						HfNotFoundException.class, "https://api-inference.huggingface.co is no longer supported", null,
						null),
				new Fixture("429 Retry-After in seconds", 429,
						Map.of("Content-Type", "application/json", "Retry-After", "7"),
						"{\"error\":\"Rate limit reached\"}", HfRateLimitException.class,
						"Rate limit reached (limit resets in 7000 ms)", Duration.ofSeconds(7), null),
				new Fixture("429 Retry-After as an HTTP date", 429,
						Map.of("Content-Type", "application/json", "Retry-After", IN_TWO_MINUTES),
						"{\"error\":\"Too many requests\"}", HfRateLimitException.class, "Too many requests",
						Duration.ofSeconds(120), null),
				new Fixture("429 Hub RateLimit header", 429,
						Map.of("Content-Type", "application/json", "RateLimit", "\"api\";r=0;t=42", "RateLimit-Policy",
								"\"fixed window\";\"api\";q=1000;w=300"),
						"{\"error\":\"You have exceeded our hourly quotas for action 'api'.\"}",
						HfRateLimitException.class,
						"You have exceeded our hourly quotas for action 'api'. (limit resets in 42000 ms)",
						Duration.ofSeconds(42), null),
				new Fixture("503 model loading", 503, Map.of("Content-Type", "application/json"),
						"{\"error\":\"Model openai-community/gpt2 is currently loading\",\"estimated_time\":20.0}",
						HfServerException.class, "Model openai-community/gpt2 is currently loading", null,
						Duration.ofSeconds(20)),
				new Fixture("504 gateway timeout (HTML)", 504, Map.of("Content-Type", "text/html"),
						"<html><body><h1>504 Gateway Time-out</h1>The server didn't respond in time.</body></html>",
						HfServerException.class, "no error message (HTTP 504)", null, null));
	}

	/**
	 * One hand-written error response and what it must become.
	 *
	 * @param name what it represents
	 * @param status the status
	 * @param headers response headers ({@code x-request-id} is added)
	 * @param body the body
	 * @param type the expected exception class
	 * @param serverMessage the expected start of the server message
	 * @param retryAfter the expected wait (HTTP dates have a one-second resolution), or null
	 * @param estimatedTime the expected loading time, or null
	 */
	record Fixture(String name, int status, Map<String, String> headers, String body,
			Class<? extends HfHttpException> type, String serverMessage, @Nullable Duration retryAfter,
			@Nullable Duration estimatedTime) {

		/** The request id the fixture carries. */
		String requestId() {
			return "req-" + this.status + "-" + Math.abs(this.name.hashCode());
		}

		MockResponse response() {
			MockResponse.Builder response = new MockResponse.Builder().code(this.status)
				.addHeader("x-request-id", requestId());
			this.headers.forEach((name, value) -> response.addHeader(name, value.equals(IN_TWO_MINUTES)
					? DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(120))
					: value));
			return response.body(this.body).build();
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
