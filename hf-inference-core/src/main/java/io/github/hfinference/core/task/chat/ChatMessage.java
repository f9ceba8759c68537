package io.github.hfinference.core.task.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * One message of a chat conversation (OpenAI chat-completions format).
 * <p>
 * Its content is either text ({@link #content()}) or a list of {@link ContentPart parts}
 * ({@link #parts()}: text, images, audio), never both; a text message goes on the wire as
 * a plain string, a message with parts as the array of parts. The {@link #reasoning()} a
 * reasoning model returns ({@code reasoning_content} or {@code reasoning}) is read from
 * answers but never sent back.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text content (null for an assistant message that only calls tools,
 * or for a message with parts)
 * @param name optional participant name
 * @param toolCalls tool calls made by the assistant, if any
 * @param toolCallId for a {@code tool} message, the id of the call it answers
 * @param parts the content parts, or null for a text message
 * @param reasoning the model's reasoning (thinking) kept apart from its answer, or null
 */
@JsonSerialize(using = ChatMessage.Serializer.class)
@JsonDeserialize(using = ChatMessage.Deserializer.class)
public record ChatMessage(String role, @Nullable String content, @Nullable String name,
		@Nullable List<ToolCall> toolCalls, @Nullable String toolCallId, @Nullable List<ContentPart> parts,
		@Nullable String reasoning) {

	public ChatMessage {
		if (parts != null) {
			if (content != null) {
				throw new IllegalArgumentException("A chat message has either text content or parts, not both");
			}
			parts = List.copyOf(parts);
		}
	}

	/**
	 * A message without parts or reasoning (the shape before content parts existed).
	 * @param role the role
	 * @param content the text
	 * @param name the participant name
	 * @param toolCalls the tool calls
	 * @param toolCallId the call a tool message answers
	 */
	public ChatMessage(String role, @Nullable String content, @Nullable String name,
			@Nullable List<ToolCall> toolCalls, @Nullable String toolCallId) {
		this(role, content, name, toolCalls, toolCallId, null, null);
	}

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
	 * A user message of several parts (text, images, audio).
	 * @param parts the parts, in order
	 * @return the message
	 */
	public static ChatMessage user(ContentPart... parts) {
		return new ChatMessage("user", null, null, null, null, Arrays.asList(parts), null);
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

	/**
	 * The common conversation: instructions, then one user message.
	 * @param system the instructions
	 * @param user the user's text
	 * @return the two messages
	 */
	public static List<ChatMessage> conversation(String system, String user) {
		return List.of(system(system), user(user));
	}

	/**
	 * The text of this message: its content, or its text parts joined.
	 * @return the text, or null if it has none
	 */
	public @Nullable String text() {
		if (this.parts == null) {
			return this.content;
		}
		List<String> texts = new ArrayList<>();
		for (ContentPart part : this.parts) {
			if (part instanceof ContentPart.Text text) {
				texts.add(text.text());
			}
		}
		return texts.isEmpty() ? null : String.join("\n", texts);
	}

	/**
	 * Writes the OpenAI shape: {@code content} as a string, or as the array of parts;
	 * reasoning is never sent.
	 */
	static final class Serializer extends StdSerializer<ChatMessage> {

		Serializer() {
			super(ChatMessage.class);
		}

		@Override
		public void serialize(ChatMessage message, JsonGenerator generator, SerializationContext context) {
			generator.writeStartObject(message);
			generator.writeStringProperty("role", message.role());
			if (message.parts() != null) {
				generator.writeName("content");
				context.writeValue(generator, message.parts());
			}
			else if (message.content() != null) {
				generator.writeStringProperty("content", message.content());
			}
			if (message.name() != null) {
				generator.writeStringProperty("name", message.name());
			}
			if (message.toolCalls() != null) {
				generator.writeName("tool_calls");
				context.writeValue(generator, message.toolCalls());
			}
			if (message.toolCallId() != null) {
				generator.writeStringProperty("tool_call_id", message.toolCallId());
			}
			generator.writeEndObject();
		}

	}

	/**
	 * Reads a message: a string or an array of parts as content, {@code reasoning_content}
	 * or {@code reasoning} as the reasoning.
	 */
	static final class Deserializer extends StdDeserializer<ChatMessage> {

		Deserializer() {
			super(ChatMessage.class);
		}

		@Override
		public ChatMessage deserialize(JsonParser parser, DeserializationContext context) {
			JsonNode node = context.readTree(parser);
			JsonNode content = node.get("content");
			List<ContentPart> parts = null;
			String text = null;
			if (content != null && content.isArray()) {
				parts = new ArrayList<>();
				for (JsonNode part : content) {
					parts.add(context.readTreeAsValue(part, ContentPart.class));
				}
			}
			else if (content != null && !content.isNull()) {
				text = content.isString() ? content.stringValue() : content.toString();
			}
			JsonNode toolCalls = node.get("tool_calls");
			List<ToolCall> calls = null;
			if (toolCalls != null && toolCalls.isArray()) {
				calls = new ArrayList<>();
				for (JsonNode call : toolCalls) {
					calls.add(context.readTreeAsValue(call, ToolCall.class));
				}
			}
			return new ChatMessage(string(node, "role", "assistant"), text, string(node, "name", null), calls,
					string(node, "tool_call_id", null), parts, reasoning(node));
		}

		static @Nullable String reasoning(JsonNode node) {
			String reasoning = string(node, "reasoning_content", null);
			return (reasoning != null) ? reasoning : string(node, "reasoning", null);
		}

		private static @Nullable String string(JsonNode node, String field, @Nullable String fallback) {
			JsonNode value = node.get(field);
			return (value != null && value.isString()) ? value.stringValue() : fallback;
		}

	}

}
