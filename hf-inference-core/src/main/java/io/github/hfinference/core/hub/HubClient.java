package io.github.hfinference.core.hub;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import io.github.hfinference.core.InferenceTarget;

/**
 * Calls that cost no inference credits: who the token belongs to, what the Hub says about
 * a model and its providers, and whether an endpoint is up and which model commit it
 * serves. Used by health checks and revision verification.
 */
public interface HubClient {

	/**
	 * {@code GET {hub}/api/whoami-v2}: the token's account and role.
	 * @param timeout time allowed
	 * @return the account; a 401 fails with the authentication exception
	 */
	Mono<WhoAmI> whoami(Duration timeout);

	/**
	 * {@code GET {hub}/api/models/{id}?expand[]=sha&expand[]=inference&expand[]=inferenceProviderMapping}.
	 * @param modelId the model id
	 * @param timeout time allowed
	 * @return the model's state on the Hub
	 */
	Mono<ModelInfo> modelInfo(String modelId, Duration timeout);

	/**
	 * {@code GET {endpoint}/health}: completes when the endpoint answers 2xx.
	 * @param endpoint the endpoint
	 * @param timeout time allowed
	 * @return empty on success, a typed error otherwise
	 */
	Mono<Void> endpointHealth(InferenceTarget.Endpoint endpoint, Duration timeout);

	/**
	 * {@code GET {endpoint}/info} (TGI, TEI): the model and commit the endpoint serves.
	 * @param endpoint the endpoint
	 * @param timeout time allowed
	 * @return the endpoint's model information
	 */
	Mono<EndpointInfo> endpointInfo(InferenceTarget.Endpoint endpoint, Duration timeout);

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
