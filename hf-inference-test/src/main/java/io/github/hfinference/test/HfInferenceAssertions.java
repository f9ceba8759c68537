package io.github.hfinference.test;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Entry point of the AssertJ assertions on the stub and on the inference meters.
 * <pre class="code">
 * assertThat(stub).receivedCalls("org/m").hasSize(2).first().hasBodyJson("{\"inputs\":\"I like you\"}").hasBearerToken();
 * assertThat(meterRegistry).hasInferenceCall("sentiment").withOutcome("SUCCESS").times(1);
 * </pre>
 */
public final class HfInferenceAssertions {

	private HfInferenceAssertions() {
	}

	/**
	 * Assertions on what a stub received.
	 * @param stub the stub
	 * @return its assertions
	 */
	public static StubAssert assertThat(HfInferenceStub stub) {
		return new StubAssert(stub);
	}

	/**
	 * Assertions on the inference meters of a registry.
	 * @param registry the registry the application records to
	 * @return its assertions
	 */
	public static InferenceMetersAssert assertThat(MeterRegistry registry) {
		return new InferenceMetersAssert(registry);
	}

}
