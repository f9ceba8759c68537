/**
 * Internal: the shared request encoders and response decoders of the built-in tasks. Not API.
 */
@NullMarked
package io.github.hfinference.core.internal.task;

import org.jspecify.annotations.NullMarked;
