package io.github.hfinference.test;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.task.TextClassification;

import static io.github.hfinference.test.HfAnswers.label;
import static io.github.hfinference.test.HfInferenceAssertions.assertThat;
import static io.github.hfinference.test.StubClients.TIMEOUT;
import static io.github.hfinference.test.StubClients.once;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The assertions pass on what really happened and fail with messages that say what did.
 */
class HfInferenceAssertionsTests {

	private final HfInferenceStub stub = HfInferenceStub.start();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final HfInferenceClient client = StubClients.client(this.stub, observations(this.meters));

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void receivedCallsChecksCountBodyAndToken() {
		callTwice();
		assertThat(this.stub).receivedCalls("org/m").hasSize(2).first()
			.hasBodyJson("{\"inputs\":\"first\"}")
			.hasBearerToken()
			.hasBearerToken("hf_test")
			.hasPath("/hf-inference/models/org/m");
		assertThat(this.stub).receivedCalls("org/m").last().hasBodyJson("{\"inputs\":\"second\"}");
		assertThat(this.stub).receivedNoCallTo("org/other").receivedNoCallTo("together");
	}

	@Test
	void aCallThatNeverCameFailsListingWhatDid() {
		callTwice();
		assertThatThrownBy(() -> assertThat(this.stub).receivedCalls("org/m").hasSize(3))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expected 3 inference call(s) to 'org/m' but received 2")
			.hasMessageContaining("POST /hf-inference/models/org/m (model org/m, task text-classification)");
		assertThatThrownBy(() -> assertThat(this.stub).receivedCalls("org/other").first())
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expected an inference call #1 to 'org/other' but received 0");
		assertThatThrownBy(() -> assertThat(this.stub).receivedNoCallTo("hf-inference"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expected no inference call to 'hf-inference', but received 2");
	}

	@Test
	void aWrongBodyOrTokenFailsWithTheDifferenceButNeverTheToken() {
		callTwice();
		assertThatThrownBy(() -> assertThat(this.stub).receivedCalls("org/m").first()
			.hasBodyJson("{\"inputs\":\"third\"}"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("/inputs: expected \"third\", was \"first\"");
		assertThatThrownBy(() -> assertThat(this.stub).receivedCalls("org/m").first().hasBearerToken("hf_other"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("carried another one")
			.message().doesNotContain("hf_test");
		assertThatThrownBy(() -> assertThat(this.stub).receivedCalls("org/m").first().hasNoAuthorization())
			.isInstanceOf(AssertionError.class)
			.message().doesNotContain("hf_test");
	}

	@Test
	void metersCountCallsByOutcome() {
		this.stub.model("org/m").task(TextClassification.TASK)
			.fails(429).retryAfter(Duration.ofSeconds(1))
			.thenAnswers(List.of(label("POSITIVE", 0.9)));
		assertThatThrownBy(() -> call("x")).isInstanceOf(RuntimeException.class);
		call("y");
		call("z");
		assertThat(this.meters).hasInferenceCall("sentiment").withOutcome("SUCCESS").times(2);
		assertThat(this.meters).hasInferenceCall("sentiment").withOutcome("RATE_LIMITED")
			.withErrorType("HfRateLimitException").times(1);
		assertThat(this.meters).hasInferenceCall("sentiment").withProvider("hf-inference").times(3);
		assertThat(this.meters).hasInferenceCall("sentiment").times(3);
	}

	@Test
	void aMeterCountThatDiffersFailsListingTheRecordedCalls() {
		callTwice();
		assertThatThrownBy(() -> assertThat(this.meters).hasInferenceCall("sentiment").withOutcome("SUCCESS")
			.times(1))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expected 1 inference call(s) of 'sentiment' with {outcome=SUCCESS}")
			.hasMessageContaining("found 2")
			.hasMessageContaining("2 x SUCCESS via hf-inference");
		assertThatThrownBy(() -> assertThat(this.meters).hasInferenceCall("chat").times(1))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("No call of 'chat' was recorded. Models with calls: [sentiment]");
	}

	@Test
	void retriesAreReadFromTheStartersCounter() {
		this.meters.counter(InferenceMetersAssert.RETRIES, "hf.model", "sentiment", "hf.provider", "hf-inference")
			.increment(2);
		assertThat(this.meters).hasRetried("sentiment", 2).hasRetried("chat", 0);
		assertThatThrownBy(() -> assertThat(this.meters).hasRetried("sentiment", 1))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Expected 1 retries of 'sentiment' (hf.client.retries) but counted 2");
	}

	private void callTwice() {
		this.stub.model("org/m").task(TextClassification.TASK).answers(List.of(label("POSITIVE", 0.9)));
		call("first");
		call("second");
	}

	private void call(String text) {
		this.client.call(TextClassification.TASK, once("sentiment", "org/m"), text, null).block(TIMEOUT);
	}

	private static ObservationRegistry observations(MeterRegistry meters) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		return registry;
	}

}
