package io.github.hfinference.core.chat;

import java.util.Objects;

/**
 * How chat calls to one model behave (see
 * {@link io.github.hfinference.core.ModelDefinition.Builder#chat(ChatSettings)};
 * in Spring Boot {@code hf.inference.models.<alias>.chat.*}).
 *
 * @param includeUsage whether a stream asks for token usage on its last chunk
 * ({@code "stream_options": {"include_usage": true}}); some servers reject the field
 * @param maxImageBytes the largest inline image a message may carry; larger ones fail
 * with {@code HfInvalidRequestException} before anything is sent
 * @param maxToolRounds how many times the model may ask for tools in one call before it
 * fails with {@code HfToolException}
 * @param toolErrors what a throwing tool does: its message goes back to the model as the
 * tool's result, or the call fails
 * @param structuredOutput how typed answers are asked for: {@code json_schema}, or
 * {@code json_object} plus the schema in a system message for providers without
 * {@code json_schema} support
 * @param repairStructuredOutput whether an answer that does not bind gets one more round
 * (the error sent back to the model) before {@code HfStructuredOutputException}
 */
public record ChatSettings(boolean includeUsage, long maxImageBytes, int maxToolRounds, ToolErrors toolErrors,
		StructuredOutputMode structuredOutput, boolean repairStructuredOutput) {

	/** 20 MB, the default inline image limit. */
	public static final long DEFAULT_MAX_IMAGE_BYTES = 20L * 1024 * 1024;

	/** 5, the default number of tool rounds. */
	public static final int DEFAULT_MAX_TOOL_ROUNDS = 5;

	private static final ChatSettings DEFAULTS = new ChatSettings(true, DEFAULT_MAX_IMAGE_BYTES,
			DEFAULT_MAX_TOOL_ROUNDS, ToolErrors.SEND_TO_MODEL, StructuredOutputMode.JSON_SCHEMA, false);

	public ChatSettings {
		Objects.requireNonNull(toolErrors, "toolErrors");
		Objects.requireNonNull(structuredOutput, "structuredOutput");
		if (maxImageBytes < 1) {
			throw new IllegalArgumentException("chat maxImageBytes must be positive, got " + maxImageBytes);
		}
		if (maxToolRounds < 1) {
			throw new IllegalArgumentException("chat maxToolRounds must be at least 1, got " + maxToolRounds);
		}
	}

	/** Usage on, 20 MB images, 5 tool rounds, tool errors to the model, {@code json_schema}, no repair. */
	public static ChatSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * @param value whether streams ask for usage
	 * @return a copy with that setting
	 */
	public ChatSettings withIncludeUsage(boolean value) {
		return new ChatSettings(value, this.maxImageBytes, this.maxToolRounds, this.toolErrors,
				this.structuredOutput, this.repairStructuredOutput);
	}

	/**
	 * @param value the largest inline image, in bytes
	 * @return a copy with that setting
	 */
	public ChatSettings withMaxImageBytes(long value) {
		return new ChatSettings(this.includeUsage, value, this.maxToolRounds, this.toolErrors, this.structuredOutput,
				this.repairStructuredOutput);
	}

	/**
	 * @param value the most tool rounds
	 * @return a copy with that setting
	 */
	public ChatSettings withMaxToolRounds(int value) {
		return new ChatSettings(this.includeUsage, this.maxImageBytes, value, this.toolErrors, this.structuredOutput,
				this.repairStructuredOutput);
	}

	/**
	 * @param value what a throwing tool does
	 * @return a copy with that setting
	 */
	public ChatSettings withToolErrors(ToolErrors value) {
		return new ChatSettings(this.includeUsage, this.maxImageBytes, this.maxToolRounds, value,
				this.structuredOutput, this.repairStructuredOutput);
	}

	/**
	 * @param value how typed answers are asked for
	 * @return a copy with that setting
	 */
	public ChatSettings withStructuredOutput(StructuredOutputMode value) {
		return new ChatSettings(this.includeUsage, this.maxImageBytes, this.maxToolRounds, this.toolErrors, value,
				this.repairStructuredOutput);
	}

	/**
	 * @param value whether a non-binding answer gets one repair round
	 * @return a copy with that setting
	 */
	public ChatSettings withRepairStructuredOutput(boolean value) {
		return new ChatSettings(this.includeUsage, this.maxImageBytes, this.maxToolRounds, this.toolErrors,
				this.structuredOutput, value);
	}

	/** What a tool that throws does to the call. */
	public enum ToolErrors {

		/** Its message goes back to the model as the tool's result ({@code "error: ..."}). */
		SEND_TO_MODEL,

		/** The call fails with {@code HfToolException} carrying the tool's exception. */
		FAIL

	}

	/** How a typed answer is asked for. */
	public enum StructuredOutputMode {

		/** {@code response_format: {"type":"json_schema", ...}} with {@code strict: true}. */
		JSON_SCHEMA,

		/**
		 * {@code response_format: {"type":"json_object"}} and the schema in a system
		 * message, for providers without {@code json_schema} support.
		 */
		JSON_OBJECT

	}

}
