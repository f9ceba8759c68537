/**
 * Watching calls: Micrometer observation of inference calls ({@code gen_ai.client.operation}),
 * the call listener, and the resilience listener and status (retries, failovers, circuits, admission).
 */
@NullMarked
package io.github.hfinference.core.observation;

import org.jspecify.annotations.NullMarked;
