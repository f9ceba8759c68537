package io.github.hfinference.core.chat;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.chat.ChatSettings.StructuredOutputMode;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

/**
 * One chat call for {@link HfChatClient}: the model, the conversation, the parameters, the
 * tools that may run, the call options and, optionally, how a typed answer is asked for.
 *
 * @param model the model (its {@link ChatSettings} apply)
 * @param messages the conversation
 * @param parameters the parameters, or null
 * @param tools the tools the model may call (they run in the tool loop)
 * @param options the call options
 * @param structuredOutput how a typed answer is asked for, or null for the model's setting
 */
public record ChatRequest(ModelDefinition model, List<ChatMessage> messages,
		ChatCompletion.@Nullable Parameters parameters, List<ChatTool> tools, CallOptions options,
		@Nullable StructuredOutputMode structuredOutput) {

	public ChatRequest {
		Objects.requireNonNull(model, "model");
		messages = List.copyOf(messages);
		tools = List.copyOf(tools);
		Objects.requireNonNull(options, "options");
	}

	/**
	 * A call with default parameters, no tools and default options.
	 * @param model the model
	 * @param messages the conversation
	 * @return the request
	 */
	public static ChatRequest of(ModelDefinition model, List<ChatMessage> messages) {
		return new ChatRequest(model, messages, null, List.of(), CallOptions.defaults(), null);
	}

	/**
	 * @param value the parameters, or null
	 * @return a copy with those parameters
	 */
	public ChatRequest withParameters(ChatCompletion.@Nullable Parameters value) {
		return new ChatRequest(this.model, this.messages, value, this.tools, this.options, this.structuredOutput);
	}

	/**
	 * @param value the tools the model may call
	 * @return a copy with those tools
	 */
	public ChatRequest withTools(List<ChatTool> value) {
		return new ChatRequest(this.model, this.messages, this.parameters, value, this.options, this.structuredOutput);
	}

	/**
	 * @param value the call options
	 * @return a copy with those options
	 */
	public ChatRequest withOptions(CallOptions value) {
		return new ChatRequest(this.model, this.messages, this.parameters, this.tools, value, this.structuredOutput);
	}

	/**
	 * @param value how a typed answer is asked for, overriding the model's setting (for
	 * example {@code JSON_OBJECT} on a provider without {@code json_schema} support)
	 * @return a copy with that mode
	 */
	public ChatRequest withStructuredOutput(@Nullable StructuredOutputMode value) {
		return new ChatRequest(this.model, this.messages, this.parameters, this.tools, this.options, value);
	}

	/**
	 * @param value the conversation
	 * @return a copy with that conversation
	 */
	public ChatRequest withMessages(List<ChatMessage> value) {
		return new ChatRequest(this.model, value, this.parameters, this.tools, this.options, this.structuredOutput);
	}

}
