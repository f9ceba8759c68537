package io.github.hfinference.core.task.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A chat completion.
 *
 * @param id completion id (may be empty)
 * @param created creation time, epoch seconds
 * @param model the model that answered
 * @param systemFingerprint backend fingerprint
 * @param choices the generated choices (required: an answer without them is a decode error)
 * @param usage token counts, if reported
 */
public record ChatCompletionOutput(@Nullable String id, long created, @Nullable String model,
		@Nullable String systemFingerprint, @JsonProperty(required = true) List<Choice> choices,
		@Nullable Usage usage) implements ChatUsage {

	/** The text of the first choice, or null if it only called tools. */
	public @Nullable String content() {
		return this.choices.isEmpty() ? null : this.choices.get(0).message().content();
	}

	/** The reasoning of the first choice, or null if the model reported none. */
	public @Nullable String reasoning() {
		return this.choices.isEmpty() ? null : this.choices.get(0).message().reasoning();
	}

	/**
	 * One generated choice.
	 *
	 * @param index its index
	 * @param message the assistant message
	 * @param finishReason why generation stopped ({@code stop}, {@code length},
	 * {@code tool_calls}, ...)
	 * @param logprobs log probabilities, when requested
	 */
	public record Choice(int index, @JsonProperty(required = true) ChatMessage message,
			@Nullable String finishReason, @Nullable JsonNode logprobs) {

	}

}
