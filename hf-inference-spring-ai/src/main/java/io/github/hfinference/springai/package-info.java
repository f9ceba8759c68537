/**
 * Spring AI models over the Hugging Face inference client: {@link io.github.hfinference.springai.HfChatModel}
 * and {@link io.github.hfinference.springai.HfEmbeddingModel}.
 */
@NullMarked
package io.github.hfinference.springai;

import org.jspecify.annotations.NullMarked;
