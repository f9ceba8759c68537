package io.github.hfinference.samples.web;

import java.util.List;

import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.task.SentenceSimilarity;
import reactor.core.publisher.Mono;

/** Sentence similarity from the model configured as {@code hf.inference.models.similarity}. */
@HfModel("similarity")
public interface SimilarityScorer {

	/**
	 * Scores sentences against a source sentence.
	 * @param input the source sentence and the sentences to compare with it
	 * @return one cosine similarity per sentence, in order
	 */
	Mono<List<Double>> score(SentenceSimilarity.Input input);

}
