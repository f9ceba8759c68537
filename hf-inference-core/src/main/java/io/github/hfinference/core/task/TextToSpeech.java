package io.github.hfinference.core.task;

import org.jspecify.annotations.Nullable;

/**
 * {@code text-to-speech}: speaks a text. The answer is the audio's bytes (for example
 * {@code audio/flac}); {@code Accept: audio/*} states that any audio format will do.
 */
public final class TextToSpeech {

	/** The task definition. */
	public static final Task<String, Parameters, BinaryOutput> TASK = Task
		.<String, Parameters, BinaryOutput>builder("text-to-speech", TaskRoute.MODEL)
		.input(String.class)
		.parameters(Parameters.class)
		.result(BinaryOutput.class)
		.encoder(Encoders.inputsAndParameters())
		.decoder(Decoders.binary())
		.accept("audio/*")
		.build();

	private TextToSpeech() {
	}

	/**
	 * Parameters of text-to-speech.
	 *
	 * @param generationParameters how the speech is generated
	 */
	public record Parameters(@Nullable GenerationParameters generationParameters) {

	}

}
