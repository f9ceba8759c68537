package io.github.hfinference.test;

import java.util.List;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the inference calls to one model or endpoint, in the order received.
 */
public final class StubCallsAssert extends AbstractAssert<StubCallsAssert, List<StubCall>> {

	private final String model;

	private final List<StubCall> all;

	StubCallsAssert(String model, List<StubCall> calls, List<StubCall> all) {
		super(calls, StubCallsAssert.class);
		this.model = model;
		this.all = all;
	}

	/**
	 * Verifies the number of calls.
	 * @param expected the expected number
	 * @return this assertion
	 */
	public StubCallsAssert hasSize(int expected) {
		if (this.actual.size() != expected) {
			failWithMessage("Expected %d inference call(s) to '%s' but received %d.%n%s", expected, this.model,
					this.actual.size(), received());
		}
		return this;
	}

	/**
	 * Verifies that the model received no call.
	 * @return this assertion
	 */
	public StubCallsAssert isEmpty() {
		return hasSize(0);
	}

	/** Assertions on the first call; fails if none came. */
	public StubCallAssert first() {
		return get(0);
	}

	/** Assertions on the last call; fails if none came. */
	public StubCallAssert last() {
		return get(this.actual.size() - 1);
	}

	/**
	 * Assertions on one call; fails if it never came.
	 * @param index the call's position, from 0
	 * @return its assertions
	 */
	public StubCallAssert get(int index) {
		if (index < 0 || index >= this.actual.size()) {
			failWithMessage("Expected an inference call #%d to '%s' but received %d.%n%s", index + 1, this.model,
					this.actual.size(), received());
		}
		return new StubCallAssert(this.actual.get(index));
	}

	private String received() {
		return this.all.isEmpty() ? "The stub received no request at all."
				: "Every request the stub received:\n  "
						+ String.join("\n  ", this.all.stream().map(StubCall::toString).toList());
	}

}
