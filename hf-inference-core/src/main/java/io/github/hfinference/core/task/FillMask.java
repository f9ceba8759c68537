package io.github.hfinference.core.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code fill-mask}: the most likely tokens for the mask token in a text
 * ({@code [MASK]} or {@code <mask>}, depending on the model).
 */
public final class FillMask {

	/** The task definition. */
	public static final Task<String, Parameters, List<Output>> TASK = TaskDefinitions
		.list("fill-mask", String.class, Parameters.class, Output.class, Encoders.inputsAndParameters())
		.decoder(Decoders.list(Output.class, Decoders.unwrapNestedList()))
		.build();

	private FillMask() {
	}

	/**
	 * Parameters of fill-mask.
	 *
	 * @param topK how many predictions to return
	 * @param targets only score these candidate tokens
	 */
	public record Parameters(@Nullable Integer topK, @Nullable List<String> targets) {

		/**
		 * Only the {@code k} most likely tokens.
		 * @param topK how many predictions
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

			private @Nullable List<String> targets;

			private Builder() {
			}

			/**
			 * Sets {@code topK}.
			 * @param topK how many predictions to return
			 * @return this builder
			 */
			public Builder topK(@Nullable Integer topK) {
				this.topK = topK;
				return this;
			}

			/**
			 * Sets {@code targets}.
			 * @param targets only score these candidate tokens
			 * @return this builder
			 */
			public Builder targets(@Nullable List<String> targets) {
				this.targets = targets;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.topK, this.targets);
			}

		}

	}

	/**
	 * One prediction.
	 *
	 * @param sequence the text with the mask filled
	 * @param score its probability
	 * @param token the predicted token id
	 * @param tokenStr the predicted token
	 */
	public record Output(String sequence, double score, @Nullable Integer token, @Nullable String tokenStr) {

	}

}
