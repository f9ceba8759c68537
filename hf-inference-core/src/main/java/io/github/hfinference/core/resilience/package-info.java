/**
 * Retry, target selection, circuit breakers and admission control.
 */
@NullMarked
package io.github.hfinference.core.resilience;

import org.jspecify.annotations.NullMarked;
