/**
 * Auto-configuration of the Spring AI models over configured Hugging Face models.
 */
@NullMarked
package io.github.hfinference.springai.autoconfigure;

import org.jspecify.annotations.NullMarked;
