package io.github.hfinference.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ToolCall;
import io.github.hfinference.core.task.chat.Usage;

/**
 * Short ways to build the result records the stub answers with.
 */
public final class HfAnswers {

	/** The {@code created} time of scripted chat answers (2025-11-24T16:00:00Z). */
	private static final long CREATED = 1764000000L;

	private HfAnswers() {
	}

	/**
	 * A label with its score (text, image, audio and zero-shot classification).
	 * @param label the label
	 * @param score its probability
	 * @return the classification output
	 */
	public static ClassificationOutput label(String label, double score) {
		return new ClassificationOutput(label, score);
	}

	/**
	 * A sentence embedding.
	 * @param values its components
	 * @return the embedding
	 */
	public static Embedding embedding(float... values) {
		return Embedding.of(values);
	}

	/**
	 * A complete chat answer with one assistant message, finish reason {@code stop}, and a
	 * token usage of one token per word.
	 * @param model the model that answers
	 * @param text the assistant's message
	 * @return the chat completion
	 */
	public static ChatCompletionOutput chatReply(String model, String text) {
		int words = text.isBlank() ? 0 : text.trim().split("\\s+").length;
		return chatReply(model, text, new Usage(8, words, 8 + words));
	}

	/**
	 * A complete chat answer with one assistant message, finish reason {@code stop}, and a
	 * given token usage (for tests of usage metadata, token meters or cost).
	 * @param model the model that answers
	 * @param text the assistant's message
	 * @param usage the token counts, e.g. {@code new Usage(20, 5, 25)}
	 * @return the chat completion
	 */
	public static ChatCompletionOutput chatReply(String model, String text, Usage usage) {
		return new ChatCompletionOutput("chat-stub", CREATED, model, null,
				List.of(new ChatCompletionOutput.Choice(0, ChatMessage.assistant(text), "stop", null)), usage);
	}

	/**
	 * A complete chat answer in which the assistant calls one tool, finish reason
	 * {@code tool_calls}.
	 * @param model the model that answers
	 * @param callId the id the tool's answer must quote, e.g. {@code call_1}
	 * @param tool the tool's name
	 * @param argumentsJson the arguments, a JSON object as text, e.g. {@code {"city":"Paris"}}
	 * @return the chat completion
	 */
	public static ChatCompletionOutput chatToolCall(String model, String callId, String tool, String argumentsJson) {
		ToolCall call = new ToolCall(callId, "function", new ToolCall.Function(tool, argumentsJson));
		return new ChatCompletionOutput("chat-stub", CREATED, model, null,
				List.of(new ChatCompletionOutput.Choice(0, new ChatMessage("assistant", null, null, List.of(call), null),
						"tool_calls", null)),
				new Usage(8, 8, 16));
	}

	/**
	 * One chunk of a streamed chat answer.
	 * @param model the model that answers
	 * @param delta the text piece
	 * @param finishReason {@code stop} on the last chunk, else null
	 * @return the chunk
	 */
	public static ChatCompletionChunk chatChunk(@Nullable String model, String delta, @Nullable String finishReason) {
		return new ChatCompletionChunk("chat-stub", CREATED, model, null,
				List.of(new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.Delta("assistant", delta, null),
						finishReason, null)),
				null);
	}

}
