package io.github.hfinference.core.task;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code text-classification}: labels and scores for a text (sentiment, topic, ...).
 * Accepts both the spec's {@code [{label, score}]} and the recorded {@code [[...]]}.
 */
public final class TextClassification {

	/** The task definition. */
	public static final Task<String, Parameters, List<ClassificationOutput>> TASK = Task
		.<String, Parameters, List<ClassificationOutput>>builder("text-classification", TaskRoute.MODEL)
		.input(String.class)
		.parameters(Parameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.inputsAndParameters())
		.decoder(Decoders.list(ClassificationOutput.class, Decoders.unwrapNestedList()))
		.build();

	private TextClassification() {
	}

	/**
	 * Parameters of text classification.
	 *
	 * @param topK how many of the most likely labels to return
	 * @param functionToApply function applied to the model's scores
	 */
	public record Parameters(@Nullable Integer topK, @Nullable FunctionToApply functionToApply) {

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
