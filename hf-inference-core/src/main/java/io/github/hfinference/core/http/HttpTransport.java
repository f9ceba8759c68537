package io.github.hfinference.core.http;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfTimeoutException;

/**
 * The one HTTP exchange every call goes through: sends an {@link HttpCall}, turns a
 * non-2xx answer into a typed exception, a timeout into {@link HfTimeoutException} and a
 * connection failure into {@link HfConnectionException}.
 */
public final class HttpTransport {

	private static final int MAX_SAME_HOST_REDIRECTS = 3;

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private final WebClient webClient;

	/**
	 * Creates a transport over a WebClient (redirects must not be followed by its connector).
	 * @param webClient the client
	 */
	public HttpTransport(WebClient webClient) {
		this.webClient = webClient;
	}

	/**
	 * Sends a call and reads the whole response.
	 * @param call the call
	 * @param timeout the time allowed for the whole response, or null for none
	 * @return the successful response, or an error mapped to the exception hierarchy
	 */
	public Mono<RawResponse> exchange(HttpCall call, @Nullable Duration timeout) {
		return exchange(call, timeout, 0);
	}

	/**
	 * Sends a Hub API {@code GET} and reads the whole response, following redirects that stay
	 * on the same scheme, host and port (the Hub answers a renamed repository with
	 * {@code 307 Location: /api/models/<new id>}). The original query is kept when the
	 * {@code Location} has none. A redirect to another host is an error, as for every call.
	 * @param call the call
	 * @param timeout the time allowed for the whole exchange, or null for none
	 * @return the successful response, or an error mapped to the exception hierarchy
	 */
	public Mono<RawResponse> exchangeFollowingSameHostRedirects(HttpCall call, @Nullable Duration timeout) {
		return exchange(call, timeout, MAX_SAME_HOST_REDIRECTS);
	}

	private Mono<RawResponse> exchange(HttpCall call, @Nullable Duration timeout, int redirects) {
		Mono<RawResponse> response = request(call).exchangeToMono((clientResponse) -> clientResponse
			.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.flatMap((body) -> {
				URI next = (redirects > 0) ? sameHostRedirect(call, clientResponse) : null;
				return (next != null) ? exchange(new HttpCall(call.method(), next, call.headers(), call.body(),
						call.model(), call.target()), null, redirects - 1) : toResult(call, clientResponse, body);
			}));
		return withTimeout(response, timeout, call).onErrorMap((ex) -> mapTransportError(ex, call));
	}

	private static @Nullable URI sameHostRedirect(HttpCall call, ClientResponse response) {
		String location = response.headers().asHttpHeaders().getFirst(HttpHeaders.LOCATION);
		if (!response.statusCode().is3xxRedirection() || location == null || call.method() != HttpMethod.GET) {
			return null;
		}
		URI target;
		try {
			target = call.uri().resolve(location);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (!call.uri().getScheme().equalsIgnoreCase(target.getScheme()) || target.getHost() == null
				|| !target.getHost().equalsIgnoreCase(call.uri().getHost())
				|| target.getPort() != call.uri().getPort()) {
			return null;
		}
		if (target.getRawQuery() == null && call.uri().getRawQuery() != null) {
			target = URI.create(target.toString() + "?" + call.uri().getRawQuery());
		}
		return target;
	}

	/**
	 * Sends a call whose answer is a server-sent event stream; an error status becomes a
	 * typed exception before any event is emitted.
	 * @param call the call
	 * @param firstEventTimeout the time allowed until the response and its first event
	 * @param eventTimeout the time allowed between two events, or null for none
	 * @return the events, with response headers available through {@code onResponse}
	 */
	public StreamResponse stream(HttpCall call, @Nullable Duration firstEventTimeout, @Nullable Duration eventTimeout) {
		StreamResponse.Holder holder = new StreamResponse.Holder();
		Flux<ServerSentEvent<String>> events = request(call).exchangeToFlux((clientResponse) -> {
			holder.headers = clientResponse.headers().asHttpHeaders();
			if (clientResponse.statusCode().isError() || clientResponse.statusCode().is3xxRedirection()) {
				return clientResponse.bodyToMono(byte[].class)
					.defaultIfEmpty(new byte[0])
					.flatMapMany((body) -> Flux.error(ErrorMapper.fromResponse(clientResponse.statusCode().value(),
							clientResponse.headers().asHttpHeaders(), body, call.model(), call.target(),
							credential(call))));
			}
			return clientResponse.bodyToFlux(SSE);
		});
		if (eventTimeout != null) {
			Mono<Long> first = (firstEventTimeout != null) ? Mono.delay(firstEventTimeout) : Mono.never();
			events = events.timeout(first, (event) -> Mono.delay(eventTimeout));
		}
		else if (firstEventTimeout != null) {
			events = events.timeout(Mono.delay(firstEventTimeout), (event) -> Mono.never());
		}
		return new StreamResponse(events.onErrorMap((ex) -> mapTransportError(ex, call)), holder);
	}

	private WebClient.RequestHeadersSpec<?> request(HttpCall call) {
		WebClient.RequestBodySpec spec = this.webClient.method(call.method())
			.uri(call.uri())
			.headers((headers) -> headers.addAll(call.headers()));
		return (call.body() != null) ? spec.bodyValue(call.body()) : spec;
	}

	private static Mono<RawResponse> toResult(HttpCall call, ClientResponse response, byte[] body) {
		int status = response.statusCode().value();
		if (status >= 200 && status < 300) {
			return Mono.just(new RawResponse(status, response.headers().asHttpHeaders(), body));
		}
		return Mono.error(ErrorMapper.fromResponse(status, response.headers().asHttpHeaders(), body, call.model(),
				call.target(), credential(call)));
	}

	/** The secret part of the call's {@code Authorization} header ({@code Bearer <secret>}), if any. */
	private static @Nullable String credential(HttpCall call) {
		String authorization = call.headers().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null) {
			return null;
		}
		int space = authorization.indexOf(' ');
		return (space >= 0) ? authorization.substring(space + 1).strip() : authorization;
	}

	private static <T> Mono<T> withTimeout(Mono<T> mono, @Nullable Duration timeout, HttpCall call) {
		return (timeout != null) ? mono.timeout(timeout) : mono;
	}

	private static Throwable mapTransportError(Throwable ex, HttpCall call) {
		if (ex instanceof HfInferenceException) {
			return ex;
		}
		if (ex instanceof TimeoutException) {
			return new HfTimeoutException("No complete response from " + call.target() + " for model '" + call.model()
					+ "' within the timeout (" + call.method() + " " + call.uri() + ")", ex);
		}
		if (ex instanceof WebClientRequestException || isIoFailure(ex)) {
			return new HfConnectionException("Connection to " + call.target() + " failed for model '" + call.model()
					+ "' (" + call.method() + " " + call.uri() + "): " + rootMessage(ex), ex);
		}
		return ex;
	}

	private static boolean isIoFailure(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			if (current instanceof java.io.IOException) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + (root.getMessage() != null ? ": " + root.getMessage() : "");
	}

}
