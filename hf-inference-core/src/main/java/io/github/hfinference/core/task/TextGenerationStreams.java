package io.github.hfinference.core.task;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.error.HfResponseException;

/**
 * Helpers for streamed text generation ({@link TextGeneration#STREAM}): the token texts
 * alone, or the events reassembled into the {@link TextGeneration.Output} a
 * non-streaming call returns.
 */
public final class TextGenerationStreams {

	private TextGenerationStreams() {
	}

	/**
	 * The text of each generated token, skipping special tokens (such as {@code </s>});
	 * concatenated, the texts are the generated text.
	 * @param events the stream's events
	 * @return the token texts
	 */
	public static Flux<String> tokenTexts(Flux<TextGeneration.StreamOutput> events) {
		return TextGeneration.STREAM.texts(events);
	}

	/**
	 * Reassembles a stream into one output: the last event's {@code generated_text} (or,
	 * if the stream ended before it, the concatenated token texts) and, when the last event
	 * carried details, those details with every streamed token (and top tokens, when
	 * requested).
	 * @param events the stream's events, in order
	 * @return the output; fails with {@link HfResponseException} if the stream had no
	 * event
	 */
	public static Mono<TextGeneration.Output> aggregate(Flux<TextGeneration.StreamOutput> events) {
		return events.collect(Generation::new, Generation::add).flatMap((generation) -> (generation.events == 0)
				? Mono.error(new HfResponseException("The text generation stream ended without any event", null))
				: Mono.just(generation.build()));
	}

	private static final class Generation {

		private int events;

		private final List<TextGeneration.Token> tokens = new ArrayList<>();

		private final List<List<TextGeneration.Token>> topTokens = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		private @Nullable String generatedText;

		private TextGeneration.@Nullable StreamDetails details;

		void add(TextGeneration.StreamOutput event) {
			this.events++;
			if (event.token() != null) {
				this.tokens.add(event.token());
			}
			if (event.topTokens() != null) {
				this.topTokens.add(event.topTokens());
			}
			String tokenText = event.text();
			if (tokenText != null) {
				this.text.append(tokenText);
			}
			if (event.generatedText() != null) {
				this.generatedText = event.generatedText();
			}
			if (event.details() != null) {
				this.details = event.details();
			}
		}

		TextGeneration.Output build() {
			String result = (this.generatedText != null) ? this.generatedText : this.text.toString();
			TextGeneration.Details built = null;
			if (this.details != null) {
				built = new TextGeneration.Details(this.details.finishReason(), this.details.generatedTokens(),
						this.details.seed(), null, List.copyOf(this.tokens),
						this.topTokens.isEmpty() ? null : List.copyOf(this.topTokens), null);
			}
			return new TextGeneration.Output(result, built);
		}

	}

}
