package io.github.hfinference.core.media;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Where a long-running media job stands, as last reported by its provider.
 *
 * @param provider the provider or gateway running the job
 * @param status the provider's status, verbatim ({@code IN_QUEUE}, {@code processing}, {@code Pending}, ...)
 * @param queuePosition the position in the provider's queue, when it tells
 * @param polls how many status requests were sent so far
 * @param elapsed time since the job was submitted
 */
public record JobProgress(String provider, String status, @Nullable Integer queuePosition, int polls,
		Duration elapsed) {

}
