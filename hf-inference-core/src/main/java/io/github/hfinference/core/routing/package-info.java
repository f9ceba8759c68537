/**
 * Targets (router providers, endpoints, in-process providers), the Hub provider mapping,
 * and how a call on a target becomes an HTTP request.
 */
@NullMarked
package io.github.hfinference.core.routing;

import org.jspecify.annotations.NullMarked;
