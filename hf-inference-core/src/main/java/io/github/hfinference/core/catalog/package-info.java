/**
 * The router's model catalogue ({@code /v1/models}): which models and providers serve which task.
 */
@NullMarked
package io.github.hfinference.core.catalog;

import org.jspecify.annotations.NullMarked;
