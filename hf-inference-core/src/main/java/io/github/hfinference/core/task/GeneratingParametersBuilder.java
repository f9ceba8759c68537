package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

/**
 * The part the builders of the parameters of tasks generating with a model's
 * {@link GenerationParameters} share ({@link AutomaticSpeechRecognition}, {@link ImageToText},
 * {@link TextToSpeech}, {@link TextToAudio}). Each builder adds its own fields and builds its
 * own record; what is not set stays unset (null).
 *
 * @param <B> the concrete builder, returned by every setter
 */
abstract class GeneratingParametersBuilder<B extends GeneratingParametersBuilder<B>> {

	@Nullable GenerationParameters generationParameters;

	GeneratingParametersBuilder() {
	}

	/**
	 * Sets {@code generationParameters}.
	 * @param generationParameters how the output (transcript, text, speech, audio) is generated
	 * @return this builder
	 */
	public B generationParameters(@Nullable GenerationParameters generationParameters) {
		this.generationParameters = generationParameters;
		return self();
	}

	@SuppressWarnings("unchecked")
	final B self() {
		return (B) this;
	}

}
