/**
 * Micrometer observation of inference calls ({@code gen_ai.client.operation}).
 */
@NullMarked
package io.github.hfinference.core.observation;

import org.jspecify.annotations.NullMarked;
