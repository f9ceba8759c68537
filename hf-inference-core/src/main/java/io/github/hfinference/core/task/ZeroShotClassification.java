package io.github.hfinference.core.task;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

import io.github.hfinference.core.error.HfInvalidRequestException;
import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code zero-shot-classification}: scores a text against labels chosen at call time.
 * The labels are part of the input (they are required), sent as
 * {@code parameters.candidate_labels}. Every recorded answer shape is read as
 * {@code [{label, score}]}: the pipeline's {@code {sequence, labels, scores}} object, a list
 * of those, or the spec's list.
 */
public final class ZeroShotClassification {

	/** The task definition. */
	public static final Task<Input, Parameters, List<ClassificationOutput>> TASK = Task
		.<Input, Parameters, List<ClassificationOutput>>builder("zero-shot-classification", TaskRoute.MODEL)
		.input(Input.class)
		.parameters(Parameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.inputsAndParameters(Input::text,
				(input) -> Map.of("candidate_labels", input.candidateLabels())))
		.decoder(Decoders.list(ClassificationOutput.class, Decoders.labelsAndScores()))
		.build();

	private ZeroShotClassification() {
	}

	/**
	 * The text and the labels to score it against.
	 *
	 * @param text the text to classify
	 * @param candidateLabels the possible labels (at least one)
	 */
	public record Input(String text, List<String> candidateLabels) {

		public Input {
			Required.nonNull(text, "text");
			candidateLabels = Required.list(candidateLabels, "candidateLabels");
			if (candidateLabels.isEmpty()) {
				throw new HfInvalidRequestException("zero-shot-classification needs at least one candidate label");
			}
		}

	}

	/**
	 * Parameters of zero-shot classification.
	 *
	 * @param multiLabel whether several labels can be true (scores are then independent)
	 * @param hypothesisTemplate sentence used with each label, {@code {}} standing for the
	 * label (for example {@code "This example is {}."})
	 */
	public record Parameters(@Nullable Boolean multiLabel, @Nullable String hypothesisTemplate) {

		/** Several labels may be true at once. */
		public static Parameters allowingSeveralLabels() {
			return new Parameters(true, null);
		}

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().multiLabel(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable Boolean multiLabel;

			private @Nullable String hypothesisTemplate;

			private Builder() {
			}

			/**
			 * Sets {@code multiLabel}.
			 * @param multiLabel whether several labels can be true (scores are then independent)
			 * @return this builder
			 */
			public Builder multiLabel(@Nullable Boolean multiLabel) {
				this.multiLabel = multiLabel;
				return this;
			}

			/**
			 * Sets {@code hypothesisTemplate}.
			 * @param hypothesisTemplate sentence used with each label, {@code {}} standing for the label (for example {@code "This example is {}."})
			 * @return this builder
			 */
			public Builder hypothesisTemplate(@Nullable String hypothesisTemplate) {
				this.hypothesisTemplate = hypothesisTemplate;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.multiLabel, this.hypothesisTemplate);
			}

		}

	}

}
