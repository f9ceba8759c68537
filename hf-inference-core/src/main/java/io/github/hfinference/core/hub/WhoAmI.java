package io.github.hfinference.core.hub;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

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
