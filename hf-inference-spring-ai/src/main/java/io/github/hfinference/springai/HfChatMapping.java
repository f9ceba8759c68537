package io.github.hfinference.springai;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.metadata.EmptyUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ContentPart;
import io.github.hfinference.core.task.chat.Tool;
import io.github.hfinference.core.task.chat.ToolCall;
import io.github.hfinference.core.task.chat.Usage;

/**
 * The one place where Spring AI's chat types and the core client's chat-completion types
 * meet: prompt messages and options to the request, completions back to
 * {@link ChatResponse}.
 */
final class HfChatMapping {

	/** Metadata key of the target (provider or endpoint) that served the call. */
	static final String TARGET = "hf.target";

	/** Metadata key of how many attempts the call took, retries and failover included. */
	static final String ATTEMPTS = "hf.attempts";

	/** Metadata key of the server's request id. */
	static final String REQUEST_ID = "hf.request-id";

	/** Metadata key of the model commit that served the call. */
	static final String SERVED_REVISION = "hf.served-revision";

	/** Metadata key of a generation's reasoning, as Spring AI's OpenAI model names it. */
	static final String REASONING_CONTENT = "reasoningContent";

	private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private final JsonMapper json = JsonMapper.shared();

	private final ToolCallingManager toolCallingManager;

	HfChatMapping(ToolCallingManager toolCallingManager) {
		this.toolCallingManager = toolCallingManager;
	}

	List<ChatMessage> messages(List<Message> instructions) {
		List<ChatMessage> messages = new ArrayList<>(instructions.size());
		for (int i = 0; i < instructions.size(); i++) {
			Message message = instructions.get(i);
			switch (message.getMessageType()) {
				case SYSTEM -> messages.add(ChatMessage.system(text(message)));
				case USER -> messages.add(user((UserMessage) message, i));
				case ASSISTANT -> messages.add(assistant((AssistantMessage) message));
				case TOOL -> ((ToolResponseMessage) message).getResponses()
					.forEach((response) -> messages.add(ChatMessage.tool(response.id(), response.responseData())));
			}
		}
		return messages;
	}

	/**
	 * A user message: its text alone, or with media its text and media as content parts
	 * (images by URL or inline, WAV or MP3 audio inline).
	 */
	private static ChatMessage user(UserMessage message, int index) {
		if (message.getMedia().isEmpty()) {
			return ChatMessage.user(text(message));
		}
		List<ContentPart> parts = new ArrayList<>(message.getMedia().size() + 1);
		String text = message.getText();
		if (text != null && !text.isEmpty()) {
			parts.add(ContentPart.text(text));
		}
		for (Media media : message.getMedia()) {
			parts.add(part(media, index));
		}
		return ChatMessage.user(parts.toArray(ContentPart[]::new));
	}

	private static ContentPart part(Media media, int index) {
		String type = media.getMimeType().getType() + "/" + media.getMimeType().getSubtype();
		if ("image".equals(media.getMimeType().getType())) {
			if (media.getData() instanceof URI uri) {
				return ContentPart.image(uri);
			}
			if (media.getData() instanceof String url) {
				return ContentPart.image(URI.create(url));
			}
			return ContentPart.image(media.getDataAsByteArray(), type);
		}
		if ("audio".equals(media.getMimeType().getType())) {
			return ContentPart.audio(new BinaryInput(media.getDataAsByteArray(), type));
		}
		throw new HfSpringAiRequestException("Prompt message " + index + " (user) carries media of type '" + type
				+ "'; Hugging Face chat models take images (image/*) and WAV or MP3 audio");
	}

	private static ChatMessage assistant(AssistantMessage message) {
		List<ToolCall> calls = message.getToolCalls()
			.stream()
			.map((call) -> new ToolCall(call.id(), "function", new ToolCall.Function(call.name(), call.arguments())))
			.toList();
		String text = message.getText();
		return new ChatMessage("assistant", (calls.isEmpty() || (text != null && !text.isEmpty())) ? text(message) : null,
				null, calls.isEmpty() ? null : calls, null);
	}

	private static String text(Message message) {
		String text = message.getText();
		return (text != null) ? text : "";
	}

	/**
	 * The request parameters of a prompt's options: the portable ones, tool definitions
	 * resolved by the {@link ToolCallingManager} (tools are executed by Spring AI, not
	 * here), the output schema as a {@code json_schema} response format, and this
	 * module's own options.
	 */
	ChatCompletion.Parameters parameters(ChatOptions options) {
		if (options.getTopK() != null) {
			throw new HfSpringAiRequestException("Chat option topK (" + options.getTopK()
					+ ") has no equivalent in the OpenAI chat format Hugging Face serves; leave it unset");
		}
		ChatCompletion.Parameters.Builder builder = ChatCompletion.Parameters.builder();
		if (options.getMaxTokens() != null) {
			builder.maxTokens(options.getMaxTokens());
		}
		if (options.getTemperature() != null) {
			builder.temperature(options.getTemperature());
		}
		if (options.getTopP() != null) {
			builder.topP(options.getTopP());
		}
		if (options.getStopSequences() != null && !options.getStopSequences().isEmpty()) {
			builder.stop(options.getStopSequences());
		}
		if (options.getFrequencyPenalty() != null) {
			builder.frequencyPenalty(options.getFrequencyPenalty());
		}
		if (options.getPresencePenalty() != null) {
			builder.presencePenalty(options.getPresencePenalty());
		}
		if (options instanceof ToolCallingChatOptions toolOptions) {
			List<Tool> tools = this.toolCallingManager.resolveToolDefinitions(toolOptions)
				.stream()
				.map(this::tool)
				.toList();
			if (!tools.isEmpty()) {
				builder.tools(tools);
			}
		}
		if (options instanceof StructuredOutputChatOptions structured && structured.getOutputSchema() != null
				&& !structured.getOutputSchema().isBlank()) {
			Map<String, Object> schema = new LinkedHashMap<>();
			schema.put("name", "json_schema");
			schema.put("schema", jsonObject(structured.getOutputSchema(), "outputSchema"));
			schema.put("strict", true);
			Map<String, Object> format = new LinkedHashMap<>();
			format.put("type", "json_schema");
			format.put("json_schema", schema);
			builder.responseFormat(format);
		}
		if (options instanceof HfChatOptions hf) {
			if (hf.getToolChoice() != null) {
				builder.toolChoice(hf.getToolChoice());
			}
			if (hf.getSeed() != null) {
				builder.seed(hf.getSeed());
			}
			if (hf.getReasoningEffort() != null) {
				builder.reasoningEffort(hf.getReasoningEffort());
			}
		}
		return builder.build();
	}

	private Tool tool(ToolDefinition definition) {
		return Tool.function(definition.name(), definition.description(),
				jsonObject(definition.inputSchema(), "input schema of tool '" + definition.name() + "'"));
	}

	private Map<String, Object> jsonObject(String text, String what) {
		try {
			return this.json.readValue(text, JSON_OBJECT);
		}
		catch (JacksonException ex) {
			throw new HfSpringAiRequestException("The " + what + " is not a JSON object: " + ex.getOriginalMessage());
		}
	}

	/**
	 * A chat response from a completion: one generation per choice with its tool calls,
	 * finish reason and reasoning, token usage, and where the call was served.
	 * @param completion the completion, or a streamed fragment of one
	 * @param served the call's response metadata, or null for a streamed fragment
	 * @param reasoning the reasoning of each choice so far, added to here: a stream's
	 * responses carry all the reasoning up to them, as Spring AI's models do
	 */
	ChatResponse response(ChatCompletionOutput completion, @Nullable ResponseMetadata served,
			Map<Integer, String> reasoning) {
		List<Generation> generations = new ArrayList<>(completion.choices().size());
		for (ChatCompletionOutput.Choice choice : completion.choices()) {
			String thought = choice.message().reasoning();
			if (thought != null) {
				reasoning.merge(choice.index(), thought, String::concat);
			}
			generations.add(generation(completion, choice, reasoning.getOrDefault(choice.index(), "")));
		}
		ChatResponseMetadata.Builder metadata = ChatResponseMetadata.builder()
			.id((completion.id() != null) ? completion.id() : "")
			.model((completion.model() != null) ? completion.model() : "")
			.usage(usage(completion.usage()))
			.keyValue("created", completion.created());
		if (served != null) {
			metadata.keyValue(TARGET, served.target()).keyValue(ATTEMPTS, served.attempts());
			if (served.requestId() != null) {
				metadata.keyValue(REQUEST_ID, served.requestId());
			}
			if (served.servedRevision() != null) {
				metadata.keyValue(SERVED_REVISION, served.servedRevision());
			}
		}
		return new ChatResponse(generations, metadata.build());
	}

	private static Generation generation(ChatCompletionOutput completion, ChatCompletionOutput.Choice choice,
			String reasoning) {
		ChatMessage message = choice.message();
		String finishReason = (choice.finishReason() != null) ? choice.finishReason().toUpperCase(Locale.ROOT) : null;
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("id", (completion.id() != null) ? completion.id() : "");
		properties.put("role", message.role());
		properties.put("index", choice.index());
		properties.put("finishReason", (finishReason != null) ? finishReason : "");
		properties.put(REASONING_CONTENT, reasoning);
		List<AssistantMessage.ToolCall> toolCalls = (message.toolCalls() != null) ? message.toolCalls()
			.stream()
			.map((call) -> new AssistantMessage.ToolCall((call.id() != null) ? call.id() : "", "function",
					call.function().name(), (call.function().arguments() != null) ? call.function().arguments() : "{}"))
			.toList() : List.of();
		AssistantMessage output = AssistantMessage.builder()
			.content((message.content() != null) ? message.content() : "")
			.properties(properties)
			.toolCalls(toolCalls)
			.build();
		return new Generation(output, ChatGenerationMetadata.builder().finishReason(finishReason).build());
	}

	private static org.springframework.ai.chat.metadata.Usage usage(@Nullable Usage usage) {
		if (usage == null) {
			return new EmptyUsage();
		}
		Integer cached = (usage.promptTokensDetails() != null) ? usage.promptTokensDetails().cachedTokens() : null;
		return new DefaultUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(), usage,
				(cached != null) ? cached.longValue() : null, null);
	}

}
