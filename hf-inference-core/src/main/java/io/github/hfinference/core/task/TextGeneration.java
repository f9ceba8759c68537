package io.github.hfinference.core.task;

import java.math.BigInteger;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.TokenUsage;
import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code text-generation}: continues a prompt (TGI and the classic pipeline). The server
 * answers {@code [{"generated_text", "details"?}]}; the first element is the result.
 */
public final class TextGeneration {

	/** The task definition. */
	public static final Task<String, Parameters, Output> TASK = TaskDefinitions
		.single("text-generation", String.class, Parameters.class, Output.class, Encoders.inputsAndParameters())
		.build();

	/**
	 * A streamed generation: the same request with {@code "stream": true} at the body root,
	 * answered with one event per generated token; the last event also carries the
	 * {@code generated_text} and, when requested, the {@code details}. See
	 * {@link TextGenerationStreams} to read only the text or to reassemble an {@link Output}.
	 */
	public static final StreamingTask<String, Parameters, StreamOutput> STREAM = StreamingTask
		.builder(TASK, StreamOutput.class)
		.text(StreamOutput::text)
		.build();

	private TextGeneration() {
	}

	/**
	 * Text-generation parameters (TGI names).
	 *
	 * @param maxNewTokens maximum tokens to generate
	 * @param temperature sampling temperature
	 * @param topK top-k sampling
	 * @param topP nucleus sampling probability
	 * @param typicalP typical-decoding mass
	 * @param repetitionPenalty repetition penalty
	 * @param frequencyPenalty frequency penalty
	 * @param doSample whether to sample rather than decode greedily
	 * @param stop stop sequences
	 * @param seed random seed
	 * @param returnFullText whether to prepend the prompt to the generated text
	 * @param details whether to return generation details
	 * @param decoderInputDetails whether to return prompt token details
	 * @param bestOf generate this many sequences and return the best
	 * @param grammar constrain output to a JSON schema or a regular expression
	 * @param truncate truncate inputs to this many tokens
	 * @param watermark whether to watermark the output
	 * @param topNTokens return this many most likely tokens per step
	 * @param adapterId LoRA adapter to use
	 */
	public record Parameters(@Nullable Integer maxNewTokens, @Nullable Double temperature, @Nullable Integer topK,
			@Nullable Double topP, @Nullable Double typicalP, @Nullable Double repetitionPenalty,
			@Nullable Double frequencyPenalty, @Nullable Boolean doSample, @Nullable List<String> stop,
			@Nullable Long seed, @Nullable Boolean returnFullText, @Nullable Boolean details,
			@Nullable Boolean decoderInputDetails, @Nullable Integer bestOf, @Nullable Grammar grammar,
			@Nullable Integer truncate, @Nullable Boolean watermark, @Nullable Integer topNTokens,
			@Nullable String adapterId) {

		/**
		 * Parameters with only a token budget set.
		 * @param maxNewTokens maximum tokens to generate
		 * @return the parameters
		 */
		public static Parameters maxNewTokens(int maxNewTokens) {
			return new Parameters(maxNewTokens, null, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null, null, null, null);
		}

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().maxNewTokens(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder extends SamplingParametersBuilder<Builder> {

			private @Nullable Double repetitionPenalty;

			private @Nullable Double frequencyPenalty;

			private @Nullable List<String> stop;

			private @Nullable Long seed;

			private @Nullable Boolean returnFullText;

			private @Nullable Boolean details;

			private @Nullable Boolean decoderInputDetails;

			private @Nullable Integer bestOf;

			private @Nullable Grammar grammar;

			private @Nullable Integer truncate;

			private @Nullable Boolean watermark;

			private @Nullable Integer topNTokens;

			private @Nullable String adapterId;

			private Builder() {
			}

			/**
			 * Sets {@code repetitionPenalty}.
			 * @param repetitionPenalty repetition penalty
			 * @return this builder
			 */
			public Builder repetitionPenalty(@Nullable Double repetitionPenalty) {
				this.repetitionPenalty = repetitionPenalty;
				return this;
			}

			/**
			 * Sets {@code frequencyPenalty}.
			 * @param frequencyPenalty frequency penalty
			 * @return this builder
			 */
			public Builder frequencyPenalty(@Nullable Double frequencyPenalty) {
				this.frequencyPenalty = frequencyPenalty;
				return this;
			}

			/**
			 * Sets {@code stop}.
			 * @param stop stop sequences
			 * @return this builder
			 */
			public Builder stop(@Nullable List<String> stop) {
				this.stop = stop;
				return this;
			}

			/**
			 * Sets {@code seed}.
			 * @param seed random seed
			 * @return this builder
			 */
			public Builder seed(@Nullable Long seed) {
				this.seed = seed;
				return this;
			}

			/**
			 * Sets {@code returnFullText}.
			 * @param returnFullText whether to prepend the prompt to the generated text
			 * @return this builder
			 */
			public Builder returnFullText(@Nullable Boolean returnFullText) {
				this.returnFullText = returnFullText;
				return this;
			}

			/**
			 * Sets {@code details}.
			 * @param details whether to return generation details
			 * @return this builder
			 */
			public Builder details(@Nullable Boolean details) {
				this.details = details;
				return this;
			}

			/**
			 * Sets {@code decoderInputDetails}.
			 * @param decoderInputDetails whether to return prompt token details
			 * @return this builder
			 */
			public Builder decoderInputDetails(@Nullable Boolean decoderInputDetails) {
				this.decoderInputDetails = decoderInputDetails;
				return this;
			}

			/**
			 * Sets {@code bestOf}.
			 * @param bestOf generate this many sequences and return the best
			 * @return this builder
			 */
			public Builder bestOf(@Nullable Integer bestOf) {
				this.bestOf = bestOf;
				return this;
			}

			/**
			 * Sets {@code grammar}.
			 * @param grammar constrain output to a JSON schema or a regular expression
			 * @return this builder
			 */
			public Builder grammar(@Nullable Grammar grammar) {
				this.grammar = grammar;
				return this;
			}

			/**
			 * Sets {@code truncate}.
			 * @param truncate truncate inputs to this many tokens
			 * @return this builder
			 */
			public Builder truncate(@Nullable Integer truncate) {
				this.truncate = truncate;
				return this;
			}

			/**
			 * Sets {@code watermark}.
			 * @param watermark whether to watermark the output
			 * @return this builder
			 */
			public Builder watermark(@Nullable Boolean watermark) {
				this.watermark = watermark;
				return this;
			}

			/**
			 * Sets {@code topNTokens}.
			 * @param topNTokens return this many most likely tokens per step
			 * @return this builder
			 */
			public Builder topNTokens(@Nullable Integer topNTokens) {
				this.topNTokens = topNTokens;
				return this;
			}

			/**
			 * Sets {@code adapterId}.
			 * @param adapterId LoRA adapter to use
			 * @return this builder
			 */
			public Builder adapterId(@Nullable String adapterId) {
				this.adapterId = adapterId;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.maxNewTokens, this.temperature, this.topK, this.topP, this.typicalP,
						this.repetitionPenalty, this.frequencyPenalty, this.doSample, this.stop, this.seed,
						this.returnFullText, this.details, this.decoderInputDetails, this.bestOf, this.grammar,
						this.truncate, this.watermark, this.topNTokens, this.adapterId);
			}

		}

	}

	/**
	 * A grammar constraining the output.
	 *
	 * @param type {@code json} or {@code regex}
	 * @param value the JSON schema or the regular expression
	 */
	public record Grammar(String type, Object value) {

	}

	/**
	 * The generated text and, when requested, its details.
	 *
	 * @param generatedText the generated text
	 * @param details generation details
	 */
	public record Output(String generatedText, @Nullable Details details) {

	}

	/**
	 * Details of a generation.
	 *
	 * @param finishReason {@code length}, {@code eos_token} or {@code stop_sequence}
	 * @param generatedTokens number of generated tokens
	 * @param seed the sampling seed (TGI seeds are unsigned 64-bit numbers, beyond
	 * {@code long}: recorded {@code 18435558523380366744})
	 * @param prefill prompt tokens, when requested
	 * @param tokens generated tokens
	 * @param topTokens most likely tokens per step, when requested
	 * @param bestOfSequences the other sequences, with {@code best_of}
	 */
	public record Details(@Nullable String finishReason, int generatedTokens, @Nullable BigInteger seed,
			@Nullable List<Token> prefill, @Nullable List<Token> tokens, @Nullable List<List<Token>> topTokens,
			@Nullable List<BestOfSequence> bestOfSequences) {

	}

	/**
	 * One token.
	 *
	 * @param id token id
	 * @param text token text
	 * @param logprob log probability
	 * @param special whether it is a special token (false when the server leaves it out)
	 */
	public record Token(int id, String text, @Nullable Double logprob,
			@JsonProperty(defaultValue = "false") boolean special) {

	}

	/**
	 * One event of a streamed generation: a token and, on the last event only, the whole
	 * generated text and the details.
	 *
	 * @param index the token's position (newer TGI versions)
	 * @param token the generated token
	 * @param topTokens the most likely tokens at this step, when requested
	 * @param generatedText the whole generated text, on the last event only
	 * @param details generation details, on the last event only and when requested
	 */
	public record StreamOutput(@Nullable Integer index, Token token, @Nullable List<Token> topTokens,
			@Nullable String generatedText, @Nullable StreamDetails details) implements TokenUsage {

		/** Whether this is the last event (it carries the generated text). */
		public boolean isLast() {
			return this.generatedText != null;
		}

		/** The token's text, or null for a special token (such as {@code </s>}). */
		public @Nullable String text() {
			return (this.token == null || this.token.special()) ? null : this.token.text();
		}

		@Override
		public @Nullable Integer promptTokens() {
			return (this.details != null) ? this.details.inputLength() : null;
		}

		@Override
		public @Nullable Integer generatedTokens() {
			return (this.details != null) ? this.details.generatedTokens() : null;
		}

	}

	/**
	 * Details of a streamed generation, sent with its last event.
	 *
	 * @param finishReason {@code length}, {@code eos_token} or {@code stop_sequence}
	 * @param generatedTokens number of generated tokens
	 * @param seed the sampling seed
	 * @param inputLength number of prompt tokens (newer TGI versions)
	 */
	public record StreamDetails(@Nullable String finishReason, int generatedTokens, @Nullable BigInteger seed,
			@Nullable Integer inputLength) {

	}

	/**
	 * One of the {@code best_of} sequences.
	 *
	 * @param generatedText its text
	 * @param finishReason why it stopped
	 * @param generatedTokens its token count
	 * @param seed its seed (unsigned 64-bit)
	 * @param prefill prompt tokens
	 * @param tokens its tokens
	 */
	public record BestOfSequence(String generatedText, @Nullable String finishReason, int generatedTokens,
			@Nullable BigInteger seed, @Nullable List<Token> prefill, @Nullable List<Token> tokens) {

	}

}
