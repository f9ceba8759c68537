/**
 * Internal: micro-batching, concurrent single calls of a batchable task on the same model
 * coalesced into one request and the results split back. Not API: may change in any release.
 */
@NullMarked
package io.github.hfinference.core.internal.batching;

import org.jspecify.annotations.NullMarked;
