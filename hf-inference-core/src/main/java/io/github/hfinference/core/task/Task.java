package io.github.hfinference.core.task;

import java.lang.reflect.Type;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.json.JsonCodec;

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

	/**
	 * Turns a task's input and optional parameters into a request body.
	 *
	 * @param <I> the input type
	 * @param <P> the parameters type
	 */
	@FunctionalInterface
	public interface RequestEncoder<I, P> {

		/**
		 * Encodes one request.
		 * @param input the input, never null
		 * @param parameters the parameters, or null when none are given
		 * @param codec the JSON codec
		 * @return the request body
		 */
		RequestPayload encode(I input, @Nullable P parameters, JsonCodec codec);

	}

	/**
	 * Turns a successful response into a task's typed result.
	 *
	 * @param <R> the result type
	 */
	@FunctionalInterface
	public interface ResponseDecoder<R> {

		/**
		 * Decodes one response.
		 * @param response the raw response
		 * @param codec the JSON codec
		 * @return the typed result
		 */
		R decode(RawResponse response, JsonCodec codec);

	}

	/**
	 * The body of an inference request: a JSON object or raw binary bytes.
	 */
	public sealed interface RequestPayload {

		/**
		 * A JSON body.
		 * @param body the JSON object
		 * @param encoded the object already serialised by the encoder (exactly what the codec
		 * would write for {@code body}), or null to have it written when sent
		 */
		record Json(ObjectNode body, byte @Nullable [] encoded) implements RequestPayload {

			public Json {
				Objects.requireNonNull(body, "body");
			}

			/**
			 * A JSON body, serialised when sent.
			 * @param body the JSON object
			 */
			public Json(ObjectNode body) {
				this(body, null);
			}

			/**
			 * The bytes to send.
			 * @param codec the codec that writes the body when the encoder did not
			 * @return the serialised body
			 */
			public byte[] bytes(JsonCodec codec) {
				return (this.encoded != null) ? this.encoded : codec.write(this.body);
			}

		}

		/**
		 * A raw binary body (an image or audio file).
		 * @param bytes the file's bytes
		 * @param contentType its MIME type, or null to send no {@code Content-Type} (as the
		 * official clients do for raw bytes)
		 */
		record Binary(byte[] bytes, @Nullable String contentType) implements RequestPayload {

			public Binary {
				Objects.requireNonNull(bytes, "bytes");
			}

		}

	}

	/**
	 * How a task is addressed on the {@code hf-inference} provider and on endpoints.
	 */
	public enum TaskRoute {

		/** {@code /models/{id}}: the classic pipeline route. */
		MODEL,

		/** {@code /models/{id}/pipeline/{task}}: tasks a model may serve besides its default one. */
		PIPELINE,

		/** OpenAI-compatible {@code /v1/chat/completions}. */
		CHAT_COMPLETIONS,

		/**
		 * The router's OpenAI-compatible Responses API, {@code /v1/responses} (the provider is
		 * chosen by the router from the {@code model} field's {@code :provider} suffix).
		 */
		RESPONSES

	}

}
