package io.github.hfinference.core.internal.routing;

import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.hub.HubClient;
import io.github.hfinference.core.hub.HubClient.EndpointInfo;
import io.github.hfinference.core.hub.HubClient.ModelInfo;
import io.github.hfinference.core.hub.HubClient.WhoAmI;
import io.github.hfinference.core.hub.ProviderMapping;
import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.RawResponse;

/**
 * The {@link HubClient} over the shared {@link HttpTransport}.
 */
public final class DefaultHubClient implements HubClient {

	private final HttpTransport transport;

	private final URI hubUrl;

	private final Function<URI, HttpHeaders> hubHeaders;

	private final Function<InferenceTarget.Endpoint, HttpHeaders> endpointHeaders;

	/**
	 * Creates a Hub client.
	 * @param transport the HTTP transport
	 * @param hubUrl the Hub base URL
	 * @param hubHeaders headers (with the token where allowed) for a Hub URI
	 * @param endpointHeaders headers (with the endpoint's credentials) for an endpoint
	 */
	public DefaultHubClient(HttpTransport transport, URI hubUrl, Function<URI, HttpHeaders> hubHeaders,
			Function<InferenceTarget.Endpoint, HttpHeaders> endpointHeaders) {
		this.transport = transport;
		this.hubUrl = hubUrl;
		this.hubHeaders = hubHeaders;
		this.endpointHeaders = endpointHeaders;
	}

	@Override
	public Mono<WhoAmI> whoami(Duration timeout) {
		URI uri = UriComponentsBuilder.fromUri(this.hubUrl).path("/api/whoami-v2").build().toUri();
		return get(uri, this.hubHeaders.apply(uri), null, "hub", timeout)
			.map((response) -> JsonCodec.get().convert(JsonCodec.get().parse(response.body()), WhoAmI.class));
	}

	@Override
	public Mono<ModelInfo> modelInfo(String modelId, Duration timeout) {
		URI uri = UriComponentsBuilder.fromUri(this.hubUrl)
			.pathSegment("api", "models")
			.pathSegment(HubIds.segments(modelId))
			.query("expand[]=sha&expand[]=inference&expand[]=inferenceProviderMapping")
			.encode()
			.build()
			.toUri();
		return get(uri, this.hubHeaders.apply(uri), modelId, "hub", timeout).map((response) -> {
			JsonNode node = JsonCodec.get().parse(response.body());
			return new ModelInfo(node.path("id").asString(modelId), node.path("sha").asString(null),
					node.path("inference").asString(null), ProviderMapping.parse(modelId, node).entries());
		});
	}

	@Override
	public Mono<Void> endpointHealth(InferenceTarget.Endpoint endpoint, Duration timeout) {
		URI uri = UriComponentsBuilder.fromUri(endpoint.url()).path("/health").build().toUri();
		return get(uri, this.endpointHeaders.apply(endpoint), endpoint.name(), endpoint.name(), timeout).then();
	}

	@Override
	public Mono<EndpointInfo> endpointInfo(InferenceTarget.Endpoint endpoint, Duration timeout) {
		URI uri = UriComponentsBuilder.fromUri(endpoint.url()).path("/info").build().toUri();
		return get(uri, this.endpointHeaders.apply(endpoint), endpoint.name(), endpoint.name(), timeout)
			.map((response) -> {
				JsonNode node = JsonCodec.get().parse(response.body());
				return new EndpointInfo(node.path("model_id").asString(null), node.path("model_sha").asString(null));
			});
	}

	private Mono<RawResponse> get(URI uri, HttpHeaders headers, @Nullable String model, String target,
			Duration timeout) {
		return this.transport.exchange(new HttpCall(HttpMethod.GET, uri, headers, null, model, target), timeout);
	}

}
