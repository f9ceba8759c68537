package io.github.hfinference.core.task;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code image-classification}: labels and scores for an image. The file is sent as the raw body, or as base64
 * inside a JSON body when parameters are set.
 */
public final class ImageClassification {

	/** The task definition. */
	public static final Task<BinaryInput, Parameters, List<ClassificationOutput>> TASK = Task
		.<BinaryInput, Parameters, List<ClassificationOutput>>builder("image-classification", TaskRoute.MODEL)
		.input(BinaryInput.class)
		.parameters(Parameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.binary())
		.decoder(Decoders.list(ClassificationOutput.class))
		.build();

	private ImageClassification() {
	}

	/**
	 * Parameters of image-classification.
	 *
	 * @param topK how many of the most likely labels to return
	 * @param functionToApply function applied to the model's scores
	 */
	public record Parameters(@Nullable Integer topK, @Nullable FunctionToApply functionToApply) {

		/**
		 * Only the {@code k} most likely labels.
		 * @param topK how many labels to return
		 * @return the parameters
		 */
		public static Parameters topK(int topK) {
			return new Parameters(topK, null);
		}

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().topK(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable Integer topK;

			private @Nullable FunctionToApply functionToApply;

			private Builder() {
			}

			/**
			 * Sets {@code topK}.
			 * @param topK how many of the most likely labels to return
			 * @return this builder
			 */
			public Builder topK(@Nullable Integer topK) {
				this.topK = topK;
				return this;
			}

			/**
			 * Sets {@code functionToApply}.
			 * @param functionToApply function applied to the model's scores
			 * @return this builder
			 */
			public Builder functionToApply(@Nullable FunctionToApply functionToApply) {
				this.functionToApply = functionToApply;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.topK, this.functionToApply);
			}

		}

	}

}
