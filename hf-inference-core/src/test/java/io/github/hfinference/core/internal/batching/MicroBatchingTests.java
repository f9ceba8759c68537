package io.github.hfinference.core.internal.batching;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.tck.TestObservationRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.BatchingSettings;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.TestModels;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micro-batching of concurrent feature-extraction calls against a mock endpoint that
 * answers each input {@code "tN"} with the vector {@code [N, 1]}, so every caller can
 * check it got its own embedding.
 */
class MicroBatchingTests {

	private static final Duration LONG_WAIT = Duration.ofSeconds(30);

	private final MockWebServer server = new MockWebServer();

	private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();

	private final AtomicInteger failStatus = new AtomicInteger();

	private final AtomicInteger dropResults = new AtomicInteger();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	/** Runs the batching timers: a batch waiting for more calls is sent when the test advances it. */
	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private HfInferenceClient client;

	@BeforeEach
	void start() throws IOException {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer(request);
			}
		});
		this.server.start();
		this.client = HfInferenceClient.builder().noTokenLookup().observationRegistry(this.observations)
			.scheduler(this.time).build();
	}

	@AfterEach
	void stop() {
		this.server.close();
		this.time.dispose();
	}

	@Test
	void concurrentCallsTravelInOneRequestAndEachCallerGetsItsOwnResult() {
		ModelDefinition model = model(3, LONG_WAIT);

		List<Embedding> results = Flux.range(0, 3).flatMap((i) -> embed(model, "t" + i), 3, 1).collectList()
			.block(Duration.ofSeconds(10));

		assertThat(this.bodies).hasSize(1);
		assertThat(inputs(this.bodies.get(0))).containsExactlyInAnyOrder("t0", "t1", "t2");
		assertThat(results).extracting((embedding) -> embedding.vector()[0])
			.containsExactlyInAnyOrder(0f, 1f, 2f);
		assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo(MicroBatcher.OBSERVATION_NAME, 1)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 3);
	}

	@Test
	void resultsAreSplitInTheOrderOfTheInputs() {
		ModelDefinition model = model(5, LONG_WAIT);

		List<Mono<Embedding>> calls = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			calls.add(embed(model, "t" + (i * 7)).cache());
		}
		calls.forEach(Mono::subscribe);

		for (int i = 0; i < 5; i++) {
			assertThat(calls.get(i).block(Duration.ofSeconds(10)).vector()).containsExactly(i * 7f, 1f);
		}
		assertThat(this.bodies).hasSize(1);
	}

	@Test
	void aPartialBatchWaitsForMoreCallsUntilTheWaitIsOver() {
		ModelDefinition model = model(32, Duration.ofMillis(50));

		Mono<List<Embedding>> results = Flux.range(0, 2).flatMap((i) -> embed(model, "t" + i)).collectList().cache();
		results.subscribe();
		this.time.advanceTimeBy(Duration.ofMillis(49));
		assertThat(this.server.getRequestCount()).as("still waiting for more calls").isZero();
		this.time.advanceTimeBy(Duration.ofMillis(1));

		assertThat(results.block(Duration.ofSeconds(10))).hasSize(2);
		assertThat(this.bodies).hasSize(1);
		assertThat(inputs(this.bodies.get(0))).hasSize(2);
	}

	@Test
	void aLoneCallIsSentAsASingleCall() {
		ModelDefinition model = model(32, Duration.ofMillis(10));

		Mono<Embedding> call = embed(model, "t4").cache();
		call.subscribe();
		this.time.advanceTimeBy(Duration.ofMillis(10));
		Embedding result = call.block(Duration.ofSeconds(10));

		assertThat(result.vector()).containsExactly(4f, 1f);
		assertThat(this.bodies.get(0).get("inputs").isString()).isTrue();
		assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo(MicroBatcher.OBSERVATION_NAME, 0);
	}

	@Test
	void aFailedBatchFailsEveryCaller() {
		ModelDefinition model = model(3, LONG_WAIT);
		this.failStatus.set(503);

		List<Mono<Embedding>> calls = List.of(embed(model, "t0").cache(), embed(model, "t1").cache(),
				embed(model, "t2").cache());
		calls.forEach((call) -> call.subscribe((value) -> {
		}, (ex) -> {
		}));

		for (Mono<Embedding> call : calls) {
			assertThatThrownBy(() -> call.block(Duration.ofSeconds(10))).isInstanceOf(HfServerException.class);
		}
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aResponseWithTooFewResultsFailsEveryCaller() {
		ModelDefinition model = model(2, LONG_WAIT);
		this.dropResults.set(1);

		List<Mono<Embedding>> calls = List.of(embed(model, "t0").cache(), embed(model, "t1").cache());
		calls.forEach((call) -> call.subscribe((value) -> {
		}, (ex) -> {
		}));

		for (Mono<Embedding> call : calls) {
			assertThatThrownBy(() -> call.block(Duration.ofSeconds(10))).isInstanceOf(HfResponseException.class)
				.hasMessageContaining("1 results for 2 inputs");
		}
	}

	@Test
	void aCallCancelledBeforeSendingIsLeftOutAndTheOthersStillGetTheirResults() {
		ModelDefinition model = model(3, LONG_WAIT);

		Mono<Embedding> first = embed(model, "t0").cache();
		first.subscribe();
		Disposable cancelled = embed(model, "t1").subscribe();
		cancelled.dispose();
		Mono<Embedding> third = embed(model, "t2").cache();
		third.subscribe();

		assertThat(first.block(Duration.ofSeconds(10)).vector()).containsExactly(0f, 1f);
		assertThat(third.block(Duration.ofSeconds(10)).vector()).containsExactly(2f, 1f);
		assertThat(this.bodies).hasSize(1);
		assertThat(inputs(this.bodies.get(0))).containsExactly("t0", "t2");
	}

	@Test
	void callsWithDifferentParametersAreNotMixed() {
		ModelDefinition model = model(2, LONG_WAIT);

		List<Embedding> results = Flux
			.merge(embed(model, "t0", null), embed(model, "t1", FeatureExtraction.Parameters.normalized()),
					embed(model, "t2", null), embed(model, "t3", FeatureExtraction.Parameters.normalized()))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(results).hasSize(4);
		assertThat(this.bodies).hasSize(2).allSatisfy((body) -> assertThat(inputs(body)).hasSize(2));
		assertThat(this.bodies).anySatisfy((body) -> {
			assertThat(inputs(body)).containsExactlyInAnyOrder("t1", "t3");
			assertThat(body.get("normalize").asBoolean()).isTrue();
		});
	}

	@Test
	void tasksWithoutABatchFormAreSentOneByOne() {
		ModelDefinition model = model(32, LONG_WAIT);
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
					.body("[[{\"label\":\"POSITIVE\",\"score\":0.9}]]").build();
			}
		});

		var results = Flux.range(0, 3)
			.flatMap((i) -> this.client.execute(InferenceRequest.of(TextClassification.TASK, model, "text " + i)))
			.collectList()
			.block(Duration.ofSeconds(20));

		assertThat(results).hasSize(3);
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void aThousandConcurrentCallsWithBatchesOf32Take32Requests() {
		ModelDefinition model = model(32, Duration.ofMillis(20));

		Mono<List<Embedding>> calls = Flux.range(0, 1000).flatMap((i) -> embed(model, "t" + i), 1000).collectList()
			.cache();
		calls.subscribe();
		this.time.advanceTimeBy(Duration.ofMillis(20));
		List<Embedding> results = calls.block(Duration.ofSeconds(10));

		assertThat(results).hasSize(1000);
		assertThat(results).extracting((embedding) -> (int) embedding.vector()[0]).doesNotHaveDuplicates();
		assertThat(this.server.getRequestCount()).as("31 full batches and the last 8 calls").isEqualTo(32);
		assertThat(this.bodies.stream().mapToInt((body) -> inputs(body).size()).sum()).isEqualTo(1000);
	}

	@Test
	void batchingSettingsRejectNonsense() {
		assertThatThrownBy(() -> BatchingSettings.of(-1, Duration.ofMillis(1)))
			.isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSize");
		assertThatThrownBy(() -> BatchingSettings.of(8, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("maxWait");
		assertThat(BatchingSettings.of(1, Duration.ZERO).enabled()).isFalse();
		assertThat(ModelDefinition.of("org/model").batching().enabled()).isFalse();
	}

	private Mono<Embedding> embed(ModelDefinition model, String text) {
		return embed(model, text, null);
	}

	private Mono<Embedding> embed(ModelDefinition model, String text, FeatureExtraction.Parameters parameters) {
		return this.client.call(FeatureExtraction.TASK, model, text, parameters);
	}

	private ModelDefinition model(int maxSize, Duration maxWait) {
		return ModelDefinition.builder("embedder")
			.id("org/embedder")
			.target(new InferenceTarget.Endpoint("mock", this.server.url("/embed").uri(), HfToken.of("hf_test", "test"),
					false))
			.policy(TestModels.SINGLE_ATTEMPT)
			.batching(BatchingSettings.of(maxSize, maxWait))
			.build();
	}

	private MockResponse answer(RecordedRequest request) {
		JsonNode body = JsonCodec.get().parse(request.getBody().toByteArray());
		this.bodies.add(body);
		if (this.failStatus.get() != 0) {
			return new MockResponse.Builder().code(this.failStatus.get()).addHeader("Content-Type", "application/json")
				.body("{\"error\":\"overloaded\"}").build();
		}
		JsonNode inputs = body.get("inputs");
		String json;
		if (inputs.isString()) {
			json = "[" + vector(inputs.stringValue()) + "]";
		}
		else {
			List<String> vectors = new ArrayList<>();
			for (int i = 0; i < inputs.size() - this.dropResults.get(); i++) {
				vectors.add(vector(inputs.get(i).stringValue()));
			}
			json = "[" + String.join(",", vectors) + "]";
		}
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
	}

	private static String vector(String input) {
		return "[" + input.substring(1) + ",1]";
	}

	private static List<String> inputs(JsonNode body) {
		JsonNode value = body.get("inputs");
		if (value.isString()) {
			return List.of(value.stringValue());
		}
		List<String> inputs = new ArrayList<>();
		value.forEach((input) -> inputs.add(input.stringValue()));
		return inputs;
	}

}
