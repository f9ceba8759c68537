/**
 * Automatic micro-batching: concurrent single calls of a batchable task on the same model
 * are coalesced into one HTTP request and the results are split back to their callers.
 */
@NullMarked
package io.github.hfinference.core.batching;

import org.jspecify.annotations.NullMarked;
