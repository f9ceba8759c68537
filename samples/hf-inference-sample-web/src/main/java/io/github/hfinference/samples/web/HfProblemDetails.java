package io.github.hfinference.samples.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.error.HfCircuitOpenException;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfMissingTokenException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.local.LocalInputException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns inference errors into RFC 9457 problem details: a type, a title, the library's
 * message as detail, never a stack trace. A missing token is a 503 whose detail says how
 * to configure one; upstream rate limits are 429 with {@code Retry-After}; other upstream
 * HTTP errors are 502 with the upstream status and request id.
 */
@RestControllerAdvice
public class HfProblemDetails {

	private static final String TYPE_PREFIX = "https://github.com/hf-inference/hf-inference-spring-boot-starter/problems/";

	/**
	 * The errors answered with their own message as detail, the first that matches winning
	 * (a missing token is also a configuration error).
	 */
	private static final List<Problem> PROBLEMS = List.of(
			new Problem(HfMissingTokenException.class, HttpStatus.SERVICE_UNAVAILABLE, "missing-token",
					"Hugging Face token not configured"),
			new Problem(HfConfigurationException.class, HttpStatus.SERVICE_UNAVAILABLE, "configuration",
					"Inference is misconfigured"),
			new Problem(LocalInputException.class, HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input"),
			new Problem(HfAdmissionRejectedException.class, HttpStatus.SERVICE_UNAVAILABLE, "overloaded",
					"Too many concurrent calls"),
			new Problem(HfTimeoutException.class, HttpStatus.GATEWAY_TIMEOUT, "timeout", "Inference timed out"),
			new Problem(HfConnectionException.class, HttpStatus.BAD_GATEWAY, "connection",
					"Could not reach the inference server"));

	/**
	 * Handles an inference error raised by an endpoint.
	 * @param ex the error
	 * @return the problem detail response
	 */
	@ExceptionHandler(HfInferenceException.class)
	public ResponseEntity<ProblemDetail> handle(HfInferenceException ex) {
		return of(ex);
	}

	/**
	 * Maps an inference error to a problem detail response.
	 * @param ex the error
	 * @return the response: status, {@code Retry-After} when known, and the problem detail
	 */
	public ResponseEntity<ProblemDetail> of(HfInferenceException ex) {
		if (ex instanceof HfRateLimitException rateLimit) {
			return upstream(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Rate limited by Hugging Face", rateLimit,
					rateLimit.getRetryAfter());
		}
		if (ex instanceof HfHttpException http) {
			return upstream(HttpStatus.BAD_GATEWAY, "upstream-error", "Hugging Face returned an error", http, null);
		}
		if (ex instanceof HfCircuitOpenException open) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "circuit-open", "Model temporarily unavailable", ex,
					ex.getMessage(), open.getRetryAfter());
		}
		for (Problem known : PROBLEMS) {
			if (known.exception().isInstance(ex)) {
				return problem(known.status(), known.type(), known.title(), ex);
			}
		}
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "inference", "Inference failed", ex);
	}

	private static ResponseEntity<ProblemDetail> upstream(HttpStatus status, String type, String title,
			HfHttpException ex, @Nullable Duration retryAfter) {
		ResponseEntity<ProblemDetail> response = problem(status, type, title, ex, ex.getServerMessage(), retryAfter);
		ProblemDetail problem = response.getBody();
		if (problem != null) {
			problem.setProperty("upstreamStatus", ex.getStatus());
			if (ex.getRequestId() != null) {
				problem.setProperty("requestId", ex.getRequestId());
			}
		}
		return response;
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title,
			HfInferenceException ex) {
		return problem(status, type, title, ex, ex.getMessage(), null);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title,
			HfInferenceException ex, @Nullable String detail, @Nullable Duration retryAfter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + type));
		problem.setTitle(title);
		problem.setProperty("exception", ex.getClass().getSimpleName());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (retryAfter != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
		return response.body(problem);
	}

	/**
	 * How one kind of error is answered.
	 *
	 * @param exception the kind of error
	 * @param status the response status
	 * @param type the problem type, after {@link #TYPE_PREFIX}
	 * @param title the problem title
	 */
	private record Problem(Class<? extends HfInferenceException> exception, HttpStatus status, String type,
			String title) {

	}

}
