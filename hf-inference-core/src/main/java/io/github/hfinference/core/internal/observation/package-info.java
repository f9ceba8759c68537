/**
 * Internal: the call observer that opens one {@code gen_ai.client.operation} observation per
 * call, and the task to {@code gen_ai.operation.name} mapping. Not API.
 */
@NullMarked
package io.github.hfinference.core.internal.observation;

import org.jspecify.annotations.NullMarked;
