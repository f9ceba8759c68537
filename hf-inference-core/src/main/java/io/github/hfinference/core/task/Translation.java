package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code translation}: translates a text. Multilingual models need the source and target
 * languages; servers answer {@code [{"translation_text"}]} where the spec says an object,
 * and both are read.
 */
public final class Translation {

	/** The task definition. */
	public static final Task<String, Parameters, Output> TASK = TaskDefinitions
		.single("translation", String.class, Parameters.class, Output.class, Encoders.inputsAndParameters())
		.build();

	private Translation() {
	}

	/**
	 * Parameters of translation.
	 *
	 * @param srcLang source language code, for multilingual models (for example {@code en_XX})
	 * @param tgtLang target language code, for multilingual models (for example {@code fr_XX})
	 * @param cleanUpTokenizationSpaces whether to clean up extra spaces in the text
	 * @param truncation how to truncate over-long inputs
	 * @param generateParameters how the model generates the text
	 */
	public record Parameters(@Nullable String srcLang, @Nullable String tgtLang,
			@Nullable Boolean cleanUpTokenizationSpaces, @Nullable Truncation truncation,
			@Nullable GenerationParameters generateParameters) {

		/**
		 * Source and target languages, for multilingual models.
		 * @param srcLang source language code
		 * @param tgtLang target language code
		 * @return the parameters
		 */
		public static Parameters languages(String srcLang, String tgtLang) {
			return new Parameters(srcLang, tgtLang, null, null, null);
		}

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().srcLang(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder extends TextToTextParametersBuilder<Builder> {

			private @Nullable String srcLang;

			private @Nullable String tgtLang;

			private Builder() {
			}

			/**
			 * Sets {@code srcLang}.
			 * @param srcLang source language code, for multilingual models (for example {@code en_XX})
			 * @return this builder
			 */
			public Builder srcLang(@Nullable String srcLang) {
				this.srcLang = srcLang;
				return this;
			}

			/**
			 * Sets {@code tgtLang}.
			 * @param tgtLang target language code, for multilingual models (for example {@code fr_XX})
			 * @return this builder
			 */
			public Builder tgtLang(@Nullable String tgtLang) {
				this.tgtLang = tgtLang;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.srcLang, this.tgtLang, this.cleanUpTokenizationSpaces, this.truncation,
						this.generateParameters);
			}

		}

	}

	/**
	 * The translation.
	 *
	 * @param translationText the translated text
	 */
	public record Output(String translationText) {

	}

}
