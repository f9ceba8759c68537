package io.github.hfinference.boot.e2e;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;

import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.declarative.InferenceTask;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.ClassificationParameters;
import io.github.hfinference.core.task.Embedding;

/** A sentiment classifier on the hf-inference provider. */
@HfModel("sentiment")
public interface SentimentClassifier {

	List<ClassificationOutput> classify(String text);

	Mono<List<ClassificationOutput>> classify(String text, ClassificationParameters parameters);

	@InferenceTask("feature-extraction")
	CompletableFuture<Embedding> embed(String text);

	default String label(String text) {
		return classify(text).get(0).label();
	}

}
