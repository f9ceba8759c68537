/**
 * Micrometer observation of inference calls and the meters derived from it: token usage,
 * compute time, retries, failovers, rate limits and revision drift.
 */
@NullMarked
package io.github.hfinference.boot.observation;

import org.jspecify.annotations.NullMarked;
