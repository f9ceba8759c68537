package io.github.hfinference.core.internal.http;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;

/**
 * A server-sent event stream and, once the response has started, its headers.
 *
 * @param events the decoded events
 * @param holder receives the response headers when the response starts
 */
public record StreamResponse(Flux<SseEvent> events, Holder holder) {

	/** The response headers, or null before the response started. */
	public @Nullable HttpHeaders headers() {
		return this.holder.headers;
	}

	/** Mutable slot for the response headers. */
	public static final class Holder {

		volatile @Nullable HttpHeaders headers;

	}

}
