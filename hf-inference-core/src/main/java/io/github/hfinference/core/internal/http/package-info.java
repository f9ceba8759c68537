/**
 * Internal: the one HTTP exchange (Reactor Netty or WebClient), event-stream reading, shared
 * request headers and error-body mapping. Not API: may change in any release.
 */
@NullMarked
package io.github.hfinference.core.internal.http;

import org.jspecify.annotations.NullMarked;
