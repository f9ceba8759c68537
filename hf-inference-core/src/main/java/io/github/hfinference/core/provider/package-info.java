/**
 * Media generation through third-party providers and OpenAI-compatible gateways: one
 * generic long-running job mechanism ({@link io.github.hfinference.core.provider.MediaJobRunner})
 * and small per-provider adapters that only know URLs and field names.
 */
@NullMarked
package io.github.hfinference.core.provider;

import org.jspecify.annotations.NullMarked;
