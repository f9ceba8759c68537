package io.github.hfinference.core;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.internal.http.WheelTimer;
import io.github.hfinference.core.internal.media.MediaJobRunner;
import io.github.hfinference.core.internal.routing.AttemptRoute;
import io.github.hfinference.core.internal.routing.RequestRouter;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.RawResponse;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Task.RequestPayload;

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
		return invoke(target, request, attempt, timeout, null);
	}

	/**
	 * One attempt, handing the raw answer of a plain exchange to a consumer before it is
	 * decoded (for the response cache). A failure carries the attempt's context.
	 * @param target the target
	 * @param request the request
	 * @param attempt the attempt's number within the call (for the response metadata)
	 * @param timeout the time allowed, or null for none
	 * @param raw takes the raw answer, or null
	 * @return the decoded response
	 */
	<I, P, R> Mono<InferenceResponse<R>> invoke(InferenceTarget target, InferenceRequest<I, P, R> request, int attempt,
			@Nullable Duration timeout, @Nullable Consumer<RawResponse> raw) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return attempt(target, request, attempt, timeout, raw, start).onErrorMap((ex) -> CallContext.attach(ex,
					request.task().id(), request.model(), target, attempt, null, start));
		});
	}

	private <I, P, R> Mono<InferenceResponse<R>> attempt(InferenceTarget target, InferenceRequest<I, P, R> request,
			int attempt, @Nullable Duration timeout, @Nullable Consumer<RawResponse> raw, long start) {
		if (target instanceof InferenceTarget.InProcess inProcess) {
			return invokeInProcess(inProcess, request, attempt, timeout);
		}
		Task<I, P, R> task = request.task();
		return Mono.defer(() -> {
			RequestPayload payload = task.encoder().encode(request.input(), request.parameters(), JsonCodec.get());
			return this.router.route(task, request.model(), target, payload, request.options().headers())
				.flatMap((route) -> send(route, timeout, raw))
				.map((answer) -> checked(request, target, decode(request, target, answer, attempt, start)));
		});
	}

	/** Runs the attempt's route: one exchange (its raw answer handed to {@code raw}), or a media job. */
	private Mono<RawResponse> send(AttemptRoute route, @Nullable Duration timeout,
			@Nullable Consumer<RawResponse> raw) {
		if (route instanceof AttemptRoute.MediaJob job) {
			return this.jobs.run(job.call(), job.provider(), job.credentials(), timeout);
		}
		Mono<RawResponse> response = this.transport.exchange(route.call(), timeout);
		return (raw != null) ? response.doOnNext(raw) : response;
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
			result = result.timeout(timeout, WheelTimer.INSTANCE).onErrorMap(TimeoutException.class,
					(ex) -> new HfTimeoutException("No result from in-process provider '" + target.provider()
							+ "' for model '" + request.model().alias() + "' within " + timeout.toMillis() + " ms", ex));
		}
		return result.map((value) -> new InferenceResponse<>(value,
				ResponseMetadata.local(target.provider()).withAttempts(attempt)));
	}

	/** The decoded answer; a decoding failure carries the attempt's context and the response's request id. */
	private static <R> InferenceResponse<R> decode(InferenceRequest<?, ?, R> request, InferenceTarget target,
			RawResponse response, int attempt, long start) {
		try {
			return decode(request.task(), target.name(), response, attempt);
		}
		catch (HfInferenceException ex) {
			throw (HfInferenceException) CallContext.attach(ex, request.task().id(), request.model(), target, attempt,
					ResponseMetadata.from(target.name(), response.headers(), attempt).requestId(), start);
		}
	}

	/**
	 * Decodes a raw answer.
	 * @param task the task
	 * @param target the name of the target that answered
	 * @param response the raw answer
	 * @param attempt the attempt's number (for the metadata)
	 * @return the decoded response
	 */
	static <R> InferenceResponse<R> decode(Task<?, ?, R> task, String target, RawResponse response, int attempt) {
		R value;
		try {
			value = task.decoder().decode(response, JsonCodec.get());
		}
		catch (RuntimeException ex) {
			if (ex instanceof HfInferenceException typed) {
				throw typed;
			}
			throw new HfResponseException("Cannot decode the " + task.id() + " response from " + target + ": "
					+ ex.getMessage(), ex);
		}
		ResponseMetadata metadata = ResponseMetadata.from(target, response.headers(), attempt);
		if (value instanceof TokenUsage usage) {
			metadata = metadata.withTokens(usage.promptTokens(), usage.generatedTokens());
		}
		return new InferenceResponse<>(value, metadata);
	}

}
