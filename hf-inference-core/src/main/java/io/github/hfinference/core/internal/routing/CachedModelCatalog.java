package io.github.hfinference.core.internal.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.catalog.ModelCatalog;
import io.github.hfinference.core.catalog.ModelCatalog.Model;
import io.github.hfinference.core.catalog.ModelCatalog.Snapshot;
import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.internal.http.HttpTransport;

/**
 * The {@link ModelCatalog} of the router: fetched over the shared {@link HttpTransport} and kept in a
 * Caffeine {@code refreshAfterWrite} cache (one request in flight per load or refresh; a failed refresh
 * keeps the previous catalogue).
 */
public final class CachedModelCatalog implements ModelCatalog {

	private static final String KEY = "v1/models";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final AsyncLoadingCache<String, Snapshot> cache;

	/**
	 * Creates a catalogue.
	 * @param transport the transport
	 * @param baseUrl the router base URL
	 * @param headers the request headers for the catalogue URL (user agent; no credentials)
	 * @param timeToLive how long a fetched catalogue is used before a background refresh
	 */
	public CachedModelCatalog(HttpTransport transport, URI baseUrl, Function<URI, HttpHeaders> headers,
			Duration timeToLive) {
		this(transport, baseUrl, headers, timeToLive, Ticker.systemTicker(), Runnable::run);
	}

	/**
	 * A catalogue whose requests carry only a {@code User-Agent}.
	 * @param transport the transport
	 * @param baseUrl the router base URL
	 * @param userAgent the {@code User-Agent}
	 * @param timeToLive how long a fetched catalogue is used before a background refresh
	 * @return the catalogue
	 */
	public static CachedModelCatalog create(HttpTransport transport, URI baseUrl, String userAgent, Duration timeToLive) {
		return new CachedModelCatalog(transport, baseUrl, (uri) -> {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.USER_AGENT, userAgent);
			return headers;
		}, timeToLive);
	}

	CachedModelCatalog(HttpTransport transport, URI baseUrl, Function<URI, HttpHeaders> headers, Duration timeToLive,
			Ticker ticker, Executor executor) {
		URI url = UriComponentsBuilder.fromUri(baseUrl).path("/v1/models").build().toUri();
		this.cache = Caffeine.newBuilder()
			.refreshAfterWrite(timeToLive)
			.ticker(ticker)
			.executor(executor)
			.buildAsync((key, ignored) -> transport
				.exchange(new HttpCall(HttpMethod.GET, url, headers.apply(url), null, "catalog", "router"), TIMEOUT)
				.map((response) -> Snapshot.parse(response.body()))
				.toFuture());
	}

	@Override
	public Mono<Snapshot> catalog() {
		return Mono.fromFuture(this::current);
	}

	/** The cached load, or a new one when the last one failed (Caffeine drops it asynchronously). */
	private CompletableFuture<Snapshot> current() {
		CompletableFuture<Snapshot> future = this.cache.get(KEY);
		if (future.isCompletedExceptionally()) {
			this.cache.asMap().remove(KEY, future);
			future = this.cache.get(KEY);
		}
		return future;
	}

	@Override
	public Mono<Model> model(String modelId) {
		return catalog().flatMap((snapshot) -> Mono.justOrEmpty(snapshot.model(modelId)));
	}

	@Override
	public Optional<Snapshot> now() {
		CompletableFuture<Snapshot> future = current();
		return (future.isDone() && !future.isCompletedExceptionally()) ? Optional.of(future.join())
				: Optional.empty();
	}

	@Override
	public Optional<Snapshot> cached() {
		CompletableFuture<Snapshot> future = this.cache.getIfPresent(KEY);
		return (future != null && future.isDone() && !future.isCompletedExceptionally())
				? Optional.of(future.join()) : Optional.empty();
	}

	/**
	 * How old the cached catalogue is by the cache's clock; negative while a load is in
	 * flight (Caffeine stamps an asynchronously loaded entry when its future completes).
	 */
	public Optional<Duration> age() {
		return this.cache.synchronous().policy().refreshAfterWrite().flatMap((policy) -> policy.ageOf(KEY));
	}

	@Override
	public Mono<Snapshot> refresh() {
		return Mono.fromFuture(() -> this.cache.synchronous().refresh(KEY));
	}

}
