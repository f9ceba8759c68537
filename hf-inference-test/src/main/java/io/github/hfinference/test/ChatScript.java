package io.github.hfinference.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.test.internal.StubRoute;
import io.github.hfinference.test.internal.WireFormat;

/**
 * The scripted answers of a model's chat completions. Every answer serves both forms: a
 * plain request gets one {@code chat.completion}, a streamed one ({@code "stream": true})
 * gets the same text as {@code chat.completion.chunk} server-sent events ending in
 * {@code [DONE]}.
 * <pre class="code">
 * stub.model("meta-llama/Llama-3.1-8B-Instruct").chat()
 *     .streams("Hel", "lo", "!")
 *     .thenStreams("Partial").thenErrors("generation", "CUDA out of memory");
 * </pre>
 */
public final class ChatScript extends Script<ChatScript> {

	private final String model;

	private @Nullable Reply last;

	ChatScript(String model) {
		super(model, StubRoute.CHAT);
		this.model = model;
	}

	/**
	 * Answers the next call with a complete chat completion.
	 * @param output the completion, e.g. from {@link HfAnswers#chatReply(String, String)}
	 * @return this script
	 */
	public ChatScript answers(ChatCompletionOutput output) {
		String content = (output.content() != null) ? output.content() : "";
		return reply(new Reply(output, List.of(content), null));
	}

	/**
	 * Answers the next call with an assistant message.
	 * @param text the message
	 * @return this script
	 */
	public ChatScript replies(String text) {
		return reply(new Reply(HfAnswers.chatReply(this.model, text), List.of(text), null));
	}

	/**
	 * Same as {@link #replies(String)}, reads better after another step.
	 * @param text the message
	 * @return this script
	 */
	public ChatScript thenReplies(String text) {
		return replies(text);
	}

	/**
	 * Answers the next call with a message streamed in pieces (a plain request gets the
	 * pieces joined).
	 * @param deltas the text pieces, one chunk each
	 * @return this script
	 */
	public ChatScript streams(String... deltas) {
		return reply(new Reply(HfAnswers.chatReply(this.model, String.join("", deltas)), List.of(deltas), null));
	}

	/**
	 * Answers the next streamed call with these chunks as they are (tool-call deltas, usage,
	 * finish reasons); a plain request gets their text joined.
	 * @param chunks the chunks, one event each
	 * @return this script
	 */
	public ChatScript streams(List<ChatCompletionChunk> chunks) {
		StringBuilder text = new StringBuilder();
		chunks.forEach((chunk) -> text.append((chunk.content() != null) ? chunk.content() : ""));
		return reply(new Reply(HfAnswers.chatReply(this.model, text.toString()), List.of(), List.copyOf(chunks)));
	}

	/**
	 * Same as {@link #streams(String...)}, reads better after another step.
	 * @param deltas the text pieces
	 * @return this script
	 */
	public ChatScript thenStreams(String... deltas) {
		return streams(deltas);
	}

	/**
	 * Ends the last scripted stream with an error event ({@code data: {"error": ...,
	 * "error_type": ...}}) instead of {@code [DONE]}, as TGI does when generation fails
	 * mid-stream; a plain request gets the same error as a 500.
	 * @param errorType the {@code error_type}, e.g. {@code generation}, {@code validation},
	 * {@code overloaded}
	 * @param message the error message
	 * @return this script
	 */
	public ChatScript thenErrors(String errorType, String message) {
		if (this.last == null) {
			throw new HfConfigurationException("thenErrors(...) ends a scripted stream, but no answer is scripted yet "
					+ "for the chat of model '" + this.model + "'");
		}
		this.last.error = Map.of("error", message, "error_type", errorType);
		return this;
	}

	private ChatScript reply(Reply reply) {
		this.last = reply;
		return add(Step.answer(reply::respond));
	}

	private static final class Reply {

		private final ChatCompletionOutput output;

		private final List<String> deltas;

		private final @Nullable List<ChatCompletionChunk> chunks;

		private @Nullable Map<String, String> error;

		Reply(ChatCompletionOutput output, List<String> deltas, @Nullable List<ChatCompletionChunk> chunks) {
			this.output = output;
			this.deltas = deltas;
			this.chunks = chunks;
		}

		MockResponse.Builder respond(StubRoute route) {
			if (!route.stream()) {
				return (this.error != null) ? response(500, WireFormat.json(this.error))
						: response(200, WireFormat.encode(this.output));
			}
			StringBuilder events = new StringBuilder();
			List<ChatCompletionChunk> chunks = (this.chunks != null) ? this.chunks : new ArrayList<>();
			for (int i = 0; this.chunks == null && i < this.deltas.size(); i++) {
				boolean lastChunk = i == this.deltas.size() - 1 && this.error == null;
				chunks.add(HfAnswers.chatChunk(this.output.model(), this.deltas.get(i), lastChunk ? "stop" : null));
			}
			for (ChatCompletionChunk chunk : chunks) {
				events.append("data: ").append(JsonCodec.get().mapper().writeValueAsString(chunk)).append("\n\n");
			}
			if (this.error != null) {
				events.append("data: ").append(JsonCodec.get().mapper().writeValueAsString(this.error)).append("\n\n");
			}
			else {
				events.append("data: [DONE]\n\n");
			}
			return response(200, new WireFormat.Body(events.toString().getBytes(StandardCharsets.UTF_8),
					"text/event-stream"));
		}

	}

}
