package io.github.hfinference.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.fleet.ResponseCache;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.RawResponse;
import io.github.hfinference.core.task.Task.RequestPayload;

/**
 * Plain calls through the client's {@link ResponseCache}: the key is the model id, the
 * revision last served (from this instance's last answer, else from the cache, where each
 * answer leaves the revision that served it for instances that have not called the model
 * yet, else the pin), the task and the SHA-256 of the request body (input and parameters,
 * as sent); a hit is decoded from the stored body without any call, a miss is sent and its
 * successful answer stored under the revision that served it.
 */
final class CachedCalls {

	private final ResponseCache cache;

	private final RevisionGuard revisions;

	CachedCalls(ResponseCache cache, RevisionGuard revisions) {
		this.cache = cache;
		this.revisions = revisions;
	}

	/** Whether a request goes through the cache. */
	boolean applies(InferenceRequest<?, ?, ?> request) {
		return this.cache != ResponseCache.NONE && this.cache.caches(request.model().alias(), request.task().id());
	}

	/**
	 * A call through the cache.
	 * @param request the request
	 * @param send sends the request, handing the raw answer to the given consumer
	 * @return the cached or the fresh answer
	 */
	<I, P, R> Mono<InferenceResponse<R>> call(InferenceRequest<I, P, R> request,
			Function<Consumer<RawResponse>, Mono<InferenceResponse<R>>> send) {
		return Mono.defer(() -> {
			String alias = request.model().alias();
			String digest = digest(request);
			return revision(request).flatMap((revision) -> this.cache.get(alias, key(request, revision, digest)))
				.onErrorResume((failure) -> Mono.empty())
				.map((entry) -> decode(request, entry))
				.switchIfEmpty(Mono.defer(() -> {
					AtomicReference<RawResponse> raw = new AtomicReference<>();
					return send.apply(raw::set).doOnNext((response) -> store(request, digest, raw.get(),
							response.metadata()));
				}));
		});
	}

	/**
	 * The revision a model serves, as far as this instance knows: the one its last answer
	 * reported, else the one another instance stored, else the pin ({@code -} without one).
	 */
	private Mono<String> revision(InferenceRequest<?, ?, ?> request) {
		String alias = request.model().alias();
		RevisionGuard.RevisionState state = this.revisions.state(alias);
		if (state != null) {
			return Mono.just(state.lastServed());
		}
		String pinned = (request.model().revision() != null) ? request.model().revision() : "-";
		return this.cache.servedRevision(alias).onErrorResume((failure) -> Mono.empty()).defaultIfEmpty(pinned);
	}

	private void store(InferenceRequest<?, ?, ?> request, String digest, RawResponse raw, ResponseMetadata metadata) {
		if (raw == null || raw.status() != 200) {
			return;
		}
		String served = metadata.servedRevision();
		if (served == null) {
			served = (request.model().revision() != null) ? request.model().revision() : "-";
		}
		else {
			this.cache.servedRevision(request.model().alias(), served);
		}
		this.cache.put(request.model().alias(), key(request, served, digest),
				new ResponseCache.Entry(raw.body(), raw.headers().getFirst(HttpHeaders.CONTENT_TYPE), metadata.target(),
						metadata.servedRevision(), Instant.now()));
	}

	private static <R> InferenceResponse<R> decode(InferenceRequest<?, ?, R> request, ResponseCache.Entry entry) {
		HttpHeaders headers = new HttpHeaders();
		if (entry.contentType() != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, entry.contentType());
		}
		if (entry.servedRevision() != null) {
			headers.set("x-sha", entry.servedRevision());
		}
		return TargetInvoker.decode(request.task(), entry.target(), new RawResponse(200, headers, entry.body()), 0);
	}

	private static String key(InferenceRequest<?, ?, ?> request, String revision, String digest) {
		return model(request) + "@" + revision + ":" + request.task().id() + ":" + digest;
	}

	private static String model(InferenceRequest<?, ?, ?> request) {
		return (request.model().id() != null) ? request.model().id() : request.model().alias();
	}

	private static <I, P> String digest(InferenceRequest<I, P, ?> request) {
		RequestPayload payload = request.task().encoder().encode(request.input(), request.parameters(), JsonCodec.get());
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			if (payload instanceof RequestPayload.Binary binary) {
				sha.update(String.valueOf(binary.contentType()).getBytes(StandardCharsets.UTF_8));
				sha.update(binary.bytes());
			}
			else {
				sha.update(((RequestPayload.Json) payload).bytes(JsonCodec.get()));
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
