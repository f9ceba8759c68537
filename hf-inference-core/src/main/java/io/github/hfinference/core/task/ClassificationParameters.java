package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

/**
 * Parameters shared by the classification tasks that take only {@code top_k} and {@code function_to_apply}:
 * {@link TextClassification}, {@link ImageClassification} and {@link AudioClassification}.
 *
 * @param topK how many of the most likely labels to return
 * @param functionToApply function applied to the model's scores
 */
public record ClassificationParameters(@Nullable Integer topK, @Nullable FunctionToApply functionToApply) {

	/**
	 * Only the {@code k} most likely labels.
	 * @param topK how many labels to return
	 * @return the parameters
	 */
	public static ClassificationParameters topK(int topK) {
		return new ClassificationParameters(topK, null);
	}

	/**
	 * A builder with every parameter unset: {@code ClassificationParameters.builder().topK(..).build()}.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** Builds {@link ClassificationParameters} by name; what is not set stays unset (null). */
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
		public ClassificationParameters build() {
			return new ClassificationParameters(this.topK, this.functionToApply);
		}

	}

}
