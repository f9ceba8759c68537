package io.github.hfinference.core.internal.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.hub.ProviderMapping;
import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.json.JsonCodec;

/**
 * Looks up which providers serve a model ({@code GET {hub}/api/models/{id}?expand[]=inferenceProviderMapping})
 * and caches the answer for a time-to-live; concurrent lookups of the same model share
 * one request, and failures are not cached. A renamed model's redirect on the Hub host is
 * followed.
 */
public final class ProviderMappingCache {

	private final HttpTransport transport;

	private final URI hubUrl;

	private final Function<URI, HttpHeaders> headers;

	private final Duration timeToLive;

	private final Map<String, Mono<ProviderMapping>> cache = new ConcurrentHashMap<>();

	/**
	 * Creates a cache.
	 * @param transport the HTTP transport
	 * @param hubUrl the Hub base URL
	 * @param headers builds the request headers (credentials) for a Hub URI
	 * @param timeToLive how long a mapping stays cached
	 */
	public ProviderMappingCache(HttpTransport transport, URI hubUrl, Function<URI, HttpHeaders> headers,
			Duration timeToLive) {
		this.transport = transport;
		this.hubUrl = hubUrl;
		this.headers = headers;
		this.timeToLive = timeToLive;
	}

	/**
	 * The mapping of a model, from the cache or the Hub.
	 * @param modelId the model id
	 * @return the mapping
	 */
	public Mono<ProviderMapping> get(String modelId) {
		return this.cache.computeIfAbsent(modelId, this::load);
	}

	private Mono<ProviderMapping> load(String modelId) {
		URI uri = UriComponentsBuilder.fromUri(this.hubUrl)
			.pathSegment("api", "models")
			.pathSegment(HubIds.segments(modelId))
			.query("expand[]=inferenceProviderMapping")
			.encode()
			.build()
			.toUri();
		HttpCall call = new HttpCall(HttpMethod.GET, uri, this.headers.apply(uri), null, modelId, "hub");
		return this.transport.exchangeFollowingSameHostRedirects(call, Duration.ofSeconds(30))
			.map((response) -> ProviderMapping.parse(modelId, JsonCodec.get().parse(response.body())))
			.doOnError((ex) -> this.cache.remove(modelId))
			.cache((mapping) -> this.timeToLive, (ex) -> Duration.ZERO, () -> Duration.ZERO);
	}

}
