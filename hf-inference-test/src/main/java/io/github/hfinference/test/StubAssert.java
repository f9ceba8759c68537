package io.github.hfinference.test;

import java.util.List;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on the requests a stub received.
 */
public final class StubAssert extends AbstractAssert<StubAssert, HfInferenceStub> {

	StubAssert(HfInferenceStub stub) {
		super(stub, StubAssert.class);
	}

	/**
	 * The inference calls to a model or endpoint, for further assertions.
	 * @param modelOrEndpoint the model id or endpoint name
	 * @return assertions on those calls
	 */
	public StubCallsAssert receivedCalls(String modelOrEndpoint) {
		isNotNull();
		return new StubCallsAssert(modelOrEndpoint, this.actual.calls(modelOrEndpoint), this.actual.calls());
	}

	/**
	 * Verifies that no inference call went to a model, endpoint or provider.
	 * @param modelEndpointOrProvider a model id, endpoint name, or provider
	 * ({@code hf-inference}, {@code together}, {@code endpoint}, ...)
	 * @return this assertion
	 */
	public StubAssert receivedNoCallTo(String modelEndpointOrProvider) {
		isNotNull();
		List<StubCall> calls = this.actual.calls()
			.stream()
			.filter((call) -> call.isInference() && (modelEndpointOrProvider.equals(call.model())
					|| modelEndpointOrProvider.equals(call.provider())))
			.toList();
		if (!calls.isEmpty()) {
			failWithMessage("Expected no inference call to '%s', but received %d:%n  %s", modelEndpointOrProvider,
					calls.size(), String.join("\n  ", calls.stream().map(StubCall::toString).toList()));
		}
		return this;
	}

	/**
	 * Verifies that a replaying stub matched every request with its recording.
	 * @return this assertion
	 */
	public StubAssert replayedEveryRequest() {
		isNotNull();
		if (!this.actual.replayMismatches().isEmpty()) {
			failWithMessage("Expected every request to match the recording, but:%n  %s",
					String.join("\n  ", this.actual.replayMismatches()));
		}
		return this;
	}

}
