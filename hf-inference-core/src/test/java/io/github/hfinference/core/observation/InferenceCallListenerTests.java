package io.github.hfinference.core.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.TestModels;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Call listeners hear about every call's outcome, with no observation registry at all,
 * and a failing listener does not break the call.
 */
class InferenceCallListenerTests {

	private final List<String> events = new CopyOnWriteArrayList<>();

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture((builder) -> builder.callListener(new InferenceCallListener() {

		@Override
		public void onSuccess(String modelAlias, String task, ResponseMetadata metadata) {
			InferenceCallListenerTests.this.events.add("success " + modelAlias + " " + task + " " + metadata.target()
					+ " " + metadata.servedRevision());
		}

		@Override
		public void onFailure(String modelAlias, String task, Throwable failure) {
			InferenceCallListenerTests.this.events
				.add("failure " + modelAlias + " " + task + " " + failure.getClass().getSimpleName());
		}

	}).callListener(new InferenceCallListener() {

		@Override
		public void onSuccess(String modelAlias, String task, ResponseMetadata metadata) {
			throw new IllegalStateException("a broken listener");
		}

	}));

	private ModelDefinition model;

	@BeforeEach
	void start() {
		this.model = TestModels.onHfInference("sentiment", "distilbert/sst2", TestModels.SINGLE_ATTEMPT);
	}

	@Test
	void successAndFailureAreHeardWithoutAnObservationRegistry() {
		this.mock.server().enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-sha", "714eb0f")
			.body("[[{\"label\":\"POSITIVE\",\"score\":0.99}]]")
			.build());
		this.mock.server().enqueue(new MockResponse.Builder().code(500).body("{\"error\":\"boom\"}").build());
		assertThat(this.mock.client().blocking().call(TextClassification.TASK, this.model, "I like you", null)).hasSize(1);
		assertThatExceptionOfType(HfServerException.class)
			.isThrownBy(() -> this.mock.client().blocking().call(TextClassification.TASK, this.model, "again", null));
		assertThat(this.events).containsExactly("success sentiment text-classification hf-inference 714eb0f",
				"failure sentiment text-classification HfServerException");
	}

}
