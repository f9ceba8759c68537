/**
 * Internal: where a call goes (URL, body {@code model} field, headers, credentials), the
 * table of router providers, the Hub provider-mapping cache and id validation. Not API.
 */
@NullMarked
package io.github.hfinference.core.internal.routing;

import org.jspecify.annotations.NullMarked;
