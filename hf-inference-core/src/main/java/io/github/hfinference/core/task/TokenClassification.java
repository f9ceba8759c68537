package io.github.hfinference.core.task;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code token-classification}: labelled spans of a text (named entities,
 * part-of-speech...). Grouped answers carry {@code entity_group}, ungrouped ones
 * {@code entity}; {@link Output#label()} gives whichever is present.
 */
public final class TokenClassification {

	/** The task definition. */
	public static final Task<String, Parameters, List<Output>> TASK = TaskDefinitions
		.list("token-classification", String.class, Parameters.class, Output.class, Encoders.inputsAndParameters())
		.decoder(Decoders.list(Output.class, Decoders.unwrapNestedList()))
		.build();

	private TokenClassification() {
	}

	/**
	 * Parameters of token classification.
	 *
	 * @param aggregationStrategy how tokens are grouped into entities
	 * @param ignoreLabels labels to leave out
	 * @param stride overlap between chunks when the text is split
	 */
	public record Parameters(@Nullable AggregationStrategy aggregationStrategy, @Nullable List<String> ignoreLabels,
			@Nullable Integer stride) {

		/**
		 * Only an aggregation strategy.
		 * @param strategy how tokens are grouped
		 * @return the parameters
		 */
		public static Parameters aggregation(AggregationStrategy strategy) {
			return new Parameters(strategy, null, null);
		}

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().aggregationStrategy(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable AggregationStrategy aggregationStrategy;

			private @Nullable List<String> ignoreLabels;

			private @Nullable Integer stride;

			private Builder() {
			}

			/**
			 * Sets {@code aggregationStrategy}.
			 * @param aggregationStrategy how tokens are grouped into entities
			 * @return this builder
			 */
			public Builder aggregationStrategy(@Nullable AggregationStrategy aggregationStrategy) {
				this.aggregationStrategy = aggregationStrategy;
				return this;
			}

			/**
			 * Sets {@code ignoreLabels}.
			 * @param ignoreLabels labels to leave out
			 * @return this builder
			 */
			public Builder ignoreLabels(@Nullable List<String> ignoreLabels) {
				this.ignoreLabels = ignoreLabels;
				return this;
			}

			/**
			 * Sets {@code stride}.
			 * @param stride overlap between chunks when the text is split
			 * @return this builder
			 */
			public Builder stride(@Nullable Integer stride) {
				this.stride = stride;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.aggregationStrategy, this.ignoreLabels, this.stride);
			}

		}

	}

	/** How tokens are grouped into entities. */
	public enum AggregationStrategy {

		/** No grouping: one result per token. */
		NONE("none"),
		/** Group adjacent tokens with the same entity. */
		SIMPLE("simple"),
		/** Group by word, using the label of the word's first token. */
		FIRST("first"),
		/** Group by word, averaging the scores of its tokens. */
		AVERAGE("average"),
		/** Group by word, using the label of its highest-scoring token. */
		MAX("max");

		private final String value;

		AggregationStrategy(String value) {
			this.value = value;
		}

		/** The wire value. */
		@JsonValue
		public String value() {
			return this.value;
		}

	}

	/**
	 * One labelled span.
	 *
	 * @param entityGroup the label, when tokens are grouped
	 * @param entity the label, when tokens are not grouped
	 * @param score its probability
	 * @param word the span's text
	 * @param start character offset of the span
	 * @param end character offset just after the span
	 */
	public record Output(@Nullable String entityGroup, @Nullable String entity, double score, String word,
			@Nullable Integer start, @Nullable Integer end) {

		/** The span's label: {@code entity_group}, or {@code entity} when ungrouped. */
		public String label() {
			String label = (this.entityGroup != null) ? this.entityGroup : this.entity;
			return (label != null) ? label : "";
		}

	}

}
