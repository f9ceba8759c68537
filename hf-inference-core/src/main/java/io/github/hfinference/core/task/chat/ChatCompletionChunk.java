package io.github.hfinference.core.task.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One event of a streamed chat completion ({@code chat.completion.chunk}): a delta per
 * choice and, on the last chunk when requested or volunteered by the provider, the token
 * {@code usage}. {@link ChatStreams#aggregate} reassembles chunks into the
 * {@link ChatCompletionOutput} a non-streaming call returns.
 *
 * @param id completion id (may be empty)
 * @param created creation time, epoch seconds
 * @param model the model that answered
 * @param systemFingerprint backend fingerprint
 * @param choices the deltas, one per choice (empty on a usage-only chunk)
 * @param usage token counts, usually only on the last chunk
 */
public record ChatCompletionChunk(@Nullable String id, long created, @Nullable String model,
		@Nullable String systemFingerprint, List<Choice> choices, @Nullable Usage usage) implements ChatUsage {

	public ChatCompletionChunk {
		choices = (choices != null) ? List.copyOf(choices) : List.of();
	}

	/** The text the first choice adds, or null if this chunk adds none. */
	public @Nullable String content() {
		return this.choices.isEmpty() ? null : this.choices.get(0).delta().content();
	}

	/**
	 * The reasoning (thinking) text the first choice adds, or null if this chunk adds
	 * none; it is never part of {@link #content()}.
	 * @return the reasoning fragment, or null
	 */
	public @Nullable String reasoningDelta() {
		return this.choices.isEmpty() ? null : this.choices.get(0).delta().reasoning();
	}

	/**
	 * The delta of one choice.
	 *
	 * @param index the choice's index
	 * @param delta what this chunk adds to the choice's message
	 * @param finishReason why generation stopped, on the choice's last chunk
	 * @param logprobs log probabilities of this chunk's tokens, when requested
	 */
	public record Choice(int index, Delta delta, @Nullable String finishReason, @Nullable JsonNode logprobs) {

		public Choice {
			delta = (delta != null) ? delta : Delta.EMPTY;
		}

	}

	/**
	 * What a chunk adds to an assistant message.
	 *
	 * @param role the role, usually on the first chunk only
	 * @param content a fragment of the text
	 * @param toolCalls fragments of tool calls, matched across chunks by their index
	 * @param reasoning a fragment of the reasoning ({@code reasoning_content} or
	 * {@code reasoning}), kept apart from the content
	 */
	public record Delta(@Nullable String role, @Nullable String content, @Nullable List<ToolCallDelta> toolCalls,
			@JsonAlias("reasoning_content") @Nullable String reasoning) {

		static final Delta EMPTY = new Delta(null, null, null, null);

		/**
		 * A delta without reasoning.
		 * @param role the role
		 * @param content the text fragment
		 * @param toolCalls the tool-call fragments
		 */
		public Delta(@Nullable String role, @Nullable String content, @Nullable List<ToolCallDelta> toolCalls) {
			this(role, content, toolCalls, null);
		}

	}

	/**
	 * A fragment of a tool call: the first fragment of a call usually carries its id, type
	 * and function name; the following ones pieces of its arguments.
	 *
	 * @param index which tool call of the choice this fragment belongs to
	 * @param id the call id, or null on later fragments
	 * @param type {@code function}, or null on later fragments
	 * @param function the function name and a piece of its arguments
	 */
	public record ToolCallDelta(int index, @Nullable String id, @Nullable String type,
			@Nullable FunctionDelta function) {

	}

	/**
	 * A fragment of a tool call's function.
	 *
	 * @param name the function name, or null on later fragments
	 * @param arguments a piece of the arguments' JSON text (a JSON object is read as its
	 * text)
	 */
	public record FunctionDelta(@Nullable String name,
			@JsonDeserialize(using = ToolCall.JsonTextDeserializer.class) @Nullable String arguments) {

	}

}
