/**
 * Typed exceptions raised by inference calls, mapped from HTTP status and error bodies.
 */
@NullMarked
package io.github.hfinference.core.error;

import org.jspecify.annotations.NullMarked;
