package io.github.hfinference.core.internal.http;

import java.net.URI;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * One fully resolved HTTP request: where it goes, its headers (credentials included only
 * when routing allowed them for this host) and its body.
 *
 * @param method the HTTP method
 * @param uri the absolute URI
 * @param headers the request headers
 * @param body the body, or null for none
 * @param model the model the call is for (for error messages), or null for a call about
 * no model (the token's account, {@code whoami})
 * @param target the target name (for error messages and metrics)
 */
public record HttpCall(HttpMethod method, URI uri, HttpHeaders headers, byte @Nullable [] body, @Nullable String model,
		String target) {

	public HttpCall {
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(uri, "uri");
		Objects.requireNonNull(headers, "headers");
	}

	/**
	 * What the call is about, for messages: {@code model 'org/name'}, or the token's
	 * account for a call about no model.
	 * @return the description
	 */
	public String about() {
		return (this.model != null) ? "model '" + this.model + "'" : "the token's account (whoami)";
	}

	@Override
	public String toString() {
		return "HttpCall[" + this.method + " " + this.uri + ", target=" + this.target + "]";
	}

}
