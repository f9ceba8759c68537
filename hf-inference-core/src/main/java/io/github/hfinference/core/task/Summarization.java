package io.github.hfinference.core.task;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code summarization}: a shorter version of a text. Servers answer
 * {@code [{"summary_text"}]} where the spec says an object; both are read.
 */
public final class Summarization {

	/** The task definition. */
	public static final Task<String, Parameters, Output> TASK = Task
		.<String, Parameters, Output>builder("summarization", TaskRoute.MODEL)
		.input(String.class)
		.parameters(Parameters.class)
		.result(Output.class)
		.encoder(Encoders.inputsAndParameters())
		.decoder(Decoders.json(Output.class, Decoders.firstIfList()))
		.build();

	private Summarization() {
	}

	/**
	 * Parameters of summarization.
	 *
	 * @param cleanUpTokenizationSpaces whether to clean up extra spaces in the text
	 * @param truncation how to truncate over-long inputs
	 * @param generateParameters extra generation arguments passed to the model, by name
	 */
	public record Parameters(@Nullable Boolean cleanUpTokenizationSpaces, @Nullable Truncation truncation,
			@Nullable Map<String, Object> generateParameters) {

	}

	/**
	 * The summary.
	 *
	 * @param summaryText the summarized text
	 */
	public record Output(String summaryText) {

	}

}
