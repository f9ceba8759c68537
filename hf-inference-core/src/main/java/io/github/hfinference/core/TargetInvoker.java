package io.github.hfinference.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.http.HttpTransport;
import io.github.hfinference.core.http.JsonCodec;
import io.github.hfinference.core.http.RawResponse;
import io.github.hfinference.core.provider.MediaJobRunner;
import io.github.hfinference.core.routing.InProcessProvider;
import io.github.hfinference.core.routing.InferenceTarget;
import io.github.hfinference.core.routing.RequestRouter;
import io.github.hfinference.core.task.RequestPayload;
import io.github.hfinference.core.task.Task;

/**
 * One attempt of one call on one target: encode, route, exchange, decode. Everything
 * above it (admission, target choice, retry) decides when and where; this class only
 * does.
 */
final class TargetInvoker {

	private final HttpTransport transport;

	private final RequestRouter router;

	private final Map<String, InProcessProvider> inProcessProviders;

	private final RevisionGuard revisionGuard;

	private final MediaJobRunner jobs;

	TargetInvoker(HttpTransport transport, RequestRouter router, Map<String, InProcessProvider> inProcessProviders,
			RevisionGuard revisionGuard, MediaJobRunner jobs) {
		this.jobs = jobs;
		this.transport = transport;
		this.router = router;
		this.inProcessProviders = Map.copyOf(inProcessProviders);
		this.revisionGuard = revisionGuard;
	}

	/**
	 * One attempt.
	 * @param target the target
	 * @param request the request
	 * @param attempt the attempt's number within the call (for the response metadata)
	 * @param timeout the time allowed, or null for none
	 * @return the decoded response
	 */
	<I, P, R> Mono<InferenceResponse<R>> invoke(InferenceTarget target, InferenceRequest<I, P, R> request, int attempt,
			@Nullable Duration timeout) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return attempt(target, request, attempt, timeout, start).onErrorMap((ex) -> CallContext.attach(ex,
					request.task().id(), request.model(), target, attempt, null, start));
		});
	}

	private <I, P, R> Mono<InferenceResponse<R>> attempt(InferenceTarget target, InferenceRequest<I, P, R> request,
			int attempt, @Nullable Duration timeout, long start) {
		if (target instanceof InferenceTarget.InProcess inProcess) {
			return invokeInProcess(inProcess, request, attempt, timeout);
		}
		Task<I, P, R> task = request.task();
		return Mono.defer(() -> {
			RequestPayload payload = task.encoder().encode(request.input(), request.parameters(), JsonCodec.get());
			Mono<RawResponse> response = !this.router.mayRunAsMediaJob(task, target)
					? exchange(request, target, payload, timeout)
					: this.router.resolveMedia(task, request.model(), target, payload, request.options().headers())
						.flatMap((media) -> this.jobs.run(media.call(), media.provider(), media.credentials(), timeout))
						.switchIfEmpty(Mono.defer(() -> exchange(request, target, payload, timeout)));
			return response.map((raw) -> checked(request, target, decode(request, target, raw, attempt, start)));
		});
	}

	private Mono<RawResponse> exchange(InferenceRequest<?, ?, ?> request, InferenceTarget target,
			RequestPayload payload, @Nullable Duration timeout) {
		return this.router.resolve(request.task(), request.model(), target, payload, request.options().headers())
			.flatMap((call) -> this.transport.exchange(call, timeout));
	}

	/** The response, once its served revision was checked against the model's pin. */
	private <R> InferenceResponse<R> checked(InferenceRequest<?, ?, R> request, InferenceTarget target,
			InferenceResponse<R> response) {
		this.revisionGuard.check(request.model(), request.model().revisionMismatch(), target.name(),
				response.metadata().servedRevision());
		return response;
	}

	private <I, P, R> Mono<InferenceResponse<R>> invokeInProcess(InferenceTarget.InProcess target,
			InferenceRequest<I, P, R> request, int attempt, @Nullable Duration timeout) {
		InProcessProvider provider = this.inProcessProviders.get(target.provider());
		if (provider == null) {
			return Mono.error(new HfConfigurationException("No in-process provider named '" + target.provider()
					+ "' is registered (model '" + request.model().alias() + "'); add the module that provides it"));
		}
		if (!provider.supports(request.task())) {
			return Mono.error(new HfConfigurationException("Provider '" + target.provider() + "' cannot run task '"
					+ request.task().id() + "' (model '" + request.model().alias() + "')"));
		}
		Mono<R> result = Mono.defer(
				() -> provider.execute(request.task(), request.model(), request.input(), request.parameters()));
		if (timeout != null) {
			result = result.timeout(timeout).onErrorMap(TimeoutException.class,
					(ex) -> new HfTimeoutException("No result from in-process provider '" + target.provider()
							+ "' for model '" + request.model().alias() + "' within " + timeout.toMillis() + " ms", ex));
		}
		return result.map((value) -> new InferenceResponse<>(value,
				ResponseMetadata.local(target.provider()).withAttempts(attempt)));
	}

	/** The decoded answer; a decoding failure carries the response's request id. */
	private static <R> InferenceResponse<R> decode(InferenceRequest<?, ?, R> request, InferenceTarget target,
			RawResponse response, int attempt, long start) {
		Task<?, ?, R> task = request.task();
		ResponseMetadata metadata = ResponseMetadata.from(target.name(), response.headers(), attempt);
		R value;
		try {
			value = task.decoder().decode(response, JsonCodec.get());
		}
		catch (RuntimeException ex) {
			HfInferenceException failure = (ex instanceof HfInferenceException typed) ? typed
					: new HfResponseException("Cannot decode the " + task.id() + " response from " + target.name()
							+ ": " + ex.getMessage(), ex);
			throw (HfInferenceException) CallContext.attach(failure, task.id(), request.model(), target, attempt,
					metadata.requestId(), start);
		}
		if (value instanceof TokenUsage usage) {
			metadata = metadata.withTokens(usage.promptTokens(), usage.generatedTokens());
		}
		return new InferenceResponse<>(value, metadata);
	}

}
