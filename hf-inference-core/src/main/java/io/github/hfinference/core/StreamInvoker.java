package io.github.hfinference.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.internal.http.ErrorMapper;
import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.internal.http.StreamResponse;
import io.github.hfinference.core.internal.resilience.ResilientExecutor;
import io.github.hfinference.core.internal.routing.AttemptRoute;
import io.github.hfinference.core.internal.routing.RequestRouter;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.internal.http.SseEvent;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.task.StreamingTask;

/**
 * Streaming calls: each attempt encodes with {@code "stream": true}, routes, opens the
 * event stream and turns each event into a chunk (or an error event into the typed
 * exception a non-streaming call would raise). Attempts run under the model's resilience
 * policy ({@link ResilientExecutor}): admission, circuit breakers, and retry or failover
 * on a retryable failure until the first chunk was delivered, never after. The served
 * revision ({@code x-sha}) is checked by the {@link RevisionGuard} before the first chunk.
 * The streaming counterpart of {@link TargetInvoker}.
 */
final class StreamInvoker {

	private static final int MAX_QUOTED_EVENT = 200;

	/**
	 * Data without text containing these bytes may be an error event
	 * ({@code {"error": ...}}): it takes the tree path, which tells. Anything else is read
	 * straight into the chunk.
	 */
	private static final SseEvent.Needle ERROR_FIELD = new SseEvent.Needle("\"error\"");

	private final HttpTransport transport;

	private final RequestRouter router;

	private final ResilientExecutor resilience;

	private final RevisionGuard revisionGuard;

	private final FleetAttempts fleet;

	StreamInvoker(HttpTransport transport, RequestRouter router, ResilientExecutor resilience,
			RevisionGuard revisionGuard, FleetAttempts fleet) {
		this.transport = transport;
		this.router = router;
		this.resilience = resilience;
		this.revisionGuard = revisionGuard;
		this.fleet = fleet;
	}

	/**
	 * Streams a request from the model's targets.
	 * @param request the request
	 * @param timeout the time allowed until the first event (per attempt, shortened to the
	 * call's deadline) and between two events, or null for none
	 * @return the chunks and the metadata of the attempt that served them
	 */
	<I, P, C> StreamingResponse<C> stream(StreamingRequest<I, P, C> request, @Nullable Duration timeout) {
		Sinks.One<ResponseMetadata> metadata = Sinks.one();
		Flux<C> chunks = Flux.defer(() -> {
			AtomicReference<@Nullable Exchange> served = new AtomicReference<>();
			return this.resilience.execute(request.model(), timeout, (attempt) -> {
				Exchange exchange = new Exchange(attempt.target(), attempt.number());
				served.set(exchange);
				return this.fleet.around(request.model(), request.task().id(), request.input(), request.parameters(),
						attempt, open(attempt.target(), request, attempt.timeout(), timeout, exchange));
			}).doOnEach((signal) -> {
				if (signal.isOnNext()) {
					observe(served.get(), signal.get());
				}
				else if (signal.isOnComplete()) {
					publish(served.get(), metadata);
				}
				else if (signal.isOnError()) {
					metadata.tryEmitError(signal.getThrowable());
				}
			}).doOnCancel(() -> publish(served.get(), metadata));
		});
		return new StreamingResponse<>(chunks, metadata.asMono());
	}

	private static void observe(@Nullable Exchange exchange, Object chunk) {
		if (exchange != null) {
			exchange.observe(chunk);
		}
	}

	private static void publish(@Nullable Exchange exchange, Sinks.One<ResponseMetadata> metadata) {
		if (exchange != null) {
			exchange.publish(metadata);
		}
		else {
			metadata.tryEmitEmpty();
		}
	}

	private <I, P, C> Flux<C> open(InferenceTarget target, StreamingRequest<I, P, C> request,
			@Nullable Duration firstEventTimeout, @Nullable Duration eventTimeout, Exchange exchange) {
		if (target instanceof InferenceTarget.InProcess) {
			return Flux.error(new HfConfigurationException("Target " + target.name() + " of model '"
					+ request.model().alias() + "' runs in process and cannot stream " + request.task().id()));
		}
		long start = System.nanoTime();
		return exchange(target, request, firstEventTimeout, eventTimeout, exchange)
			.onErrorMap((ex) -> CallContext.attach(ex, request.task().id(), request.model(), target, exchange.attempt,
					exchange.requestId(), start));
	}

	private <I, P, C> Flux<C> exchange(InferenceTarget target, StreamingRequest<I, P, C> request,
			@Nullable Duration firstEventTimeout, @Nullable Duration eventTimeout, Exchange exchange) {
		StreamingTask<I, P, C> task = request.task();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE);
		headers.putAll(request.options().headers());
		return Mono.fromCallable(() -> task.encoder().encode(request.input(), request.parameters(), JsonCodec.get()))
			.flatMap((payload) -> this.router.route(task.task(), request.model(), target, payload, headers))
			.flatMapMany((route) -> {
				if (!(route instanceof AttemptRoute.Exchange)) {
					return Flux.error(new HfConfigurationException("Target " + target.name() + " of model '"
							+ request.model().alias() + "' runs " + task.id() + " as a media job, which cannot stream"));
				}
				HttpCall call = route.call();
				StreamResponse response = this.transport.stream(call, firstEventTimeout, eventTimeout,
						endOfStream(task));
				exchange.response = response;
				return response.events().handle((event, sink) -> {
					checkRevision(request, exchange, response.headers());
					C chunk = decode(task, event, call, response.headers());
					if (chunk != null) {
						sink.next(chunk);
					}
				});
			});
	}

	private void checkRevision(StreamingRequest<?, ?, ?> request, Exchange exchange,
			@Nullable HttpHeaders headers) {
		if (exchange.revisionChecked || headers == null) {
			return;
		}
		exchange.revisionChecked = true;
		this.revisionGuard.check(request.model(), request.model().revisionMismatch(), exchange.target.name(),
				headers.getFirst("x-sha"));
	}

	/** The task's end-of-stream test on an event: on its bytes for a fixed marker such as {@code [DONE]}. */
	private static Predicate<SseEvent> endOfStream(StreamingTask<?, ?, ?> task) {
		String marker = task.endMarker();
		if (marker != null) {
			byte[] bytes = marker.getBytes(StandardCharsets.UTF_8);
			return (event) -> event.dataIs(bytes);
		}
		return (event) -> {
			String data = event.text();
			return data != null && task.isEndOfStream(data.strip());
		};
	}

	/**
	 * One event as a chunk, or null for an event without data. Data is read straight from
	 * its bytes into the chunk type when the task allows it ({@link StreamingTask#readChunk});
	 * a chunk with text is taken as it is, one without is taken unless its data mentions
	 * {@code "error"}. Everything else, and data that does not read as a chunk, is parsed
	 * as a tree: error events become typed exceptions, the rest goes to the task's decoder.
	 */
	private static <C> @Nullable C decode(StreamingTask<?, ?, C> task, SseEvent event, HttpCall call,
			@Nullable HttpHeaders headers) {
		if (event.isBlank()) {
			return null;
		}
		boolean errorEvent = "error".equals(event.event());
		byte[] bytes = event.data();
		if (!errorEvent && bytes != null) {
			C chunk = task.readChunk(bytes, JsonCodec.get());
			// A chunk with text is no error event; only the others (role, finish, usage) are searched.
			if (chunk != null && (task.text(chunk) != null || !event.dataContains(ERROR_FIELD))) {
				return chunk;
			}
		}
		String data = (event.text() != null) ? event.text() : "";
		JsonNode json = parse(data, errorEvent, call);
		if (ErrorMapper.isErrorEvent(json)) {
			throw ErrorMapper.fromStreamEvent(json, (headers != null) ? ErrorMapper.requestId(headers) : null,
					call.model(), call.target());
		}
		try {
			return task.decoder().decode(json, JsonCodec.get());
		}
		catch (HfInferenceException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new HfResponseException("Cannot decode the " + task.id() + " stream event from " + call.target()
					+ " for model '" + call.model() + "': " + ex.getMessage() + " (event: " + quote(data) + ")", ex);
		}
	}

	private static JsonNode parse(String data, boolean errorEvent, HttpCall call) {
		try {
			JsonNode json = JsonCodec.get().mapper().readTree(data);
			if (!errorEvent || ErrorMapper.isErrorEvent(json)) {
				return json;
			}
			ObjectNode wrapped = JsonCodec.get().object();
			wrapped.set("error", json);
			return wrapped;
		}
		catch (JacksonException ex) {
			if (errorEvent) {
				ObjectNode wrapped = JsonCodec.get().object();
				wrapped.put("error", data.strip());
				return wrapped;
			}
			throw new HfResponseException("Stream event from " + call.target() + " for model '" + call.model()
					+ "' is not JSON: " + quote(data), ex);
		}
	}

	private static String quote(String data) {
		String stripped = data.strip();
		return (stripped.length() > MAX_QUOTED_EVENT) ? stripped.substring(0, MAX_QUOTED_EVENT) + "..." : stripped;
	}

	/** What one attempt learned for its metadata: target, headers and the last token usage. */
	private static final class Exchange {

		private final InferenceTarget target;

		private final int attempt;

		private volatile boolean revisionChecked;

		private volatile @Nullable StreamResponse response;

		private volatile @Nullable TokenUsage usage;

		Exchange(InferenceTarget target, int attempt) {
			this.target = target;
			this.attempt = attempt;
		}

		@Nullable String requestId() {
			StreamResponse current = this.response;
			HttpHeaders headers = (current != null) ? current.headers() : null;
			return (headers != null) ? ErrorMapper.requestId(headers) : null;
		}

		void observe(Object chunk) {
			if (chunk instanceof TokenUsage tokens
					&& (tokens.promptTokens() != null || tokens.generatedTokens() != null)) {
				this.usage = tokens;
			}
		}

		void publish(Sinks.One<ResponseMetadata> sink) {
			StreamResponse current = this.response;
			HttpHeaders headers = (current != null) ? current.headers() : null;
			if (headers == null) {
				sink.tryEmitEmpty();
				return;
			}
			ResponseMetadata metadata = ResponseMetadata.from(this.target.name(), headers).withAttempts(this.attempt);
			TokenUsage tokens = this.usage;
			if (tokens != null) {
				metadata = metadata.withTokens(tokens.promptTokens(), tokens.generatedTokens());
			}
			sink.tryEmitValue(metadata);
		}

	}

}
