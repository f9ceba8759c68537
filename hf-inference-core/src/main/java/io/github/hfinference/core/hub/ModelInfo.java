package io.github.hfinference.core.hub;

import java.util.List;

import org.jspecify.annotations.Nullable;


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
