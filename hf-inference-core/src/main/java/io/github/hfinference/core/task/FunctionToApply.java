package io.github.hfinference.core.task;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Function applied to a classifier's output scores.
 */
public enum FunctionToApply {

	/** Sigmoid of each logit. */
	SIGMOID("sigmoid"),
	/** Softmax over the logits. */
	SOFTMAX("softmax"),
	/** Raw logits. */
	NONE("none");

	private final String value;

	FunctionToApply(String value) {
		this.value = value;
	}

	/** The wire value. */
	@JsonValue
	public String value() {
		return this.value;
	}

}
