package io.github.hfinference.samples.web;

import java.util.List;

import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.task.Embedding;
import reactor.core.publisher.Mono;

/** Sentence embeddings from the model configured as {@code hf.inference.models.embed}. */
@HfModel("embed")
public interface Embedder {

	/**
	 * Embeds several texts in one call.
	 * @param texts the texts
	 * @return one embedding per text, in order
	 */
	Mono<List<Embedding>> embed(List<String> texts);

}
