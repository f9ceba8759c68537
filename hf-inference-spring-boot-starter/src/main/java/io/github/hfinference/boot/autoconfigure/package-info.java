/**
 * Auto-configuration of Hugging Face inference: the client, the configured models and the
 * {@code @HfModel} interface beans, bound from {@code hf.inference} properties.
 */
@NullMarked
package io.github.hfinference.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
