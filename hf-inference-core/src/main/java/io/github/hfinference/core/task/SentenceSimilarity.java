package io.github.hfinference.core.task;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code sentence-similarity}: how similar each sentence is to a source sentence
 * (cosine similarity of their embeddings), as {@code [score...]} in input order.
 */
public final class SentenceSimilarity {

	/** The task definition. */
	public static final Task<Input, NoParameters, List<Double>> TASK = Task
		.<Input, NoParameters, List<Double>>builder("sentence-similarity", TaskRoute.PIPELINE)
		.input(Input.class)
		.parameters(NoParameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.inputsAndParameters())
		.decoder(Decoders.list(Double.class))
		.build();

	private SentenceSimilarity() {
	}

	/**
	 * The source sentence and the sentences to compare with it.
	 *
	 * @param sourceSentence the reference sentence
	 * @param sentences the sentences to score against it
	 */
	public record Input(String sourceSentence, List<String> sentences) {

		public Input {
			Required.nonNull(sourceSentence, "sourceSentence");
			sentences = Required.list(sentences, "sentences");
		}

	}

}
