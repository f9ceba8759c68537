/**
 * Media jobs seen from the caller: {@link io.github.hfinference.core.media.MediaJob} (a generation with
 * progress), its states and the polling back-off.
 */
@NullMarked
package io.github.hfinference.core.media;

import org.jspecify.annotations.NullMarked;
