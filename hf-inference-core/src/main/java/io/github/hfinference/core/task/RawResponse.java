package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A complete, successful HTTP response as read from the wire, before task decoding.
 *
 * @param status HTTP status code
 * @param headers response headers (read-only)
 * @param body the body bytes (empty, never null)
 */
public record RawResponse(int status, HttpHeaders headers, byte[] body) {

	/** The response's content type, if it declared one. */
	public @Nullable MediaType contentType() {
		try {
			return this.headers.getContentType();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
