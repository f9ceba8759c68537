package io.github.hfinference.core.task;

import java.lang.reflect.Type;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

/**
 * One inference task: how to address it, encode its request and decode its result.
 * <p>
 * A task is data, not code that talks HTTP: every task goes through the same request
 * path. Each task's definition lives in one small class ({@link TextClassification},
 * {@link FeatureExtraction}, ...) and all are listed in {@link Tasks}.
 *
 * @param <I> the input type (text, binary file, or a small record of both)
 * @param <P> the optional parameters record
 * @param <R> the typed result
 */
public final class Task<I, P, R> {

	private final String id;

	private final TaskRoute route;

	private final Type inputType;

	private final Class<P> parametersType;

	private final Type resultType;

	private final RequestEncoder<I, P> encoder;

	private final ResponseDecoder<R> decoder;

	private final @Nullable String accept;

	private Task(Builder<I, P, R> builder) {
		this.id = Objects.requireNonNull(builder.id, "id");
		this.route = Objects.requireNonNull(builder.route, "route");
		this.inputType = Objects.requireNonNull(builder.inputType, "inputType");
		this.parametersType = Objects.requireNonNull(builder.parametersType, "parametersType");
		this.resultType = Objects.requireNonNull(builder.resultType, "resultType");
		this.encoder = Objects.requireNonNull(builder.encoder, "encoder");
		this.decoder = Objects.requireNonNull(builder.decoder, "decoder");
		this.accept = builder.accept;
	}

	/**
	 * Starts a task definition.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param id the Hugging Face task id, e.g. {@code text-classification}
	 * @param route how the task is addressed
	 * @return a builder
	 */
	public static <I, P, R> Builder<I, P, R> builder(String id, TaskRoute route) {
		return new Builder<>(id, route);
	}

	/** The Hugging Face task id ({@code text-classification}, {@code feature-extraction}, ...). */
	public String id() {
		return this.id;
	}

	/** How the task is addressed on {@code hf-inference} and endpoints. */
	public TaskRoute route() {
		return this.route;
	}

	/** The input type, for validating declarative methods. */
	public Type inputType() {
		return this.inputType;
	}

	/** The parameters record type. */
	public Class<P> parametersType() {
		return this.parametersType;
	}

	/** The result type, for validating and resolving declarative methods. */
	public Type resultType() {
		return this.resultType;
	}

	/** The request encoder. */
	public RequestEncoder<I, P> encoder() {
		return this.encoder;
	}

	/** The response decoder. */
	public ResponseDecoder<R> decoder() {
		return this.decoder;
	}

	/** The {@code Accept} header the task needs (binary outputs), or null. */
	public @Nullable String accept() {
		return this.accept;
	}

	@Override
	public String toString() {
		return "Task[" + this.id + "]";
	}

	/**
	 * Builds a {@link Task}.
	 *
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 */
	public static final class Builder<I, P, R> {

		private final String id;

		private final TaskRoute route;

		private @Nullable Type inputType;

		private @Nullable Class<P> parametersType;

		private @Nullable Type resultType;

		private @Nullable RequestEncoder<I, P> encoder;

		private @Nullable ResponseDecoder<R> decoder;

		private @Nullable String accept;

		private Builder(String id, TaskRoute route) {
			this.id = id;
			this.route = route;
		}

		/**
		 * Sets the input type.
		 * @param type the input class
		 * @return this builder
		 */
		public Builder<I, P, R> input(Class<I> type) {
			this.inputType = type;
			return this;
		}

		/**
		 * Sets a generic input type.
		 * @param type the input type
		 * @return this builder
		 */
		public Builder<I, P, R> input(ParameterizedTypeReference<I> type) {
			this.inputType = type.getType();
			return this;
		}

		/**
		 * Sets the parameters type.
		 * @param type the parameters record
		 * @return this builder
		 */
		public Builder<I, P, R> parameters(Class<P> type) {
			this.parametersType = type;
			return this;
		}

		/**
		 * Sets the result type.
		 * @param type the result class
		 * @return this builder
		 */
		public Builder<I, P, R> result(Class<R> type) {
			this.resultType = type;
			return this;
		}

		/**
		 * Sets a generic result type.
		 * @param type the result type
		 * @return this builder
		 */
		public Builder<I, P, R> result(ParameterizedTypeReference<R> type) {
			this.resultType = type.getType();
			return this;
		}

		/**
		 * Sets the request encoder.
		 * @param encoder the encoder
		 * @return this builder
		 */
		public Builder<I, P, R> encoder(RequestEncoder<I, P> encoder) {
			this.encoder = encoder;
			return this;
		}

		/**
		 * Sets the response decoder.
		 * @param decoder the decoder
		 * @return this builder
		 */
		public Builder<I, P, R> decoder(ResponseDecoder<R> decoder) {
			this.decoder = decoder;
			return this;
		}

		/**
		 * Sets the {@code Accept} header for binary outputs.
		 * @param accept the media type
		 * @return this builder
		 */
		public Builder<I, P, R> accept(String accept) {
			this.accept = accept;
			return this;
		}

		/** Builds the task. */
		public Task<I, P, R> build() {
			return new Task<>(this);
		}

	}

}
