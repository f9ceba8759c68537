package io.github.hfinference.samples.web;

import java.util.List;

import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.task.ClassificationOutput;
import reactor.core.publisher.Mono;

/** Sentiment classification from the model configured as {@code hf.inference.models.sentiment}. */
@HfModel("sentiment")
public interface SentimentClient {

	/**
	 * Classifies a text.
	 * @param text the text
	 * @return the labels with their scores, best first
	 */
	Mono<List<ClassificationOutput>> classify(String text);

}
