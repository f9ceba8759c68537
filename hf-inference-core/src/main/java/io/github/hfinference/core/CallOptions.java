package io.github.hfinference.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Options of one call that override the model's configuration: a timeout and extra
 * request headers.
 *
 * @param timeout time allowed for each attempt of the call, or null to use the model's
 * @param headers extra request headers
 */
public record CallOptions(@Nullable Duration timeout, Map<String, String> headers) {

	private static final CallOptions DEFAULTS = new CallOptions(null, Map.of());

	public CallOptions {
		Objects.requireNonNull(headers, "headers");
		headers = Map.copyOf(headers);
		if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
			throw new IllegalArgumentException("timeout must be positive, got " + timeout);
		}
	}

	/** No overrides. */
	public static CallOptions defaults() {
		return DEFAULTS;
	}

	/**
	 * These options with another timeout.
	 * @param timeout the timeout
	 * @return new options
	 */
	public CallOptions withTimeout(Duration timeout) {
		return new CallOptions(timeout, this.headers);
	}

	/**
	 * These options with one more header.
	 * @param name header name
	 * @param value header value
	 * @return new options
	 */
	public CallOptions withHeader(String name, String value) {
		Map<String, String> copy = new LinkedHashMap<>(this.headers);
		copy.put(name, value);
		return new CallOptions(this.timeout, copy);
	}

}
