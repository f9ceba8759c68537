package io.github.hfinference.core.task.chat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.StreamingTask;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code chat-completion}: the OpenAI-compatible chat API, served by the router's
 * {@code /v1/chat/completions}, by providers, by TGI and by any OpenAI-compatible
 * gateway. The request's {@code model} field is set by routing (the Hugging Face id, or
 * the provider-side id).
 */
public final class ChatCompletion {

	/** A non-streaming chat completion. */
	public static final Task<List<ChatMessage>, Parameters, ChatCompletionOutput> TASK = Task
		.<List<ChatMessage>, Parameters, ChatCompletionOutput>builder("chat-completion", TaskRoute.CHAT_COMPLETIONS)
		.input(new ParameterizedTypeReference<>() {
		})
		.parameters(Parameters.class)
		.result(ChatCompletionOutput.class)
		.encoder(Encoders.withRootParameters("messages"))
		.decoder(Decoders.json(ChatCompletionOutput.class))
		.build();

	/**
	 * A streamed chat completion: {@code "stream": true} and, unless the parameters' extra
	 * body already sets {@code stream_options}, {@code "stream_options": {"include_usage":
	 * true}} so that the last chunk reports token usage. See {@link ChatStreams} to read
	 * only the text or to reassemble a {@link ChatCompletionOutput}.
	 */
	public static final StreamingTask<List<ChatMessage>, Parameters, ChatCompletionChunk> STREAM = StreamingTask
		.builder(TASK, ChatCompletionChunk.class)
		.encoder(StreamingTask.streamingBody(TASK, (body) -> {
			if (!body.has("stream_options")) {
				body.putObject("stream_options").put("include_usage", true);
			}
		}))
		.text(ChatCompletionChunk::content)
		.build();

	/**
	 * The same stream as {@link #STREAM} without {@code stream_options}, for servers that
	 * reject the field; the client uses it for models whose
	 * {@link io.github.hfinference.core.chat.ChatSettings#includeUsage() includeUsage} is
	 * off. Token usage is then known only if the server volunteers it.
	 */
	public static final StreamingTask<List<ChatMessage>, Parameters, ChatCompletionChunk> STREAM_WITHOUT_USAGE = StreamingTask
		.builder(TASK, ChatCompletionChunk.class)
		.text(ChatCompletionChunk::content)
		.build();

	private ChatCompletion() {
	}

	/**
	 * Chat-completion parameters (OpenAI names). {@code extraBody} fields are merged at the
	 * body root, for provider-specific options.
	 *
	 * @param maxTokens maximum tokens to generate
	 * @param temperature sampling temperature
	 * @param topP nucleus sampling probability
	 * @param stop stop sequences
	 * @param seed random seed
	 * @param n number of choices
	 * @param frequencyPenalty frequency penalty
	 * @param presencePenalty presence penalty
	 * @param logprobs whether to return log probabilities
	 * @param topLogprobs number of top log probabilities per token
	 * @param tools tools the model may call
	 * @param toolChoice {@code auto}, {@code none}, {@code required}, or a tool name
	 * @param toolPrompt prompt prepended before the tools (TGI)
	 * @param responseFormat structured-output format, e.g. a JSON schema
	 * @param reasoningEffort reasoning effort for reasoning models
	 * @param extraBody extra fields merged at the body root
	 */
	public record Parameters(@Nullable Integer maxTokens, @Nullable Double temperature, @Nullable Double topP,
			@Nullable List<String> stop, @Nullable Long seed, @Nullable Integer n, @Nullable Double frequencyPenalty,
			@Nullable Double presencePenalty, @Nullable Boolean logprobs, @Nullable Integer topLogprobs,
			@Nullable List<Tool> tools, @Nullable Object toolChoice, @Nullable String toolPrompt,
			@Nullable Map<String, Object> responseFormat, @Nullable String reasoningEffort,
			@Nullable Map<String, Object> extraBody) {

		/** No parameters set. */
		public static Parameters defaults() {
			return builder().build();
		}

		/** A builder. */
		public static Builder builder() {
			return new Builder();
		}

		/**
		 * A builder holding these parameters, to change some of them.
		 * @return the builder
		 */
		public Builder toBuilder() {
			Builder builder = new Builder();
			builder.maxTokens = this.maxTokens;
			builder.temperature = this.temperature;
			builder.topP = this.topP;
			builder.stop = this.stop;
			builder.seed = this.seed;
			builder.n = this.n;
			builder.frequencyPenalty = this.frequencyPenalty;
			builder.presencePenalty = this.presencePenalty;
			builder.logprobs = this.logprobs;
			builder.topLogprobs = this.topLogprobs;
			builder.tools = this.tools;
			builder.toolChoice = this.toolChoice;
			builder.toolPrompt = this.toolPrompt;
			builder.responseFormat = this.responseFormat;
			builder.reasoningEffort = this.reasoningEffort;
			if (this.extraBody != null) {
				builder.extraBody.putAll(this.extraBody);
			}
			return builder;
		}

		/** Extra body fields, merged at the root when serialised. */
		@JsonAnyGetter
		Map<String, Object> extraFields() {
			return (this.extraBody != null) ? this.extraBody : Map.of();
		}

		@Override
		@com.fasterxml.jackson.annotation.JsonIgnore
		public @Nullable Map<String, Object> extraBody() {
			return this.extraBody;
		}

		/** Builds {@link Parameters}. */
		public static final class Builder {

			private @Nullable Integer maxTokens;

			private @Nullable Double temperature;

			private @Nullable Double topP;

			private @Nullable List<String> stop;

			private @Nullable Long seed;

			private @Nullable Integer n;

			private @Nullable Double frequencyPenalty;

			private @Nullable Double presencePenalty;

			private @Nullable Boolean logprobs;

			private @Nullable Integer topLogprobs;

			private @Nullable List<Tool> tools;

			private @Nullable Object toolChoice;

			private @Nullable String toolPrompt;

			private @Nullable Map<String, Object> responseFormat;

			private @Nullable String reasoningEffort;

			private final Map<String, Object> extraBody = new LinkedHashMap<>();

			/** @param value maximum tokens to generate @return this builder */
			public Builder maxTokens(int value) {
				this.maxTokens = value;
				return this;
			}

			/** @param value sampling temperature @return this builder */
			public Builder temperature(double value) {
				this.temperature = value;
				return this;
			}

			/** @param value nucleus sampling probability @return this builder */
			public Builder topP(double value) {
				this.topP = value;
				return this;
			}

			/** @param value stop sequences @return this builder */
			public Builder stop(List<String> value) {
				this.stop = value;
				return this;
			}

			/** @param value random seed @return this builder */
			public Builder seed(long value) {
				this.seed = value;
				return this;
			}

			/** @param value number of choices @return this builder */
			public Builder n(int value) {
				this.n = value;
				return this;
			}

			/** @param value frequency penalty @return this builder */
			public Builder frequencyPenalty(double value) {
				this.frequencyPenalty = value;
				return this;
			}

			/** @param value presence penalty @return this builder */
			public Builder presencePenalty(double value) {
				this.presencePenalty = value;
				return this;
			}

			/** @param value whether to return log probabilities @return this builder */
			public Builder logprobs(boolean value) {
				this.logprobs = value;
				return this;
			}

			/** @param value top log probabilities per token @return this builder */
			public Builder topLogprobs(int value) {
				this.topLogprobs = value;
				return this;
			}

			/** @param value tools the model may call @return this builder */
			public Builder tools(List<Tool> value) {
				this.tools = value;
				return this;
			}

			/** @param value {@code auto}, {@code none}, {@code required} or a tool choice object @return this builder */
			public Builder toolChoice(Object value) {
				this.toolChoice = value;
				return this;
			}

			/** @param value prompt placed before the tools (TGI) @return this builder */
			public Builder toolPrompt(String value) {
				this.toolPrompt = value;
				return this;
			}

			/** @param value structured-output format @return this builder */
			public Builder responseFormat(Map<String, Object> value) {
				this.responseFormat = value;
				return this;
			}

			/** @param value reasoning effort @return this builder */
			public Builder reasoningEffort(String value) {
				this.reasoningEffort = value;
				return this;
			}

			/**
			 * Adds a provider-specific field at the body root.
			 * @param name field name
			 * @param value field value
			 * @return this builder
			 */
			public Builder extra(String name, Object value) {
				this.extraBody.put(name, value);
				return this;
			}

			/** Builds the parameters. */
			public Parameters build() {
				return new Parameters(this.maxTokens, this.temperature, this.topP, this.stop, this.seed, this.n,
						this.frequencyPenalty, this.presencePenalty, this.logprobs, this.topLogprobs, this.tools,
						this.toolChoice, this.toolPrompt, this.responseFormat, this.reasoningEffort,
						this.extraBody.isEmpty() ? null : Map.copyOf(this.extraBody));
			}

		}

	}

}
