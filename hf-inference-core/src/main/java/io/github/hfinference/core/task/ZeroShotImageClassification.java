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
 * {@code zero-shot-image-classification}: scores an image against labels chosen at call
 * time. Always sent as JSON: {@code {"inputs": "<base64 image>", "parameters":
 * {"candidate_labels": [..]}}}.
 */
public final class ZeroShotImageClassification {

	/** The task definition. */
	public static final Task<Input, Parameters, List<ClassificationOutput>> TASK = Task
		.<Input, Parameters, List<ClassificationOutput>>builder("zero-shot-image-classification", TaskRoute.MODEL)
		.input(Input.class)
		.parameters(Parameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.inputsAndParameters(Input::image,
				(input) -> Map.of("candidate_labels", input.candidateLabels())))
		.decoder(Decoders.list(ClassificationOutput.class, Decoders.labelsAndScores()))
		.build();

	private ZeroShotImageClassification() {
	}

	/**
	 * The image and the labels to score it against.
	 *
	 * @param image the image
	 * @param candidateLabels the possible labels (at least one)
	 */
	public record Input(BinaryInput image, List<String> candidateLabels) {

		public Input {
			Required.nonNull(image, "image");
			candidateLabels = Required.list(candidateLabels, "candidateLabels");
			if (candidateLabels.isEmpty()) {
				throw new HfInvalidRequestException("zero-shot-image-classification needs at least one candidate label");
			}
		}

	}

	/**
	 * Parameters of zero-shot image classification.
	 *
	 * @param hypothesisTemplate sentence used with each label, {@code {}} standing for the label
	 */
	public record Parameters(@Nullable String hypothesisTemplate) {

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().hypothesisTemplate(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable String hypothesisTemplate;

			private Builder() {
			}

			/**
			 * Sets {@code hypothesisTemplate}.
			 * @param hypothesisTemplate sentence used with each label, {@code {}} standing for the label
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
				return new Parameters(this.hypothesisTemplate);
			}

		}

	}

}
