/**
 * The generic HTTP exchange, JSON codec and error-body parsing.
 */
@NullMarked
package io.github.hfinference.core.http;

import org.jspecify.annotations.NullMarked;
