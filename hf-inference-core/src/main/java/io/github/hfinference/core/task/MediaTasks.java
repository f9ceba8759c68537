package io.github.hfinference.core.task;

/**
 * The definition every generation task answering with a file's bytes starts from: its
 * input, its parameters, a {@link BinaryOutput} result read by {@link Decoders#binary()}.
 * Each task adds what is its own (an {@code Accept} header) and builds.
 */
final class MediaTasks {

	private MediaTasks() {
	}

	/**
	 * A task taking a file ({@link Encoders#binary()}: the raw body, or base64 in JSON when
	 * parameters are set) and answering with a file.
	 * @param <P> the parameters type
	 * @param id the task id
	 * @param parameters the parameters type
	 * @return the builder, ready to build
	 */
	static <P> Task.Builder<BinaryInput, P, BinaryOutput> fromFile(String id, Class<P> parameters) {
		return Task.<BinaryInput, P, BinaryOutput>builder(id, TaskRoute.MODEL)
			.input(BinaryInput.class)
			.parameters(parameters)
			.result(BinaryOutput.class)
			.encoder(Encoders.binary())
			.decoder(Decoders.binary());
	}

	/**
	 * A task taking a text ({@link Encoders#inputsAndParameters()}) and answering with a
	 * file.
	 * @param <P> the parameters type
	 * @param id the task id
	 * @param parameters the parameters type
	 * @return the builder, ready to build
	 */
	static <P> Task.Builder<String, P, BinaryOutput> fromText(String id, Class<P> parameters) {
		return Task.<String, P, BinaryOutput>builder(id, TaskRoute.MODEL)
			.input(String.class)
			.parameters(parameters)
			.result(BinaryOutput.class)
			.encoder(Encoders.inputsAndParameters())
			.decoder(Decoders.binary());
	}

}
