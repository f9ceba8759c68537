package io.github.hfinference.core.hub;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.internal.routing.HubIds;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.RawResponse;

/**
 * Calls that cost no inference credits: who the token belongs to, what the Hub says about
 * a model and its providers, and whether an endpoint is up and which model commit it
 * serves. Used by health checks and revision verification.
 */
public final class HubClient {

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
	public HubClient(HttpTransport transport, URI hubUrl, Function<URI, HttpHeaders> hubHeaders,
			Function<InferenceTarget.Endpoint, HttpHeaders> endpointHeaders) {
		this.transport = transport;
		this.hubUrl = hubUrl;
		this.hubHeaders = hubHeaders;
		this.endpointHeaders = endpointHeaders;
	}

	/**
	 * {@code GET {hub}/api/whoami-v2}: the token's account and role.
	 * @param timeout time allowed
	 * @return the account; a 401 fails with the authentication exception
	 */
	public Mono<WhoAmI> whoami(Duration timeout) {
		URI uri = UriComponentsBuilder.fromUri(this.hubUrl).path("/api/whoami-v2").build().toUri();
		return get(uri, this.hubHeaders.apply(uri), null, "hub", timeout)
			.map((response) -> JsonCodec.get().convert(JsonCodec.get().parse(response.body()), WhoAmI.class));
	}

	/**
	 * {@code GET {hub}/api/models/{id}?expand[]=sha&expand[]=inference&expand[]=inferenceProviderMapping}.
	 * @param modelId the model id
	 * @param timeout time allowed
	 * @return the model's state on the Hub
	 */
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

	/**
	 * {@code GET {endpoint}/health}: completes when the endpoint answers 2xx.
	 * @param endpoint the endpoint
	 * @param timeout time allowed
	 * @return empty on success, a typed error otherwise
	 */
	public Mono<Void> endpointHealth(InferenceTarget.Endpoint endpoint, Duration timeout) {
		URI uri = UriComponentsBuilder.fromUri(endpoint.url()).path("/health").build().toUri();
		return get(uri, this.endpointHeaders.apply(endpoint), endpoint.name(), endpoint.name(), timeout).then();
	}

	/**
	 * {@code GET {endpoint}/info} (TGI, TEI): the model and commit the endpoint serves.
	 * @param endpoint the endpoint
	 * @param timeout time allowed
	 * @return the endpoint's model information
	 */
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

	/**
	 * What a TGI or TEI endpoint reports about itself ({@code GET {url}/info}).
	 *
	 * @param modelId the model it serves
	 * @param modelSha the model commit it serves, if reported
	 */
	public record EndpointInfo(@Nullable String modelId, @Nullable String modelSha) {

	}

	/**
	 * What the Hub says about a model, as needed for health checks: its current commit,
	 * whether any provider serves it warm, and each provider's status.
	 *
	 * @param id the model id
	 * @param sha the current head commit, if reported
	 * @param inference {@code warm} when at least one provider serves the model, else null
	 * @param providers the provider mapping entries, each with its status
	 */
	public record ModelInfo(String id, @Nullable String sha, @Nullable String inference,
			List<ProviderMapping.Entry> providers) {

	}

	/**
	 * Who a token belongs to ({@code GET {hub}/api/whoami-v2}): the account and the token's
	 * role; never the token itself.
	 *
	 * @param type {@code user}, {@code org} or {@code app}
	 * @param name the account name
	 * @param auth how the token authenticates
	 */
	@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
	public record WhoAmI(@Nullable String type, String name, @Nullable Auth auth) {

		/** The token's role ({@code read}, {@code write}, {@code fineGrained}, ...), if reported. */
		public @Nullable String role() {
			return (this.auth != null && this.auth.accessToken() != null) ? this.auth.accessToken().role() : null;
		}

		/** The token's display name, if reported. */
		public @Nullable String tokenName() {
			return (this.auth != null && this.auth.accessToken() != null) ? this.auth.accessToken().displayName() : null;
		}

		/**
		 * How the token authenticates.
		 *
		 * @param type {@code access_token}, {@code app_token}, ...
		 * @param accessToken the access token's description
		 */
		@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
		public record Auth(@Nullable String type, @Nullable AccessToken accessToken) {

		}

		/**
		 * The access token's public description.
		 *
		 * @param displayName the token's name
		 * @param role its role
		 */
		@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
		public record AccessToken(@Nullable String displayName, @Nullable String role) {

		}

	}

}
