package io.github.hfinference.core.hub;

import org.jspecify.annotations.Nullable;

/**
 * What a TGI or TEI endpoint reports about itself ({@code GET {url}/info}).
 *
 * @param modelId the model it serves
 * @param modelSha the model commit it serves, if reported
 */
public record EndpointInfo(@Nullable String modelId, @Nullable String modelSha) {

}
