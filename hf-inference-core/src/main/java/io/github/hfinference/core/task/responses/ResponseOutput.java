package io.github.hfinference.core.task.responses;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.TokenUsage;

/**
 * A response of the Responses API.
 *
 * @param id the response id (for {@code previous_response_id})
 * @param status {@code completed}, {@code in_progress}, {@code failed} or {@code incomplete}
 * @param model the model that answered
 * @param output the output items (messages, function calls, reasoning)
 * @param usage token counts
 * @param error the error of a failed response
 */
public record ResponseOutput(@Nullable String id, @Nullable String status, @Nullable String model,
		@Nullable List<OutputItem> output, @Nullable Usage usage, @Nullable Error error) implements TokenUsage {

	/** The text of every {@code output_text} part of the output messages, concatenated. */
	@JsonIgnore
	public String outputText() {
		if (this.output == null) {
			return "";
		}
		return this.output.stream()
			.filter((item) -> "message".equals(item.type()) && item.content() != null)
			.flatMap((item) -> item.content().stream())
			.filter((part) -> "output_text".equals(part.type()))
			.map(Content::text)
			.filter(Objects::nonNull)
			.collect(Collectors.joining());
	}

	/** The function calls the model asked for. */
	@JsonIgnore
	public List<OutputItem> functionCalls() {
		return (this.output != null)
				? this.output.stream().filter((item) -> "function_call".equals(item.type())).toList() : List.of();
	}

	@Override
	public @Nullable Integer promptTokens() {
		return (this.usage != null) ? this.usage.inputTokens() : null;
	}

	@Override
	public @Nullable Integer generatedTokens() {
		return (this.usage != null) ? this.usage.outputTokens() : null;
	}

	/**
	 * One output item.
	 *
	 * @param type {@code message}, {@code function_call} or {@code reasoning}
	 * @param id the item id
	 * @param role the role of a message
	 * @param content the parts of a message
	 * @param callId the id of a function call
	 * @param name the function called
	 * @param arguments the call's arguments (JSON text)
	 * @param summary the parts of a reasoning summary
	 */
	public record OutputItem(String type, @Nullable String id, @Nullable String role, @Nullable List<Content> content,
			@Nullable String callId, @Nullable String name, @Nullable String arguments,
			@Nullable List<Content> summary) {
	}

	/**
	 * A content part.
	 *
	 * @param type {@code output_text}, {@code refusal} or {@code summary_text}
	 * @param text its text
	 */
	public record Content(String type, @Nullable String text) {
	}

	/**
	 * Token counts.
	 *
	 * @param inputTokens tokens read
	 * @param outputTokens tokens written
	 * @param totalTokens both
	 */
	public record Usage(@Nullable Integer inputTokens, @Nullable Integer outputTokens, @Nullable Integer totalTokens) {
	}

	/**
	 * The error of a failed response.
	 *
	 * @param code the error code
	 * @param message the message
	 */
	public record Error(@Nullable String code, @Nullable String message) {
	}

}
