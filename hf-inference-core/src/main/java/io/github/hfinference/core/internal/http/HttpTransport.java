package io.github.hfinference.core.internal.http;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ReactiveHttpOutputMessage;
import org.springframework.http.support.Netty4HeadersAdapter;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.RawResponse;

/**
 * The one HTTP exchange every call goes through: sends an {@link HttpCall}, turns a
 * non-2xx answer into a typed exception, a timeout into {@link HfTimeoutException} and a
 * connection failure into {@link HfConnectionException}.
 */
public final class HttpTransport {

	private static final int MAX_SAME_HOST_REDIRECTS = 3;

	private static final byte[] DONE = "[DONE]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

	/** Longest wait for the end of the body once the end-of-stream marker arrived. */
	private static final Duration MAX_DRAIN = Duration.ofSeconds(1);

	/** The largest response body read into memory (as the client's codecs allow). */
	private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

	private static final byte[] EMPTY = new byte[0];

	private static final String EXCHANGE_NAME = "hf-inference.exchange";

	private final WebClient webClient;

	private final @Nullable HttpClient httpClient;

	/**
	 * Creates a transport over a WebClient (redirects must not be followed by its connector).
	 * @param webClient the client
	 */
	public HttpTransport(WebClient webClient) {
		this(webClient, null);
	}

	/**
	 * Creates a transport that sends plain calls ({@link #exchange(HttpCall, Duration)})
	 * and streams straight through a Reactor Netty client and Hub calls that follow
	 * redirects through a WebClient. Only for a WebClient with no filters,
	 * observation or codec customisations, which the direct path would skip: the client
	 * uses it only for the HTTP stack it builds itself.
	 * @param webClient the client for redirects (redirects not followed by its connector)
	 * @param httpClient the client for plain calls and streams (must not follow redirects), or null to
	 * send every call through the WebClient
	 */
	public HttpTransport(WebClient webClient, @Nullable HttpClient httpClient) {
		this.webClient = webClient;
		this.httpClient = httpClient;
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
		Mono<RawResponse> response = (redirects == 0 && this.httpClient != null) ? direct(this.httpClient, call)
				: request(call).exchangeToMono((clientResponse) -> body(clientResponse).flatMap((body) -> {
					URI next = (redirects > 0) ? sameHostRedirect(call, clientResponse) : null;
					return (next != null) ? exchange(new HttpCall(call.method(), next, call.headers(), call.body(),
							call.model(), call.target()), null, redirects - 1) : toResult(call, clientResponse, body);
				}));
		return guarded(response, timeout, call);
	}

	/**
	 * One exchange straight on Reactor Netty: the same request bytes and headers, the same
	 * response handling and body limit as through the WebClient, without its per-call
	 * request and response adapters, codec lookups and observation context.
	 */
	private static Mono<RawResponse> direct(HttpClient httpClient, HttpCall call) {
		return directRequest(httpClient, call)
			.response((response, content) -> body(content)
				.flatMap((body) -> toResult(call, response.status().code(), headers(response), body)))
			.single();
	}

	/** The call's request on Reactor Netty: method, URI, its headers and body. */
	private static HttpClient.ResponseReceiver<?> directRequest(HttpClient httpClient, HttpCall call) {
		return httpClient.request(io.netty.handler.codec.http.HttpMethod.valueOf(call.method().name()))
			.uri(call.uri())
			.send((request, outbound) -> {
				copyHeaders(call.headers(), request.requestHeaders());
				return (call.body() != null) ? outbound.sendByteArray(Mono.just(call.body())) : outbound;
			});
	}

	/** A Reactor Netty response's headers, read-only, as Spring's {@link HttpHeaders}. */
	private static HttpHeaders headers(HttpClientResponse response) {
		return HttpHeaders.readOnlyHttpHeaders(new HttpHeaders(new Netty4HeadersAdapter(response.responseHeaders())));
	}

	/** A Reactor Netty body as bytes, at most {@value #MAX_BODY_BYTES} bytes. */
	private static Mono<byte[]> body(ByteBufFlux content) {
		return content.asByteArray().collect(() -> new BoundedBody(MAX_BODY_BYTES), BoundedBody::add)
			.map(BoundedBody::bytes);
	}

	/** Sets the call's headers on a Netty request, replacing defaults of the same name. */
	private static void copyHeaders(HttpHeaders headers, io.netty.handler.codec.http.HttpHeaders request) {
		if (headers instanceof SharedRequestHeaders shared) {
			request.setAll(shared.netty());
		}
		else {
			headers.forEach(request::set);
		}
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
	 * Sends a call whose answer is a server-sent event stream ending with the body or at a
	 * {@code [DONE]} event; see {@link #stream(HttpCall, Duration, Duration, Predicate)}.
	 * @param call the call
	 * @param firstEventTimeout the time allowed until the first event, or null for none
	 * @param eventTimeout the time allowed between two events, or null for none
	 * @return the events, with response headers available once the response started
	 */
	public StreamResponse stream(HttpCall call, @Nullable Duration firstEventTimeout, @Nullable Duration eventTimeout) {
		return stream(call, firstEventTimeout, eventTimeout, (event) -> event.dataIs(DONE));
	}

	/**
	 * Sends a call whose answer is a server-sent event stream, split into events on the
	 * connector's buffers by {@link SseEventDecoder} (so {@code data:} with or without a space,
	 * multi-line data, comments, {@code event:}/{@code id:} lines and CRLF line ends are
	 * all understood, as by Spring's {@code ServerSentEventHttpMessageReader}, without
	 * making strings of the body). A body that ends cleanly ends the stream (servers such as
	 * TGI send no end marker); a connection that closes in the middle of the body fails it
	 * with {@link HfConnectionException}.
	 * <ul>
	 * <li>A non-2xx status becomes the typed exception of {@link ErrorMapper} before any
	 * event is emitted. A 2xx response that is not {@code text/event-stream} (a server that
	 * ignored {@code "stream": true}) fails with the typed exception of its JSON error, if it
	 * is one, else with {@link HfResponseException}; a response without a content type is
	 * read as an event stream.</li>
	 * <li>An event that matches {@code endOfStream} completes the stream;
	 * later events are dropped. The body is still read to its end (at most one second, or
	 * the event timeout if shorter) so that the connection can be reused.</li>
	 * <li>The timeouts count only while the subscriber is waiting for an event (has
	 * requested one and not received it), so a subscriber that is slow to request is never
	 * mistaken for a silent server. Any event, comments and keep-alives included, resets the
	 * event timeout. Either one raises {@link HfTimeoutException} and closes the
	 * connection.</li>
	 * <li>Cancelling the subscription closes the connection.</li>
	 * </ul>
	 * @param call the call
	 * @param firstEventTimeout the time allowed until the first event (connecting, sending
	 * and the server's first byte included), or null for none
	 * @param eventTimeout the time allowed between two events, or null for none
	 * @param endOfStream tests an event for the end-of-stream marker
	 * @return the events, with response headers available once the response started
	 */
	public StreamResponse stream(HttpCall call, @Nullable Duration firstEventTimeout, @Nullable Duration eventTimeout,
			Predicate<SseEvent> endOfStream) {
		StreamResponse.Holder holder = new StreamResponse.Holder();
		Flux<SseEvent> events = (this.httpClient != null) ? directStream(this.httpClient, call, holder)
				: request(call).exchangeToFlux((response) -> {
					HttpHeaders headers = response.headers().asHttpHeaders();
					holder.headers = headers;
					return streamBody(call, response.statusCode().value(), headers, () -> body(response),
							() -> SseEventDecoder.events(response.body(BodyExtractors.toDataBuffers()),
									MAX_BODY_BYTES));
				});
		return new StreamResponse(guard(events, call, firstEventTimeout, eventTimeout, endOfStream), holder);
	}

	/**
	 * A stream straight on Reactor Netty, as {@link #direct} for plain calls: the same
	 * request and the same reading of the answer as through the WebClient, the events split
	 * on Reactor Netty's own buffers.
	 */
	private static Flux<SseEvent> directStream(HttpClient httpClient, HttpCall call, StreamResponse.Holder holder) {
		return directRequest(httpClient, call).response((response, content) -> {
			HttpHeaders headers = headers(response);
			holder.headers = headers;
			return streamBody(call, response.status().code(), headers, () -> body(content),
					() -> SseEventDecoder.nettyEvents(content, MAX_BODY_BYTES));
		});
	}

	/**
	 * The events of a streamed answer: a non-2xx status, or a 2xx answer that is not an
	 * event stream, fails with the typed exception read from the whole body.
	 */
	private static Flux<SseEvent> streamBody(HttpCall call, int status, HttpHeaders headers,
			Supplier<Mono<byte[]>> body, Supplier<Flux<SseEvent>> events) {
		if (status < 200 || status >= 300) {
			return body.get()
				.flatMapMany((bytes) -> Flux.error(ErrorMapper.fromResponse(status, headers, bytes, call.model(),
						call.target(), credential(call))));
		}
		MediaType type = contentType(headers);
		if (type != null && !MediaType.TEXT_EVENT_STREAM.equalsTypeAndSubtype(type)) {
			return body.get().flatMapMany((bytes) -> Flux.error(notAnEventStream(call, headers, type, bytes)));
		}
		return events.get();
	}

	private static Flux<SseEvent> guard(Flux<SseEvent> events, HttpCall call,
			@Nullable Duration firstEventTimeout, @Nullable Duration eventTimeout, Predicate<SseEvent> endOfStream) {
		Duration drain = (eventTimeout != null && eventTimeout.compareTo(MAX_DRAIN) < 0) ? eventTimeout : MAX_DRAIN;
		return Flux.defer(() -> {
			StreamProgress progress = new StreamProgress();
			StreamWatchdog watchdog = new StreamWatchdog(firstEventTimeout, eventTimeout, drain, progress);
			Flux<SseEvent> guarded = events.doOnNext((event) -> {
				progress.observe(event, endOfStream);
				watchdog.observed();
			}).takeUntilOther(watchdog.expired());
			if (watchdog.timesEvents()) {
				guarded = guarded.concatWith(Flux.defer(() -> watchdog.timedOut() ? Flux.error(streamTimeout(call,
						progress.started(), progress.started() ? eventTimeout : firstEventTimeout)) : Flux.empty()));
			}
			guarded = guarded
				.onErrorResume((ex) -> progress.ended() ? Flux.empty() : Flux.error(mapTransportError(ex, call)))
				.filter((event) -> !progress.ended());
			if (watchdog.timesEvents()) {
				// timeouts count only while the subscriber waits for an event
				guarded = guarded.doOnNext((event) -> watchdog.delivered()).doOnRequest(watchdog::requested);
			}
			return guarded;
		});
	}

	/**
	 * The whole body as bytes, read straight from the connector's buffers (no codec lookup),
	 * at most {@value #MAX_BODY_BYTES} bytes.
	 */
	private static Mono<byte[]> body(ClientResponse response) {
		return DataBufferUtils.join(response.body(BodyExtractors.toDataBuffers()), MAX_BODY_BYTES)
			.map(HttpTransport::bytes)
			.defaultIfEmpty(EMPTY);
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/** Writes the body bytes as they are, with their length (no codec lookup). */
	private static BodyInserter<byte[], ReactiveHttpOutputMessage> bytesOf(byte[] body) {
		return (message, context) -> {
			message.getHeaders().setContentLength(body.length);
			return message.writeWith(Mono.fromSupplier(() -> message.bufferFactory().wrap(body)));
		};
	}

	private static @Nullable MediaType contentType(HttpHeaders headers) {
		try {
			return headers.getContentType();
		}
		catch (RuntimeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	private static HfInferenceException notAnEventStream(HttpCall call, HttpHeaders headers, MediaType type,
			byte[] body) {
		JsonNode json = null;
		try {
			json = (body.length > 0 && body[0] == '{') ? JsonCodec.get().mapper().readTree(body) : null;
		}
		catch (RuntimeException ex) {
			// not JSON: reported below
		}
		String requestId = ErrorMapper.requestId(headers);
		if (json != null && ErrorMapper.isErrorEvent(json)) {
			return ErrorMapper.fromStreamEvent(json, requestId, call.model(), call.target());
		}
		return new HfResponseException(call.target() +  " answered the streaming call for " + call.about()
				+ " with " + type + " (" + body.length + " bytes) instead of an event stream (text/event-stream): "
				+ "it ignored \"stream\": true or cannot stream this request; use the non-streaming call"
				+ ((requestId != null) ? " [request id: " + requestId + "]" : ""), null);
	}

	private static HfTimeoutException streamTimeout(HttpCall call, boolean started, @Nullable Duration timeout) {
		long millis = (timeout != null) ? timeout.toMillis() : 0;
		String wait = started ? "for " + millis + " ms after the previous event" : "within " + millis + " ms";
		return new HfTimeoutException("No stream event from " + call.target() + " for " + call.about() + " "
				+ wait + " (" + call.method() + " " + call.uri() + ")", null);
	}

	private WebClient.RequestHeadersSpec<?> request(HttpCall call) {
		WebClient.RequestBodySpec spec = this.webClient.method(call.method())
			.uri(call.uri())
			.headers((headers) -> headers.addAll(call.headers()));
		return (call.body() != null) ? spec.body(bytesOf(call.body())) : spec;
	}

	private static Mono<RawResponse> toResult(HttpCall call, ClientResponse response, byte[] body) {
		return toResult(call, response.statusCode().value(), response.headers().asHttpHeaders(), body);
	}

	private static Mono<RawResponse> toResult(HttpCall call, int status, HttpHeaders headers, byte[] body) {
		if (status >= 200 && status < 300) {
			return Mono.just(new RawResponse(status, headers, body));
		}
		return Mono.error(ErrorMapper.fromResponse(status, headers, body, call.model(), call.target(),
				credential(call)));
	}

	/** Collects the chunks of a body, failing once it grows beyond the limit. */
	private static final class BoundedBody {

		private final int limit;

		private byte[] bytes = EMPTY;

		private int length;

		BoundedBody(int limit) {
			this.limit = limit;
		}

		void add(byte[] chunk) {
			if ((long) this.length + chunk.length > this.limit) {
				throw new org.springframework.core.io.buffer.DataBufferLimitException(
						"Exceeded limit on max bytes to buffer : " + this.limit);
			}
			if (this.length == 0) {
				this.bytes = chunk;
			}
			else {
				if (this.length + chunk.length > this.bytes.length) {
					this.bytes = java.util.Arrays.copyOf(this.bytes,
							Math.min(this.limit, Math.max(this.length + chunk.length, this.bytes.length * 2)));
				}
				System.arraycopy(chunk, 0, this.bytes, this.length, chunk.length);
			}
			this.length += chunk.length;
		}

		byte[] bytes() {
			return (this.length == this.bytes.length) ? this.bytes : java.util.Arrays.copyOf(this.bytes, this.length);
		}

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

	/**
	 * The call's timeout, and transport failures mapped to the typed exceptions. The
	 * exchange is named because Reactor's {@code timeout} otherwise describes its source by
	 * walking the operator chain (streams and regular expressions) on every subscription,
	 * which costs more than the rest of the timeout; the description is never shown (the
	 * timeout becomes an {@link HfTimeoutException} with its own message).
	 */
	private static <T> Mono<T> guarded(Mono<T> mono, @Nullable Duration timeout, HttpCall call) {
		return ((timeout != null) ? mono.name(EXCHANGE_NAME).timeout(timeout, WheelTimer.INSTANCE) : mono)
			.onErrorMap((ex) -> mapTransportError(ex, call));
	}

	private static Throwable mapTransportError(Throwable ex, HttpCall call) {
		if (ex instanceof HfInferenceException) {
			return ex;
		}
		Throwable pool = poolFailure(ex);
		if (pool != null) {
			return new ConnectionPoolExhaustedException("No connection to " + call.target() + " for " + call.about()
					+ ": the connection pool is exhausted (" + rootMessage(pool) + "); raise its size or lower the "
					+ "concurrency (" + call.method() + " " + call.uri() + ")", ex);
		}
		if (ex instanceof TimeoutException) {
			return new HfTimeoutException("No complete response from " + call.target() + " for " + call.about()
					+ " within the timeout (" + call.method() + " " + call.uri() + ")", ex);
		}
		if (ex instanceof WebClientRequestException || isIoFailure(ex)) {
			return new HfConnectionException("Connection to " + call.target() + " failed for " + call.about()
					+ " (" + call.method() + " " + call.uri() + "): " + rootMessage(ex), ex);
		}
		return ex;
	}

	/**
	 * Reactor Netty's connection pool refusing a call (too many waiting, or none free in
	 * time), directly or wrapped by the WebClient; its classes are shaded, so known by name.
	 */
	private static @Nullable Throwable poolFailure(Throwable ex) {
		for (Throwable current = ex; current != null; current = current.getCause()) {
			String type = current.getClass().getSimpleName();
			if (type.equals("PoolAcquirePendingLimitException") || type.equals("PoolAcquireTimeoutException")) {
				return current;
			}
		}
		return null;
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
