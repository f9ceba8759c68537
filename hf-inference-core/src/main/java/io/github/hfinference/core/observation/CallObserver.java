package io.github.hfinference.core.observation;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;

/**
 * Wraps a whole call (all its attempts) in a {@code gen_ai.client.operation} observation.
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
				observation.error(ex);
				observation.stop();
			})
				.doOnCancel(observation::stop)
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

}
