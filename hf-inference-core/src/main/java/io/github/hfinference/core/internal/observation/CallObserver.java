package io.github.hfinference.core.internal.observation;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.StreamingRequest;
import io.github.hfinference.core.StreamingResponse;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfInferenceException.ErrorContext;
import io.github.hfinference.core.observation.DefaultInferenceObservationConvention;
import io.github.hfinference.core.observation.InferenceCallListener;
import io.github.hfinference.core.observation.InferenceObservationContext;
import io.github.hfinference.core.observation.InferenceObservationConvention;
import io.github.hfinference.core.observation.InferenceObservationDocumentation;

/**
 * Wraps a whole call (all its attempts), plain or streamed, in a
 * {@code gen_ai.client.operation} observation.
 */
public final class CallObserver {

	private static final DefaultInferenceObservationConvention DEFAULT_CONVENTION = new DefaultInferenceObservationConvention();

	private final ObservationRegistry registry;

	private final @Nullable InferenceObservationConvention convention;

	private final List<InferenceCallListener> listeners;

	/**
	 * Creates an observer.
	 * @param registry the registry ({@link ObservationRegistry#NOOP} to observe nothing)
	 * @param convention a custom convention, or null for the default
	 */
	public CallObserver(ObservationRegistry registry, @Nullable InferenceObservationConvention convention) {
		this(registry, convention, List.of());
	}

	/**
	 * Creates an observer that also tells listeners about every call's outcome.
	 * @param registry the registry ({@link ObservationRegistry#NOOP} to observe nothing)
	 * @param convention a custom convention, or null for the default
	 * @param listeners the listeners, told even when the registry is a no-op
	 */
	public CallObserver(ObservationRegistry registry, @Nullable InferenceObservationConvention convention,
			List<InferenceCallListener> listeners) {
		this.registry = registry;
		this.convention = convention;
		this.listeners = List.copyOf(listeners);
	}

	/**
	 * Observes a call.
	 * @param <R> the result type
	 * @param request the request
	 * @param call the call, not yet subscribed
	 * @return the observed call
	 */
	public <R> Mono<InferenceResponse<R>> observe(InferenceRequest<?, ?, R> request, Mono<InferenceResponse<R>> call) {
		return observeCall(request, notifyListeners(request, call));
	}

	private <R> Mono<InferenceResponse<R>> notifyListeners(InferenceRequest<?, ?, R> request,
			Mono<InferenceResponse<R>> call) {
		if (this.listeners.isEmpty()) {
			return call;
		}
		String alias = request.model().alias();
		String task = request.task().id();
		return call.doOnSuccess((response) -> {
			if (response != null) {
				this.listeners.forEach((listener) -> safely(() -> listener.onSuccess(alias, task, response.metadata())));
			}
		}).doOnError((ex) -> this.listeners.forEach((listener) -> safely(() -> listener.onFailure(alias, task, ex))));
	}

	/** The target the failed call last tried, from the failure's context. */
	private static @Nullable String failedTarget(Throwable error) {
		ErrorContext failure = (error instanceof HfInferenceException typed) ? typed.getContext() : null;
		return (failure != null) ? failure.target() : null;
	}

	private static void safely(Runnable notification) {
		try {
			notification.run();
		}
		catch (RuntimeException ex) {
			// a listener must not break the call
		}
	}

	private <R> Mono<InferenceResponse<R>> observeCall(InferenceRequest<?, ?, R> request,
			Mono<InferenceResponse<R>> call) {
		if (this.registry.isNoop()) {
			return call;
		}
		return Mono.defer(() -> {
			InferenceObservationContext context = new InferenceObservationContext(request.model().alias(),
					request.model().displayName(), request.task().id());
			Observation observation = InferenceObservationDocumentation.INFERENCE_CALL
				.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
				.start();
			// stop before the signal reaches the subscriber, so a caller sees a finished observation
			return call.doOnSuccess((response) -> {
				if (response != null) {
					context.setMetadata(response.metadata());
				}
				observation.stop();
			}).doOnError((ex) -> {
				context.setServedBy(failedTarget(ex));
				observation.error(ex);
				observation.stop();
			})
				.doOnCancel(observation::stop)
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/**
	 * Observes a streamed call: one observation from subscription (all attempts) until the
	 * chunks complete, fail or are cancelled, marked as streaming and carrying the
	 * response metadata (the serving target, token usage from the last chunk that reported
	 * it).
	 * @param <C> the chunk type
	 * @param request the request
	 * @param chunks the chunks, not yet subscribed
	 * @param metadata the response metadata, resolved by the time the chunks terminate or
	 * are cancelled (as {@link StreamingResponse#metadata()} is)
	 * @return the observed chunks
	 */
	public <C> Flux<C> observeStream(StreamingRequest<?, ?, C> request, Flux<C> chunks,
			Mono<ResponseMetadata> metadata) {
		return observeStreamedCall(request, notifyListeners(request, chunks, metadata), metadata);
	}

	private <C> Flux<C> notifyListeners(StreamingRequest<?, ?, C> request, Flux<C> chunks,
			Mono<ResponseMetadata> metadata) {
		if (this.listeners.isEmpty()) {
			return chunks;
		}
		String alias = request.model().alias();
		String task = request.task().id();
		return chunks.doOnComplete(() -> metadata.subscribe((resolved) -> this.listeners
			.forEach((listener) -> safely(() -> listener.onSuccess(alias, task, resolved))), (ex) -> {
			}))
			.doOnError((ex) -> this.listeners.forEach((listener) -> safely(() -> listener.onFailure(alias, task, ex))));
	}

	private <C> Flux<C> observeStreamedCall(StreamingRequest<?, ?, C> request, Flux<C> chunks,
			Mono<ResponseMetadata> metadata) {
		if (this.registry.isNoop()) {
			return chunks;
		}
		return Flux.defer(() -> {
			InferenceObservationContext context = new InferenceObservationContext(request.model().alias(),
					request.model().displayName(), request.task().id());
			context.setStreaming(true);
			Observation observation = InferenceObservationDocumentation.INFERENCE_CALL
				.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
				.start();
			AtomicBoolean stopped = new AtomicBoolean();
			// the metadata is already resolved when the chunks end: reading it is synchronous
			Runnable stop = () -> {
				if (stopped.compareAndSet(false, true)) {
					metadata.subscribe(context::setMetadata, (ex) -> {
					});
					observation.stop();
				}
			};
			// stop before completion reaches the subscriber; a cancel reaches the source
			// (which then publishes the metadata) after this operator, hence doFinally
			return chunks.doOnComplete(stop).doOnError((ex) -> {
				context.setServedBy(failedTarget(ex));
				observation.error(ex);
				stop.run();
			})
				.doFinally((signal) -> stop.run())
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

}
