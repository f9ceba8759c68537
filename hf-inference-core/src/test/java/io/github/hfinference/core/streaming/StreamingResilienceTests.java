package io.github.hfinference.core.streaming;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.RevisionMismatchAction;
import io.github.hfinference.core.StreamingRequest;
import io.github.hfinference.core.StreamingResponse;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfRevisionMismatchException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.observation.InferenceObservationContext;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ChatStreams;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams through the resilience layer: failover before the first chunk, never after,
 * circuit breakers; the revision guard before the first chunk; one observation per
 * streamed call.
 */
class StreamingResilienceTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello"));

	private static final String HI = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n";

	private static final String THERE = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"}}]}\n\n";

	private static final String USAGE = "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2,"
			+ "\"total_tokens\":11}}\n\n";

	private static final String OVERLOADED = "data: {\"error\":\"Model is overloaded\",\"error_type\":\"overloaded\"}\n\n";

	private static final String PINNED = "0e9e39f249a16976918f6564b8830bc894c89659";

	private final MockWebServer router = new MockWebServer();

	private final MockWebServer backup = new MockWebServer();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private HfInferenceClient client;

	private ModelDefinition model;

	@BeforeEach
	void start() throws IOException {
		this.router.start();
		this.backup.start();
		URI url = this.router.url("/").uri();
		this.client = HfInferenceClient.builder()
			.token("hf_test")
			.noTokenLookup()
			.baseUrl(url)
			.hubUrl(url)
			.observationRegistry(this.observations)
			.build();
		this.model = ModelDefinition.builder("chat")
			.id("meta-llama/Llama-3.1-8B-Instruct")
			.target(new InferenceTarget.Router("hf-inference"))
			.target(new InferenceTarget.Endpoint("backup", this.backup.url("/").uri(), null, false))
			.build();
	}

	@AfterEach
	void stop() {
		this.router.close();
		this.backup.close();
	}

	@Test
	void retryableFailureBeforeTheFirstChunkFailsOverToTheNextTarget() {
		this.router.enqueue(new MockResponse.Builder().code(503).body("Service Unavailable").build());
		this.backup.enqueue(sse(HI + THERE + "data: [DONE]\n\n", PINNED));
		StreamingResponse<ChatCompletionChunk> response = this.client
			.executeStream(StreamingRequest.of(ChatCompletion.STREAM, this.model, HELLO));

		StepVerifier.create(ChatStreams.textDeltas(response.chunks())).expectNext("Hi", " there").verifyComplete();

		ResponseMetadata metadata = response.metadata().block(WAIT);
		assertThat(metadata.target()).isEqualTo("backup");
		assertThat(metadata.attempts()).isEqualTo(2);
		assertThat(metadata.servedRevision()).isEqualTo(PINNED);
		assertThat(this.router.getRequestCount()).isOne();
		assertThat(this.backup.getRequestCount()).isOne();
	}

	@Test
	void failureAfterTheFirstChunkEndsTheStreamWithoutRetry() {
		this.router.enqueue(sse(HI + OVERLOADED + THERE, null));

		StepVerifier.create(this.client.stream(ChatCompletion.STREAM, this.model, HELLO, null))
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("Hi"))
			.expectError(HfRateLimitException.class)
			.verify(WAIT);

		assertThat(this.router.getRequestCount()).isOne();
		assertThat(this.backup.getRequestCount()).isZero();
	}

	@Test
	void everyTargetFailingBeforeTheFirstChunkFailsWithTheLastFailure() {
		// four attempts in all, alternating between the two targets, with short waits
		ModelDefinition quick = this.model.toBuilder()
			.policy(ResiliencePolicy.defaults()
				.withRetry(new RetrySettings(true, 3, Duration.ofMillis(10), 1.0, Duration.ofMillis(10), 0,
						Duration.ofSeconds(1), null)))
			.build();
		this.router.enqueue(new MockResponse.Builder().code(503).body("Service Unavailable").build());
		this.backup.enqueue(new MockResponse.Builder().code(500).body("boom").build());
		this.router.enqueue(new MockResponse.Builder().code(503).body("Service Unavailable").build());
		this.backup.enqueue(new MockResponse.Builder().code(500).body("boom").build());

		StepVerifier.create(this.client.stream(ChatCompletion.STREAM, quick, HELLO, null))
			.expectError(HfServerException.class)
			.verify(WAIT);

		assertThat(this.router.getRequestCount() + this.backup.getRequestCount()).isEqualTo(4);
	}

	@Test
	void openCircuitSendsTheNextStreamStraightToTheNextTarget() {
		ModelDefinition fragile = this.model.toBuilder()
			.policy(ResiliencePolicy.defaults()
				.withCircuitBreaker(new CircuitBreakerSettings(true, 1, Duration.ofMinutes(5))))
			.build();
		this.router.enqueue(new MockResponse.Builder().code(503).body("Service Unavailable").build());
		this.backup.enqueue(sse(HI, null));
		this.backup.enqueue(sse(THERE, null));

		StepVerifier.create(ChatStreams.textDeltas(this.client.stream(ChatCompletion.STREAM, fragile, HELLO, null)))
			.expectNext("Hi")
			.verifyComplete();
		assertThat(this.client.resilience().circuitStates("chat")).containsEntry("hf-inference", CircuitState.OPEN);
		StepVerifier.create(ChatStreams.textDeltas(this.client.stream(ChatCompletion.STREAM, fragile, HELLO, null)))
			.expectNext(" there")
			.verifyComplete();

		assertThat(this.router.getRequestCount()).isOne();
		assertThat(this.backup.getRequestCount()).isEqualTo(2);
	}

	@Test
	void servedRevisionDifferentFromThePinFailsTheStreamBeforeAnyChunk() {
		ModelDefinition pinned = this.model.toBuilder()
			.revision("1111111111111111111111111111111111111111")
			.revisionMismatch(RevisionMismatchAction.FAIL)
			.build();
		this.router.enqueue(sse(HI + THERE, PINNED));

		StepVerifier.create(this.client.stream(ChatCompletion.STREAM, pinned, HELLO, null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfRevisionMismatchException.class)
				.hasMessageContaining(PINNED))
			.verify(WAIT);

		assertThat(this.backup.getRequestCount()).as("a mismatch is not retried").isZero();
	}

	@Test
	void servedRevisionDifferentFromThePinIsRecordedWhenOnlyWarned() {
		ModelDefinition pinned = this.model.toBuilder()
			.revision("1111111111111111111111111111111111111111")
			.revisionMismatch(RevisionMismatchAction.WARN)
			.build();
		this.router.enqueue(sse(HI + THERE, PINNED));

		StepVerifier.create(this.client.stream(ChatCompletion.STREAM, pinned, HELLO, null))
			.expectNextCount(2)
			.verifyComplete();

		assertThat(this.client.revisions().state("chat").drift()).isTrue();
		assertThat(this.client.revisions().state("chat").lastServed()).isEqualTo(PINNED);
	}

	@Test
	void streamedCallIsOneStreamingObservationWithTheServingTargetAndTokenUsage() {
		this.router.enqueue(new MockResponse.Builder().code(503).body("Service Unavailable").build());
		this.backup.enqueue(sse(HI + USAGE + "data: [DONE]\n\n", PINNED));

		StepVerifier.create(this.client.stream(ChatCompletion.STREAM, this.model, HELLO, null))
			.expectNextCount(2)
			.verifyComplete();

		assertThat(this.observations).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("hf.provider", "backup")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasHighCardinalityKeyValue("hf.revision", PINNED)
			.hasBeenStopped()
			.isInstanceOfSatisfying(InferenceObservationContext.class, (context) -> {
				assertThat(context.isStreaming()).isTrue();
				assertThat(context.getMetadata().attempts()).isEqualTo(2);
				assertThat(context.getMetadata().promptTokens()).isEqualTo(9);
				assertThat(context.getMetadata().generatedTokens()).isEqualTo(2);
			});
	}

	@Test
	void failedStreamIsObservedAsAnError() {
		this.router.enqueue(sse(HI + OVERLOADED, null));

		StepVerifier.create(this.client.stream(ChatCompletion.STREAM, this.model, HELLO, null))
			.expectNextCount(1)
			.expectError(HfRateLimitException.class)
			.verify(WAIT);

		assertThat(this.observations).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("outcome", "RATE_LIMITED")
			.hasError()
			.hasBeenStopped();
	}

	@Test
	void cancelledStreamStopsItsObservationWithTheMetadataSoFar() {
		this.router.enqueue(sse(HI + THERE + USAGE + "data: [DONE]\n\n", PINNED));

		StepVerifier.create(this.client.stream(ChatCompletion.STREAM, this.model, HELLO, null), 1)
			.expectNextCount(1)
			.thenCancel()
			.verify(WAIT);

		assertThat(this.observations).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("hf.provider", "hf-inference")
			.hasBeenStopped()
			.doesNotHaveError()
			.isInstanceOfSatisfying(InferenceObservationContext.class,
					(context) -> assertThat(context.isStreaming()).isTrue());
	}

	private static MockResponse sse(String body, String sha) {
		MockResponse.Builder response = new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream");
		if (sha != null) {
			response.addHeader("x-sha", sha);
		}
		return response.body(body).build();
	}

}
