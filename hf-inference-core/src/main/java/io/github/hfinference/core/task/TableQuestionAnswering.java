package io.github.hfinference.core.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code table-question-answering}: answers a question about a table given by column.
 * Sent as {@code {"inputs": {"query", "table": {column: [cells]}}}}.
 */
public final class TableQuestionAnswering {

	/** The task definition. */
	public static final Task<Input, Parameters, Output> TASK = TaskDefinitions
		.single("table-question-answering", Input.class, Parameters.class, Output.class, Encoders.inputsAndParameters())
		.build();

	private TableQuestionAnswering() {
	}

	/**
	 * The question and the table.
	 *
	 * @param query the question
	 * @param table the table by column: each column name maps to its cells, one per row
	 */
	public record Input(String query, Map<String, List<String>> table) {

		public Input {
			Required.nonNull(query, "query");
			Required.nonNull(table, "table");
			Map<String, List<String>> copy = new LinkedHashMap<>();
			table.forEach((column, cells) -> copy.put(column, List.copyOf(cells)));
			table = Collections.unmodifiableMap(copy);
		}

	}

	/**
	 * Parameters of table question answering.
	 *
	 * @param padding how to pad the table
	 * @param sequential whether to answer the questions one after another (for conversational tables)
	 * @param truncation whether to truncate the table when it is too long
	 */
	public record Parameters(@Nullable Padding padding, @Nullable Boolean sequential, @Nullable Boolean truncation) {

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().padding(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable Padding padding;

			private @Nullable Boolean sequential;

			private @Nullable Boolean truncation;

			private Builder() {
			}

			/**
			 * Sets {@code padding}.
			 * @param padding how to pad the table
			 * @return this builder
			 */
			public Builder padding(@Nullable Padding padding) {
				this.padding = padding;
				return this;
			}

			/**
			 * Sets {@code sequential}.
			 * @param sequential whether to answer the questions one after another (for conversational tables)
			 * @return this builder
			 */
			public Builder sequential(@Nullable Boolean sequential) {
				this.sequential = sequential;
				return this;
			}

			/**
			 * Sets {@code truncation}.
			 * @param truncation whether to truncate the table when it is too long
			 * @return this builder
			 */
			public Builder truncation(@Nullable Boolean truncation) {
				this.truncation = truncation;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.padding, this.sequential, this.truncation);
			}

		}

	}

	/** How the table is padded. */
	public enum Padding {

		/** No padding. */
		DO_NOT_PAD("do_not_pad"),
		/** Pad to the longest sequence. */
		LONGEST("longest"),
		/** Pad to the model's maximum length. */
		MAX_LENGTH("max_length");

		private final String value;

		Padding(String value) {
			this.value = value;
		}

		/** The wire value. */
		@JsonValue
		public String value() {
			return this.value;
		}

	}

	/**
	 * The answer.
	 *
	 * @param answer the answer (with the aggregator, e.g. {@code AVERAGE > 36542})
	 * @param coordinates {@code [row, column]} of each cell the answer uses
	 * @param cells the cells the answer uses
	 * @param aggregator the aggregation applied to the cells ({@code NONE}, {@code SUM},
	 * {@code AVERAGE}, {@code COUNT}), if any
	 */
	public record Output(String answer, List<List<Integer>> coordinates, List<String> cells,
			@Nullable String aggregator) {

	}

}
