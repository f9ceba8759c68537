package io.github.hfinference.springai;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.DefaultToolCallingChatOptions;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;

/**
 * Chat options of an {@link HfChatModel}: Spring AI's portable options, tool callbacks
 * and context ({@link org.springframework.ai.model.tool.ToolCallingChatOptions}), the
 * output schema of native structured output ({@link StructuredOutputChatOptions}, sent as
 * {@code response_format} {@code json_schema}) and the OpenAI-format options the Hugging
 * Face router, TGI and OpenAI-compatible gateways accept ({@code tool_choice},
 * {@code seed}, {@code reasoning_effort}). {@code topK} has no OpenAI-format equivalent
 * and is rejected.
 */
public class HfChatOptions extends DefaultToolCallingChatOptions implements StructuredOutputChatOptions {

	private final @Nullable String outputSchema;

	private final @Nullable Object toolChoice;

	private final @Nullable Long seed;

	private final @Nullable String reasoningEffort;

	protected HfChatOptions(Builder<?> builder, DefaultToolCallingChatOptions portable) {
		super(portable.getToolCallbacks(), portable.getToolContext(), portable.getModel(),
				portable.getFrequencyPenalty(), portable.getMaxTokens(), portable.getPresencePenalty(),
				portable.getStopSequences(), portable.getTemperature(), portable.getTopK(), portable.getTopP());
		this.outputSchema = builder.outputSchema;
		this.toolChoice = builder.toolChoice;
		this.seed = builder.seed;
		this.reasoningEffort = builder.reasoningEffort;
	}

	/** A new builder. */
	public static Builder<?> builder() {
		return new Builder<>();
	}

	/** The JSON schema the answer must follow, sent as {@code response_format}. */
	@Override
	public @Nullable String getOutputSchema() {
		return this.outputSchema;
	}

	/** {@code auto}, {@code none}, {@code required}, or an OpenAI tool-choice object. */
	public @Nullable Object getToolChoice() {
		return this.toolChoice;
	}

	/** The random seed. */
	public @Nullable Long getSeed() {
		return this.seed;
	}

	/** The reasoning effort of reasoning models ({@code low}, {@code medium}, {@code high}). */
	public @Nullable String getReasoningEffort() {
		return this.reasoningEffort;
	}

	@Override
	public Builder<?> mutate() {
		Builder<?> builder = builder();
		builder.model(getModel())
			.frequencyPenalty(getFrequencyPenalty())
			.maxTokens(getMaxTokens())
			.presencePenalty(getPresencePenalty())
			.stopSequences(getStopSequences())
			.temperature(getTemperature())
			.topK(getTopK())
			.topP(getTopP())
			.toolCallbacks(getToolCallbacks())
			.toolContext(getToolContext());
		return builder.outputSchema(this.outputSchema)
			.toolChoice(this.toolChoice)
			.seed(this.seed)
			.reasoningEffort(this.reasoningEffort);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return super.equals(other) && other instanceof HfChatOptions that
				&& Objects.equals(this.outputSchema, that.outputSchema)
				&& Objects.equals(this.toolChoice, that.toolChoice) && Objects.equals(this.seed, that.seed)
				&& Objects.equals(this.reasoningEffort, that.reasoningEffort);
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), this.outputSchema, this.toolChoice, this.seed, this.reasoningEffort);
	}

	/**
	 * Builds {@link HfChatOptions}; {@link #combineWith} keeps the other builder's values
	 * where it sets them, as Spring AI's builders do.
	 *
	 * @param <B> the builder type
	 */
	public static class Builder<B extends Builder<B>> extends DefaultToolCallingChatOptions.Builder<B>
			implements StructuredOutputChatOptions.Builder<B> {

		private @Nullable String outputSchema;

		private @Nullable Object toolChoice;

		private @Nullable Long seed;

		private @Nullable String reasoningEffort;

		/** @param outputSchema the JSON schema of the answer @return this builder */
		@Override
		public B outputSchema(@Nullable String outputSchema) {
			this.outputSchema = outputSchema;
			return self();
		}

		/** @param toolChoice {@code auto}, {@code none}, {@code required} or a tool-choice object @return this builder */
		public B toolChoice(@Nullable Object toolChoice) {
			this.toolChoice = toolChoice;
			return self();
		}

		/** @param seed the random seed @return this builder */
		public B seed(@Nullable Long seed) {
			this.seed = seed;
			return self();
		}

		/** @param reasoningEffort the reasoning effort @return this builder */
		public B reasoningEffort(@Nullable String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
			return self();
		}

		@Override
		public B combineWith(ChatOptions.Builder<?> other) {
			super.combineWith(other);
			if (other instanceof Builder<?> that) {
				this.outputSchema = (that.outputSchema != null) ? that.outputSchema : this.outputSchema;
				this.toolChoice = (that.toolChoice != null) ? that.toolChoice : this.toolChoice;
				this.seed = (that.seed != null) ? that.seed : this.seed;
				this.reasoningEffort = (that.reasoningEffort != null) ? that.reasoningEffort : this.reasoningEffort;
			}
			return self();
		}

		@Override
		public HfChatOptions build() {
			return new HfChatOptions(this, (DefaultToolCallingChatOptions) super.build());
		}

	}

}
