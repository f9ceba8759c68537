package io.github.hfinference.core.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.error.ErrorDetails;
import io.github.hfinference.core.error.HfAuthenticationException;
import io.github.hfinference.core.error.HfBadRequestException;
import io.github.hfinference.core.error.HfForbiddenException;
import io.github.hfinference.core.error.HfGenerationException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfNotFoundException;
import io.github.hfinference.core.error.HfPaymentRequiredException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.error.HfValidationException;

/**
 * Maps an error response (status, headers, body) or a mid-stream error event to the typed
 * exception hierarchy, extracting the server's message from every body shape seen in
 * practice: {@code X-Error-Message}; {@code error} as string, list or OpenAI object;
 * {@code error_description}; {@code errors[].message}; {@code detail} (string, or FastAPI
 * list); {@code message}; Replicate's {@code title}; else the plain-text body.
 */
public final class ErrorMapper {

	private static final Pattern RATE_LIMIT_RESET = Pattern.compile("(?:^|;)\\s*t=(\\d+)");

	private static final int MAX_MESSAGE = 500;

	private ErrorMapper() {
	}

	/**
	 * Maps an HTTP error response.
	 * @param status the status
	 * @param headers response headers
	 * @param body response body
	 * @param model the model called
	 * @param target the target that answered
	 * @return the typed exception
	 */
	public static HfHttpException fromResponse(int status, HttpHeaders headers, byte[] body, @Nullable String model,
			@Nullable String target) {
		JsonNode json = parseQuietly(body);
		String message = message(headers, json, body, status);
		String errorType = (json != null) ? textOrNull(json.get("error_type")) : null;
		ErrorDetails details = new ErrorDetails(status, requestId(headers), message, errorType, model, target);
		Duration retryAfter = retryAfter(headers);
		return switch (status) {
			case 400 -> new HfBadRequestException(details);
			case 401 -> new HfAuthenticationException(details);
			case 402 -> new HfPaymentRequiredException(details);
			case 403 -> new HfForbiddenException(details);
			case 404, 410 -> new HfNotFoundException(details);
			case 422 -> new HfValidationException(details);
			case 424 -> new HfGenerationException(details);
			case 429 -> new HfRateLimitException(details, retryAfter);
			default -> (status >= 500) ? new HfServerException(details, retryAfter, estimatedTime(json))
					: (status == 408) ? new HfServerException(details, retryAfter, null) : new HfHttpException(details);
		};
	}

	/**
	 * Maps an error event received inside a 200 event stream, by its {@code error_type}.
	 * @param event the parsed event ({@code {"error": ..., "error_type": ...}} or
	 * {@code {"error": {"message": ...}}})
	 * @param requestId the stream's request id
	 * @param model the model called
	 * @param target the target that answered
	 * @return the typed exception
	 */
	public static HfHttpException fromStreamEvent(JsonNode event, @Nullable String requestId, @Nullable String model,
			@Nullable String target) {
		String errorType = textOrNull(event.get("error_type"));
		if (errorType == null && event.path("error").isObject()) {
			errorType = textOrNull(event.path("error").get("type"));
		}
		String message = jsonMessage(event);
		ErrorDetails details = new ErrorDetails(200, requestId, (message != null) ? message : event.toString(),
				errorType, model, target);
		if (errorType == null) {
			return new HfServerException(details, null, null);
		}
		return switch (errorType) {
			case "validation", "template_error", "invalid_request_error" -> new HfValidationException(details);
			case "generation" -> new HfGenerationException(details);
			case "overloaded", "rate_limit_exceeded" -> new HfRateLimitException(details, null);
			default -> new HfServerException(details, null, null);
		};
	}

	/**
	 * Whether a parsed stream event is an error event.
	 * @param event the parsed event
	 * @return true if it has an {@code error} field
	 */
	public static boolean isErrorEvent(JsonNode event) {
		JsonNode error = event.get("error");
		return error != null && !error.isNull();
	}

	/**
	 * The request id: {@code x-request-id}, else {@code X-Amzn-Trace-Id}, else
	 * {@code x-amz-cf-id}.
	 * @param headers response headers
	 * @return the id, or null
	 */
	public static @Nullable String requestId(HttpHeaders headers) {
		for (String name : new String[] { "x-request-id", "X-Amzn-Trace-Id", "x-amz-cf-id" }) {
			String value = headers.getFirst(name);
			if (value != null && !value.isBlank()) {
				return value;
			}
		}
		return null;
	}

	/**
	 * How long the server asked to wait: {@code Retry-After} (seconds or HTTP date), then
	 * the {@code RateLimit} header's reset ({@code t=}).
	 * @param headers response headers
	 * @return the wait, or null if the server said nothing
	 */
	public static @Nullable Duration retryAfter(HttpHeaders headers) {
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter != null && !retryAfter.isBlank()) {
			String value = retryAfter.strip();
			try {
				return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
			}
			catch (NumberFormatException ex) {
				try {
					Duration until = Duration.between(Instant.now(),
							ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
					return until.isNegative() ? Duration.ZERO : until;
				}
				catch (RuntimeException ignored) {
					// fall through to RateLimit
				}
			}
		}
		String rateLimit = headers.getFirst("RateLimit");
		if (rateLimit != null) {
			Matcher matcher = RATE_LIMIT_RESET.matcher(rateLimit);
			if (matcher.find()) {
				return Duration.ofSeconds(Long.parseLong(matcher.group(1)));
			}
		}
		return null;
	}

	private static @Nullable Duration estimatedTime(@Nullable JsonNode json) {
		if (json != null && json.path("estimated_time").isNumber()) {
			return Duration.ofMillis(Math.round(json.path("estimated_time").asDouble() * 1000));
		}
		return null;
	}

	private static String message(HttpHeaders headers, @Nullable JsonNode json, byte[] body, int status) {
		Set<String> parts = new LinkedHashSet<>();
		String header = headers.getFirst("X-Error-Message");
		if (header != null && !header.isBlank()) {
			parts.add(header.strip());
		}
		if (json != null) {
			String fromJson = jsonMessage(json);
			if (fromJson != null) {
				parts.add(fromJson);
			}
		}
		else if (body.length > 0 && !looksLikeHtml(body)) {
			parts.add(new String(body, StandardCharsets.UTF_8).strip());
		}
		if (parts.isEmpty()) {
			parts.add("no error message (HTTP " + status + ")");
		}
		String message = String.join(" - ", parts);
		return (message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE) + "..." : message;
	}

	private static @Nullable String jsonMessage(JsonNode json) {
		Set<String> parts = new LinkedHashSet<>();
		JsonNode error = json.get("error");
		if (error != null) {
			if (error.isString()) {
				parts.add(error.stringValue());
			}
			else if (error.isArray()) {
				error.forEach((item) -> parts.add(item.isString() ? item.stringValue() : item.toString()));
			}
			else if (error.isObject() && error.get("message") != null) {
				parts.add(error.get("message").asString());
			}
		}
		addText(parts, json.get("error_description"));
		JsonNode errors = json.get("errors");
		if (errors != null && errors.isArray()) {
			errors.forEach((item) -> addText(parts, item.get("message")));
		}
		JsonNode detail = json.get("detail");
		if (detail != null && detail.isArray()) {
			detail.forEach((item) -> addText(parts,
					item.get("msg") != null ? item.get("msg") : item.isString() ? item : null));
		}
		else {
			addText(parts, detail);
		}
		if (parts.isEmpty()) {
			addText(parts, json.get("message"));
			addText(parts, json.get("title"));
		}
		return parts.isEmpty() ? null : String.join(" - ", parts);
	}

	private static void addText(Set<String> parts, @Nullable JsonNode node) {
		if (node != null && node.isString() && !node.stringValue().isBlank()) {
			parts.add(node.stringValue());
		}
	}

	private static @Nullable String textOrNull(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	private static @Nullable JsonNode parseQuietly(byte[] body) {
		if (body.length == 0 || (body[0] != '{' && body[0] != '[')) {
			return null;
		}
		try {
			JsonNode node = JsonCodec.get().mapper().readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static boolean looksLikeHtml(byte[] body) {
		String start = new String(body, 0, Math.min(body.length, 64), StandardCharsets.UTF_8).strip().toLowerCase();
		return start.startsWith("<!doctype html") || start.startsWith("<html");
	}

}
