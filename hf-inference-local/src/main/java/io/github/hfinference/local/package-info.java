/**
 * The in-process {@code local} provider: sentence embeddings and sentence similarity
 * computed with ONNX Runtime and Hugging Face tokenizers, offline, with
 * all-MiniLM-L6-v2 (quantized) bundled.
 */
@NullMarked
package io.github.hfinference.local;

import org.jspecify.annotations.NullMarked;
