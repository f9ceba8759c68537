package io.github.hfinference.core.task;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.Task.RequestEncoder;
import io.github.hfinference.core.task.Task.RequestPayload;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * The streaming variant of a {@link Task}: the same input, parameters and route, a body
 * that asks for a server-sent event stream ({@code "stream": true}), and a decoder that
 * turns each event into a typed chunk.
 * <p>
 * The stream ends at the end of the response body, or earlier at the
 * {@linkplain #isEndOfStream(String) end marker} ({@code [DONE]} by default). An event
 * whose JSON carries an {@code error} field never reaches the decoder: it fails the stream
 * with the typed exception a non-streaming call would raise.
 *
 * @param <I> the input type
 * @param <P> the parameters type
 * @param <C> the chunk type
 */
public final class StreamingTask<I, P, C> {

	/** The data that marks the end of an OpenAI-style stream. */
	public static final String DONE = "[DONE]";

	private final Task<I, P, ?> task;

	private final Class<C> chunkType;

	private final RequestEncoder<I, P> encoder;

	private final ChunkDecoder<C> decoder;

	private final Predicate<String> endOfStream;

	private final @Nullable String endMarker;

	/** Whether events are read with the default decoder (so straight from their bytes). */
	private final boolean readsChunkType;

	private final Function<C, @Nullable String> text;

	private StreamingTask(Builder<I, P, C> builder) {
		this.task = builder.task;
		this.chunkType = builder.chunkType;
		this.encoder = (builder.encoder != null) ? builder.encoder : streamingBody(builder.task, (body) -> {
		});
		Class<C> type = builder.chunkType;
		this.decoder = (builder.decoder != null) ? builder.decoder : (event, codec) -> codec.convert(event, type);
		this.readsChunkType = (builder.decoder == null);
		this.endOfStream = builder.endOfStream;
		this.endMarker = builder.endMarker;
		this.text = Objects.requireNonNull(builder.text, "text");
	}

	/**
	 * Starts the definition of the streaming variant of a task.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <C> the chunk type
	 * @param task the non-streaming task it streams
	 * @param chunkType the chunk type, read from each event's JSON by default
	 * @return a builder
	 */
	public static <I, P, C> Builder<I, P, C> builder(Task<I, P, ?> task, Class<C> chunkType) {
		return new Builder<>(task, chunkType);
	}

	/**
	 * An encoder that writes a task's usual body and adds {@code "stream": true} at its
	 * root, then lets {@code customizer} add more (such as {@code stream_options}).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param task the task whose encoder builds the body
	 * @param customizer adds fields to the JSON body
	 * @return the encoder
	 */
	public static <I, P> RequestEncoder<I, P> streamingBody(Task<I, P, ?> task, Consumer<ObjectNode> customizer) {
		RequestEncoder<I, P> encoder = task.encoder();
		return (input, parameters, codec) -> {
			RequestPayload payload = encoder.encode(input, parameters, codec);
			if (!(payload instanceof RequestPayload.Json json)) {
				throw new HfConfigurationException("Task '" + task.id()
						+ "' cannot stream: its request is a binary body, not JSON where \"stream\": true could be set");
			}
			ObjectNode body = json.body().deepCopy();
			body.put("stream", true);
			customizer.accept(body);
			return new RequestPayload.Json(body);
		};
	}

	/** The Hugging Face task id, the same as the non-streaming task's. */
	public String id() {
		return this.task.id();
	}

	/** The non-streaming task this one streams: its route, input and parameter types. */
	public Task<I, P, ?> task() {
		return this.task;
	}

	/** How the task is addressed (the non-streaming task's route). */
	public TaskRoute route() {
		return this.task.route();
	}

	/** The chunk type, for validating and resolving declarative methods. */
	public Class<C> chunkType() {
		return this.chunkType;
	}

	/** The request encoder (the task's body with {@code "stream": true}). */
	public RequestEncoder<I, P> encoder() {
		return this.encoder;
	}

	/** The chunk decoder. */
	public ChunkDecoder<C> decoder() {
		return this.decoder;
	}

	/**
	 * Whether an event's data marks the end of the stream ({@code [DONE]} unless the task
	 * says otherwise). Streams without a marker end with the response body.
	 * @param data the event's data, stripped of surrounding white space
	 * @return true to stop reading
	 */
	public boolean isEndOfStream(String data) {
		return this.endOfStream.test(data);
	}

	/**
	 * The fixed data that ends the stream ({@code [DONE]} unless the task set its own
	 * {@linkplain Builder#endOfStream(Predicate) test}), so that a stream can look for it
	 * on the event's bytes; null when only {@link #isEndOfStream(String)} can tell.
	 * @return the marker, or null
	 */
	public @Nullable String endMarker() {
		return this.endMarker;
	}

	/**
	 * Reads an event's data straight from its UTF-8 bytes into the chunk type, without a
	 * JSON tree, when the task uses the default decoder (the fast path of a stream). Null
	 * when the task has its own {@link ChunkDecoder}, or when the bytes do not read as a
	 * chunk: the caller then parses the tree and calls the {@link #decoder()}, which says
	 * what was wrong. An error event reads as a chunk without text: the caller tells
	 * those apart.
	 * @param data the event's data
	 * @param codec the JSON codec
	 * @return the chunk, or null
	 */
	public @Nullable C readChunk(byte[] data, JsonCodec codec) {
		if (!this.readsChunkType) {
			return null;
		}
		try {
			return codec.readOrNull(data, this.chunkType);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The text a chunk adds to the answer (a chat delta's content, a generated token's
	 * text), or null if it adds none.
	 * @param chunk the chunk
	 * @return the text, or null
	 */
	public @Nullable String text(C chunk) {
		return this.text.apply(chunk);
	}

	/**
	 * Only the text each chunk adds, skipping chunks that add none; concatenated, the
	 * texts are the whole answer.
	 * @param chunks the chunks of this task
	 * @return the texts
	 */
	public Flux<String> texts(Flux<C> chunks) {
		return chunks.handle((chunk, sink) -> {
			String text = text(chunk);
			if (text != null && !text.isEmpty()) {
				sink.next(text);
			}
		});
	}

	@Override
	public String toString() {
		return "StreamingTask[" + id() + "]";
	}

	/**
	 * Builds a {@link StreamingTask}.
	 *
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <C> the chunk type
	 */
	public static final class Builder<I, P, C> {

		private final Task<I, P, ?> task;

		private final Class<C> chunkType;

		private @Nullable RequestEncoder<I, P> encoder;

		private @Nullable ChunkDecoder<C> decoder;

		private Predicate<String> endOfStream = DONE::equals;

		private @Nullable String endMarker = DONE;

		private @Nullable Function<C, @Nullable String> text;

		private Builder(Task<I, P, ?> task, Class<C> chunkType) {
			this.task = Objects.requireNonNull(task, "task");
			this.chunkType = Objects.requireNonNull(chunkType, "chunkType");
		}

		/**
		 * Sets the request encoder; by default the task's body with {@code "stream": true}.
		 * @param encoder the encoder
		 * @return this builder
		 * @see StreamingTask#streamingBody(Task, Consumer)
		 */
		public Builder<I, P, C> encoder(RequestEncoder<I, P> encoder) {
			this.encoder = encoder;
			return this;
		}

		/**
		 * Sets the chunk decoder; by default each event's JSON is read as the chunk type.
		 * @param decoder the decoder
		 * @return this builder
		 */
		public Builder<I, P, C> decoder(ChunkDecoder<C> decoder) {
			this.decoder = decoder;
			return this;
		}

		/**
		 * Sets which event data ends the stream; {@code [DONE]} by default.
		 * @param endOfStream tests an event's stripped data
		 * @return this builder
		 */
		public Builder<I, P, C> endOfStream(Predicate<String> endOfStream) {
			this.endOfStream = Objects.requireNonNull(endOfStream, "endOfStream");
			this.endMarker = null;
			return this;
		}

		/**
		 * Sets how to read the text a chunk adds to the answer (required).
		 * @param text returns a chunk's text, or null
		 * @return this builder
		 */
		public Builder<I, P, C> text(Function<C, @Nullable String> text) {
			this.text = text;
			return this;
		}

		/** Builds the streaming task. */
		public StreamingTask<I, P, C> build() {
			return new StreamingTask<>(this);
		}

	}

	/**
	 * Turns the JSON {@code data} of one server-sent event into a streaming task's typed
	 * chunk. Error events and the end-of-stream marker never reach it.
	 *
	 * @param <C> the chunk type
	 */
	@FunctionalInterface
	public interface ChunkDecoder<C> {

		/**
		 * Decodes one event.
		 * @param event the event's data, parsed as JSON
		 * @param codec the JSON codec
		 * @return the typed chunk
		 */
		C decode(JsonNode event, JsonCodec codec);

	}

}
