/**
 * Internal: media generation through third-party providers and OpenAI-compatible gateways, one
 * submit, poll and download mechanism ({@link io.github.hfinference.core.internal.media.MediaJobRunner})
 * and small per-provider adapters that only know URLs and field names. Not API.
 */
@NullMarked
package io.github.hfinference.core.internal.media;

import org.jspecify.annotations.NullMarked;
