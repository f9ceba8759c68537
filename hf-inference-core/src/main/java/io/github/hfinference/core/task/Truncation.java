package io.github.hfinference.core.task;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How text-to-text tasks (summarization, translation) truncate over-long inputs.
 */
public enum Truncation {

	/** Never truncate. */
	DO_NOT_TRUNCATE("do_not_truncate"),
	/** Truncate the longest sequence first. */
	LONGEST_FIRST("longest_first"),
	/** Truncate only the first sequence. */
	ONLY_FIRST("only_first"),
	/** Truncate only the second sequence. */
	ONLY_SECOND("only_second");

	private final String value;

	Truncation(String value) {
		this.value = value;
	}

	/** The wire value. */
	@JsonValue
	public String value() {
		return this.value;
	}

}
