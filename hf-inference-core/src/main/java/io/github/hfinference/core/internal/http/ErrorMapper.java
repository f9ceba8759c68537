package io.github.hfinference.core.internal.http;

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

import io.github.hfinference.core.error.HfAuthenticationException;
import io.github.hfinference.core.error.HfBadRequestException;
import io.github.hfinference.core.error.HfForbiddenException;
import io.github.hfinference.core.error.HfGenerationException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfHttpException.ErrorDetails;
import io.github.hfinference.core.error.HfNotFoundException;
import io.github.hfinference.core.error.HfPaymentRequiredException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.error.HfValidationException;
import io.github.hfinference.core.json.JsonCodec;

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
		return fromResponse(status, headers, body, model, target, null);
	}

	/**
	 * Maps an HTTP error response, masking a secret the server may have echoed back (some
	 * gateways quote the {@code Authorization} header in their error).
	 * @param status the status
	 * @param headers response headers
	 * @param body response body
	 * @param model the model called
	 * @param target the target that answered
	 * @param secret the credential sent with the request, masked wherever it appears in the
	 * message; null if none was sent
	 * @return the typed exception
	 */
	public static HfHttpException fromResponse(int status, HttpHeaders headers, byte[] body, @Nullable String model,
			@Nullable String target, @Nullable String secret) {
		JsonNode json = parseQuietly(body);
		String message = message(headers, json, body, status, secret);
		String errorType = (json != null) ? errorType(json) : null;
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
		String errorType = errorType(event);
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

	/**
	 * TGI's {@code error_type}, else OpenAI's {@code error.type}.
	 */
	private static @Nullable String errorType(JsonNode json) {
		String errorType = textOrNull(json.get("error_type"));
		if (errorType == null && json.path("error").isObject()) {
			errorType = textOrNull(json.path("error").get("type"));
		}
		return errorType;
	}

	private static @Nullable Duration estimatedTime(@Nullable JsonNode json) {
		if (json != null && json.path("estimated_time").isNumber()) {
			return Duration.ofMillis(Math.round(json.path("estimated_time").asDouble() * 1000));
		}
		return null;
	}

	private static String message(HttpHeaders headers, @Nullable JsonNode json, byte[] body, int status,
			@Nullable String secret) {
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
		String location = headers.getFirst(HttpHeaders.LOCATION);
		if (status >= 300 && status < 400 && location != null) {
			parts.add("redirect to " + location + " not followed (redirects are never followed, so that credentials "
					+ "stay with the configured host)");
		}
		String message = redact(String.join(" - ", parts), secret);
		return (message.length() > MAX_MESSAGE) ? message.substring(0, MAX_MESSAGE) + "..." : message;
	}

	private static String redact(String message, @Nullable String secret) {
		return (secret != null && !secret.isBlank()) ? message.replace(secret, "****") : message;
	}

	private static @Nullable String jsonMessage(JsonNode json) {
		Set<String> parts = new LinkedHashSet<>();
		JsonNode error = json.get("error");
		if (error != null) {
			if (error.isString()) {
				addText(parts, error.stringValue());
			}
			else if (error.isArray()) {
				error.forEach((item) -> addText(parts, item.isString() ? item.stringValue() : item.toString()));
			}
			else if (error.isObject() && error.get("message") != null) {
				addText(parts, error.get("message").asString());
			}
		}
		addText(parts, json.get("error_description"));
		JsonNode errors = json.get("errors");
		if (errors != null && errors.isArray()) {
			errors.forEach((item) -> addText(parts, item.get("message")));
		}
		JsonNode detail = json.get("detail");
		if (detail != null && detail.isArray()) {
			detail.forEach((item) -> addText(parts, item.isString() ? item.stringValue() : fastApiMessage(item)));
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

	/**
	 * A FastAPI validation item {@code {"loc": ["body", "messages"], "msg": "Field required"}}
	 * as {@code Field required (body.messages)}, so the message names the faulty field.
	 */
	private static @Nullable String fastApiMessage(JsonNode item) {
		String message = textOrNull(item.get("msg"));
		if (message == null) {
			return null;
		}
		JsonNode location = item.path("loc");
		if (!location.isArray() || location.isEmpty()) {
			return message;
		}
		StringBuilder path = new StringBuilder();
		location.forEach((part) -> path.append((path.length() > 0) ? "." : "").append(part.asString()));
		return message + " (" + path + ")";
	}

	private static void addText(Set<String> parts, @Nullable JsonNode node) {
		if (node != null && node.isString()) {
			addText(parts, node.stringValue());
		}
	}

	private static void addText(Set<String> parts, @Nullable String text) {
		if (text != null && !text.isBlank()) {
			parts.add(text.strip());
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
