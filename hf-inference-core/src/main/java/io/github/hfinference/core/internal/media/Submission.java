package io.github.hfinference.core.internal.media;

import java.util.Map;

import tools.jackson.databind.node.ObjectNode;

/**
 * How a provider wants a job submitted: the route below its router prefix or gateway URL,
 * the JSON body and extra headers.
 *
 * @param path the path (with query, if any) after {@code /{provider}} or the gateway base URL
 * @param body the JSON body
 * @param headers extra headers ({@code Prefer: wait} for Replicate)
 */
public record Submission(String path, ObjectNode body, Map<String, String> headers) {

	public Submission {
		headers = Map.copyOf(headers);
	}

}
