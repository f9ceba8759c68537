package io.github.hfinference.core.task;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code translation}: translates a text. Multilingual models need the source and target
 * languages; servers answer {@code [{"translation_text"}]} where the spec says an object,
 * and both are read.
 */
public final class Translation {

	/** The task definition. */
	public static final Task<String, Parameters, Output> TASK = Task
		.<String, Parameters, Output>builder("translation", TaskRoute.MODEL)
		.input(String.class)
		.parameters(Parameters.class)
		.result(Output.class)
		.encoder(Encoders.inputsAndParameters())
		.decoder(Decoders.json(Output.class, Decoders.firstIfList()))
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
	 * @param generateParameters extra generation arguments passed to the model, by name
	 */
	public record Parameters(@Nullable String srcLang, @Nullable String tgtLang,
			@Nullable Boolean cleanUpTokenizationSpaces, @Nullable Truncation truncation,
			@Nullable Map<String, Object> generateParameters) {

		/**
		 * Source and target languages, for multilingual models.
		 * @param srcLang source language code
		 * @param tgtLang target language code
		 * @return the parameters
		 */
		public static Parameters languages(String srcLang, String tgtLang) {
			return new Parameters(srcLang, tgtLang, null, null, null);
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
