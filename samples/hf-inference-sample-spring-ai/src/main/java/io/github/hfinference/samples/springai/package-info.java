/**
 * Spring AI sample: ChatClient, a tool, structured output, streaming and RAG over Hugging Face models.
 */
@NullMarked
package io.github.hfinference.samples.springai;

import org.jspecify.annotations.NullMarked;
