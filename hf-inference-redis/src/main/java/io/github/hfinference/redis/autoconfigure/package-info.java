/**
 * Auto-configuration of the fleet on Redis: {@code hf.inference.fleet.*} and
 * {@code hf.inference.quota.*}.
 */
@NullMarked
package io.github.hfinference.redis.autoconfigure;

import org.jspecify.annotations.NullMarked;
