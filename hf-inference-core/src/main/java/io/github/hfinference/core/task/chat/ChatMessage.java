package io.github.hfinference.core.task.chat;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One message of a chat conversation (OpenAI chat-completions format).
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text content (null for an assistant message that only calls tools)
 * @param name optional participant name
 * @param toolCalls tool calls made by the assistant, if any
 * @param toolCallId for a {@code tool} message, the id of the call it answers
 */
public record ChatMessage(String role, @Nullable String content, @Nullable String name,
		@Nullable List<ToolCall> toolCalls, @Nullable String toolCallId) {

	/**
	 * A system message.
	 * @param content the instructions
	 * @return the message
	 */
	public static ChatMessage system(String content) {
		return new ChatMessage("system", content, null, null, null);
	}

	/**
	 * A user message.
	 * @param content the text
	 * @return the message
	 */
	public static ChatMessage user(String content) {
		return new ChatMessage("user", content, null, null, null);
	}

	/**
	 * An assistant message.
	 * @param content the text
	 * @return the message
	 */
	public static ChatMessage assistant(String content) {
		return new ChatMessage("assistant", content, null, null, null);
	}

	/**
	 * A tool result answering a tool call.
	 * @param toolCallId the id of the call
	 * @param content the tool's result
	 * @return the message
	 */
	public static ChatMessage tool(String toolCallId, String content) {
		return new ChatMessage("tool", content, null, null, toolCallId);
	}

}
