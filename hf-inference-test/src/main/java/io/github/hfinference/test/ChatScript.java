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
	 * Answers the next call with a chat completion written as JSON, sent byte for byte to a
	 * plain request: for wire fields or spellings the result records do not write, such as
	 * {@code reasoning_content} or {@code usage.prompt_tokens_details}. A streamed request
	 * gets the completion's text as one chunk.
	 * <pre class="code">
	 * stub.endpoint("tgi").chat().answersJson("""
	 *     {"object": "chat.completion", "model": "m", "choices": [{"index": 0, "finish_reason": "stop",
	 *      "message": {"role": "assistant", "content": "42", "reasoning_content": "Six times seven."}}]}
	 *     """);
	 * </pre>
	 * @param completionJson a {@code chat.completion} object
	 * @return this script
	 * @throws HfConfigurationException if it is not a chat completion's JSON
	 */
	public ChatScript answersJson(String completionJson) {
		ChatCompletionOutput output = read(completionJson, ChatCompletionOutput.class, "answersJson");
		String content = (output.content() != null) ? output.content() : "";
		Reply reply = new Reply(output, List.of(content), null);
		reply.rawBody = completionJson.getBytes(StandardCharsets.UTF_8);
		return reply(reply);
	}

	/**
	 * Answers the next streamed call with these {@code chat.completion.chunk} objects,
	 * written as JSON and sent byte for byte, one server-sent event each, then
	 * {@code [DONE]}: for fragments as a provider sends them (tool-call arguments split
	 * mid-JSON, {@code reasoning_content} deltas). A plain request gets their text joined.
	 * @param chunkJsons the chunks, one event each
	 * @return this script
	 * @throws HfConfigurationException if one is not a chat completion chunk's JSON
	 */
	public ChatScript streamsJson(String... chunkJsons) {
		StringBuilder text = new StringBuilder();
		for (String chunkJson : chunkJsons) {
			ChatCompletionChunk chunk = read(chunkJson, ChatCompletionChunk.class, "streamsJson");
			text.append((chunk.content() != null) ? chunk.content() : "");
		}
		Reply reply = new Reply(HfAnswers.chatReply(this.model, text.toString()), List.of(), null);
		reply.rawEvents = List.of(chunkJsons);
		return reply(reply);
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

	private <T> T read(String json, Class<T> type, String method) {
		try {
			T value = JsonCodec.get().mapper().readValue(json, type);
			if (value == null) {
				throw new IllegalArgumentException("null");
			}
			return value;
		}
		catch (RuntimeException ex) {
			throw new HfConfigurationException(method + "(...) for the chat of model '" + this.model + "' needs a "
					+ type.getSimpleName() + " as JSON, not " + json + " (" + ex.getMessage() + ")");
		}
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

		/** The body sent to a plain request instead of the encoded output. */
		private byte @Nullable [] rawBody;

		/** The events streamed instead of chunks made from the output. */
		private @Nullable List<String> rawEvents;

		Reply(ChatCompletionOutput output, List<String> deltas, @Nullable List<ChatCompletionChunk> chunks) {
			this.output = output;
			this.deltas = deltas;
			this.chunks = chunks;
		}

		MockResponse.Builder respond(StubRoute route) {
			if (!route.stream()) {
				return (this.error != null) ? response(500, WireFormat.json(this.error))
						: (this.rawBody != null) ? response(200, new WireFormat.Body(this.rawBody, "application/json"))
								: response(200, WireFormat.encode(this.output));
			}
			StringBuilder events = new StringBuilder();
			List<ChatCompletionChunk> chunks = (this.chunks != null) ? this.chunks : new ArrayList<>();
			for (int i = 0; this.chunks == null && this.rawEvents == null && i < this.deltas.size(); i++) {
				boolean lastChunk = i == this.deltas.size() - 1 && this.error == null;
				chunks.add(HfAnswers.chatChunk(this.output.model(), this.deltas.get(i), lastChunk ? "stop" : null));
			}
			if (this.rawEvents != null) {
				this.rawEvents.forEach((event) -> events.append("data: ").append(event).append("\n\n"));
			}
			for (int i = 0; this.rawEvents == null && i < chunks.size(); i++) {
				events.append("data: ")
					.append(JsonCodec.get().mapper().writeValueAsString(chunks.get(i)))
					.append("\n\n");
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
