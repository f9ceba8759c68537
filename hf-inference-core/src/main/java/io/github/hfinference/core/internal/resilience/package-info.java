/**
 * Internal: the resilient executor (admission, target selection, circuit breakers, retry and
 * failover). Its settings are in {@code io.github.hfinference.core}. Not API.
 */
@NullMarked
package io.github.hfinference.core.internal.resilience;

import org.jspecify.annotations.NullMarked;
