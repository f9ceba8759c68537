package io.github.hfinference.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.http.ErrorMapper;
import io.github.hfinference.core.http.HttpCall;
import io.github.hfinference.core.http.HttpTransport;
import io.github.hfinference.core.http.JsonCodec;
import io.github.hfinference.core.http.StreamResponse;
import io.github.hfinference.core.routing.InferenceTarget;
import io.github.hfinference.core.routing.RequestRouter;
import io.github.hfinference.core.task.StreamingTask;

/**
 * One attempt of one streaming call on one target: encode with {@code "stream": true},
 * route, open the event stream, turn each event into a chunk (or an error event into the
 * typed exception a non-streaming call would raise). The streaming counterpart of
 * {@link TargetInvoker}.
 */
final class StreamInvoker {

	private static final int MAX_QUOTED_EVENT = 200;

	private final HttpTransport transport;

	private final RequestRouter router;

	StreamInvoker(HttpTransport transport, RequestRouter router) {
		this.transport = transport;
		this.router = router;
	}

	/**
	 * Streams a request from one target.
	 * @param target the target
	 * @param request the request
	 * @param timeout the time allowed until the first event and between two events, or
	 * null for none
	 * @return the chunks and their metadata
	 */
	<I, P, C> StreamingResponse<C> stream(InferenceTarget target, StreamingRequest<I, P, C> request,
			@Nullable Duration timeout) {
		Sinks.One<ResponseMetadata> metadata = Sinks.one();
		Flux<C> chunks = Flux.defer(() -> {
			Exchange exchange = new Exchange(target);
			return open(target, request, timeout, exchange).doOnNext(exchange::observe)
				.doOnComplete(() -> exchange.publish(metadata))
				.doOnCancel(() -> exchange.publish(metadata))
				.doOnError(metadata::tryEmitError);
		});
		return new StreamingResponse<>(chunks, metadata.asMono());
	}

	private <I, P, C> Flux<C> open(InferenceTarget target, StreamingRequest<I, P, C> request,
			@Nullable Duration timeout, Exchange exchange) {
		if (target instanceof InferenceTarget.InProcess) {
			return Flux.error(new HfConfigurationException("Target " + target.name() + " of model '"
					+ request.model().alias() + "' runs in process and cannot stream " + request.task().id()));
		}
		StreamingTask<I, P, C> task = request.task();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE);
		headers.putAll(request.options().headers());
		return Mono.fromCallable(() -> task.encoder().encode(request.input(), request.parameters(), JsonCodec.get()))
			.flatMap((payload) -> this.router.resolve(task.task(), request.model(), target, payload, headers))
			.flatMapMany((call) -> {
				StreamResponse response = this.transport.stream(call, timeout, timeout, task::isEndOfStream);
				exchange.response = response;
				return response.events().handle((event, sink) -> {
					C chunk = decode(task, event, call, response.headers());
					if (chunk != null) {
						sink.next(chunk);
					}
				});
			});
	}

	private static <C> @Nullable C decode(StreamingTask<?, ?, C> task, ServerSentEvent<String> event, HttpCall call,
			@Nullable HttpHeaders headers) {
		String data = event.data();
		if (data == null || data.isBlank()) {
			return null;
		}
		JsonNode json = parse(data, "error".equals(event.event()), call);
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

	/** What one exchange learned for its metadata: headers and the last token usage. */
	private static final class Exchange {

		private final InferenceTarget target;

		private volatile @Nullable StreamResponse response;

		private volatile @Nullable TokenUsage usage;

		Exchange(InferenceTarget target) {
			this.target = target;
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
			ResponseMetadata metadata = ResponseMetadata.from(this.target.name(), headers);
			TokenUsage tokens = this.usage;
			if (tokens != null) {
				metadata = metadata.withTokens(tokens.promptTokens(), tokens.generatedTokens());
			}
			sink.tryEmitValue(metadata);
		}

	}

}
