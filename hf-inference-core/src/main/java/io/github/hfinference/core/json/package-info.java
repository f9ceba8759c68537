/**
 * The shared JSON codec (Jackson 3): the one mapper used for requests, responses and structured output.
 */
@NullMarked
package io.github.hfinference.core.json;

import org.jspecify.annotations.NullMarked;
