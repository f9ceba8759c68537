package io.github.hfinference.core.streaming;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.StreamingRequest;
import io.github.hfinference.core.TestModels;
import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a stream does to its connection: cancelling closes it (as the server sees it) and
 * does not leak it from the pool, a stream ending with {@code [DONE]} leaves it reusable,
 * timeouts between events close it, and backpressure holds. Each on both HTTP paths: the
 * WebClient, and Reactor Netty directly (the default).
 */
@ParameterizedClass(name = "direct={0}")
@ValueSource(booleans = { false, true })
class StreamingConnectionTests {

	@Parameter
	boolean direct;

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello"));

	private final MockWebServer server = new MockWebServer();

	private final List<EventBody> bodies = new ArrayList<>();

	private ConnectionProvider connections;

	private HfInferenceClient client;

	private ModelDefinition model;

	@BeforeEach
	void start() throws IOException {
		this.server.start();
		URI url = this.server.url("/").uri();
		this.connections = ConnectionProvider.builder("single")
			.maxConnections(1)
			.pendingAcquireTimeout(Duration.ofSeconds(3))
			.build();
		this.client = client(url, this.connections);
		// one attempt: these tests are about the connection, not retries
		this.model = ModelDefinition.builder("tgi").id("tgi").target(InferenceTarget.Endpoint.of(url))
			.policy(TestModels.SINGLE_ATTEMPT)
			.build();
	}

	@AfterEach
	void stop() {
		this.bodies.forEach(EventBody::release);
		this.server.close();
		this.connections.disposeLater().block(WAIT);
	}

	@Test
	void cancellingClosesTheConnectionPromptly() throws InterruptedException {
		EventBody body = serve(EventBody.create().write(chunk("Hel")).pingUntilDisconnected(Duration.ofMillis(20)));

		StepVerifier.create(stream(CallOptions.defaults()))
			.assertNext((first) -> assertThat(first.content()).isEqualTo("Hel"))
			.then(() -> assertThat(body.disconnected()).as("open while streaming").isFalse())
			.thenCancel()
			.verify(WAIT);

		assertThat(body.awaitDisconnect(WAIT)).as("server saw the connection close").isTrue();
	}

	@Test
	void cancelledStreamsDoNotLeakPooledConnections() throws InterruptedException {
		for (int i = 0; i < 5; i++) {
			EventBody body = serve(EventBody.create().write(chunk("Hel")).pingUntilDisconnected(Duration.ofMillis(20)));
			StepVerifier.create(stream(CallOptions.defaults())).expectNextCount(1).thenCancel().verify(WAIT);
			assertThat(body.awaitDisconnect(WAIT)).isTrue();
		}
		serve(EventBody.create().write(chunk("Hi") + chunk(" there") + "data: [DONE]\n\n"));

		List<ChatCompletionChunk> chunks = stream(CallOptions.defaults()).collectList().block(WAIT);

		assertThat(chunks).extracting(ChatCompletionChunk::content).containsExactly("Hi", " there");
		assertThat(this.server.getRequestCount()).isEqualTo(6);
	}

	@Test
	void streamEndingWithDoneLeavesTheConnectionReusableAndDropsWhatFollows() throws InterruptedException {
		serve(EventBody.create()
			.write(chunk("Hi") + "data: [DONE]\n\n")
			.pause(Duration.ofMillis(150))
			.write("data: trailing junk\n\n"));
		serve(EventBody.create().write(chunk("Again")));

		StepVerifier.create(stream(CallOptions.defaults()))
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("Hi"))
			.expectComplete()
			.verify(WAIT);
		StepVerifier.create(stream(CallOptions.defaults()))
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("Again"))
			.expectComplete()
			.verify(WAIT);

		RecordedRequest first = this.server.takeRequest();
		RecordedRequest second = this.server.takeRequest();
		assertThat(second.getConnectionIndex()).as("same connection").isEqualTo(first.getConnectionIndex());
		assertThat(second.getExchangeIndex()).isEqualTo(first.getExchangeIndex() + 1);
	}

	@Test
	void streamCompletesWhenTheServerHoldsTheConnectionAfterDone() {
		serve(EventBody.create().write(chunk("Hi") + "data: [DONE]\n\n").stall());

		// the timeout only has to be shorter than the test's wait: waiting for the connection to end would fail
		StepVerifier.create(stream(CallOptions.defaults().withTimeout(Duration.ofSeconds(5))))
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("Hi"))
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void streamWithoutATimeoutCompletesAndClosesTheConnectionWhenTheServerHoldsItAfterDone()
			throws InterruptedException {
		EventBody body = serve(
				EventBody.create().write(chunk("Hi") + "data: [DONE]\n\n").pingUntilDisconnected(Duration.ofMillis(20)));

		StepVerifier.create(stream(CallOptions.defaults()))
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("Hi"))
			.expectComplete()
			.verify(WAIT);

		assertThat(body.awaitDisconnect(WAIT)).as("the drain gave up on the held connection").isTrue();
	}

	@Test
	void silenceBetweenEventsLongerThanTheTimeoutFailsAndClosesTheConnection() throws InterruptedException {
		EventBody body = serve(EventBody.create().write(chunk("Hel")).pingUntilDisconnected(Duration.ofSeconds(1)));

		StepVerifier.create(stream(CallOptions.defaults().withTimeout(Duration.ofMillis(500))))
			.assertNext((first) -> assertThat(first.content()).isEqualTo("Hel"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfTimeoutException.class)
				.hasMessageContaining("No stream event from")
				.hasMessageContaining("for 500 ms after the previous event"))
			.verify(WAIT);

		assertThat(body.awaitDisconnect(WAIT)).isTrue();
	}

	@Test
	void noFirstEventWithinTheModelTimeoutFails() {
		serve(EventBody.create().stall());
		ModelDefinition slow = this.model.toBuilder().timeout(Duration.ofMillis(200)).build();

		StepVerifier.create(this.client.stream(ChatCompletion.STREAM, slow, HELLO, null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfTimeoutException.class)
				.hasMessageContaining("within 200 ms"))
			.verify(WAIT);
	}

	@Test
	void slowSubscriberIsNotMistakenForASilentServer() {
		serve(EventBody.create().write(chunk("a") + chunk("b") + chunk("c")));

		// three times the timeout passes while the subscriber asks for nothing: no wall-clock window, as a
		// correct client never fails here however slow the machine (the stream's timers read the real clock)
		StepVerifier.create(stream(CallOptions.defaults().withTimeout(Duration.ofMillis(500))), 1)
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("a"))
			.thenAwait(Duration.ofMillis(1500))
			.thenRequest(2)
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("b"))
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("c"))
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void chunksArriveOneAtATimeAsRequested() {
		serve(EventBody.create().write(chunk("a") + chunk("b") + chunk("c") + "data: [DONE]\n\n"));

		StepVerifier.create(stream(CallOptions.defaults()), 0)
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(100))
			.thenRequest(1)
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("a"))
			.expectNoEvent(Duration.ofMillis(100))
			.thenRequest(1)
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("b"))
			.thenRequest(1)
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("c"))
			.thenRequest(1)
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void closingABlockingStreamClosesTheConnection() throws InterruptedException {
		EventBody body = serve(EventBody.create().write(chunk("Hel")).pingUntilDisconnected(Duration.ofMillis(20)));

		try (Stream<ChatCompletionChunk> chunks = this.client.blocking().stream(ChatCompletion.STREAM, this.model, HELLO,
				null)) {
			assertThat(chunks.findFirst()).hasValueSatisfying((first) -> assertThat(first.content()).isEqualTo("Hel"));
		}

		assertThat(body.awaitDisconnect(WAIT)).isTrue();
	}

	@Test
	void callsBeyondThePoolsWaitingLimitFailWithATypedConnectionErrorThatLeavesTheCircuitClosed()
			throws InterruptedException {
		ConnectionProvider tight = ConnectionProvider.builder("tight").maxConnections(1).pendingAcquireMaxCount(1).build();
		// a breaker that one real failure would open
		ModelDefinition guarded = ModelDefinition.builder("tgi").id("tgi")
			.target(InferenceTarget.Endpoint.of(this.server.url("/").uri()))
			.policy(TestModels.SINGLE_ATTEMPT.withCircuitBreaker(new CircuitBreakerSettings(true, 1, Duration.ofMinutes(1))))
			.build();
		try {
			HfInferenceClient client = client(this.server.url("/").uri(), tight);
			EventBody holding = serve(EventBody.create().write(chunk("Hel")).pingUntilDisconnected(Duration.ofMillis(20)));
			StepVerifier.create(client.stream(ChatCompletion.STREAM, guarded, HELLO, null))
				.expectNextCount(1)
				.then(() -> {
					// the one connection is taken, a second call waits for it, the next are refused
					Disposable waiting = client.stream(ChatCompletion.STREAM, guarded, HELLO, null).subscribe();
					for (int refused = 0; refused < 3; refused++) {
						StepVerifier.create(client.stream(ChatCompletion.STREAM, guarded, HELLO, null))
							.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfConnectionException.class)
								.hasMessageContaining("connection pool is exhausted")
								.hasMessageContaining(this.server.url("/").uri().getAuthority()))
							.verify(WAIT);
					}
					waiting.dispose();
				})
				.thenCancel()
				.verify(WAIT);
			assertThat(holding.awaitDisconnect(WAIT)).isTrue();
			// the target was never reached by the refused calls: its circuit is still closed
			serve(EventBody.create().write(chunk("again") + "data: [DONE]\n\n"));
			StepVerifier.create(client.stream(ChatCompletion.STREAM, guarded, HELLO, null))
				.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("again"))
				.expectComplete()
				.verify(WAIT);
		}
		finally {
			tight.disposeLater().block(WAIT);
		}
	}

	private HfInferenceClient client(URI url, ConnectionProvider pool) {
		HttpClient httpClient = HttpClient.create(pool).followRedirect(false);
		WebClient.Builder webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient));
		return HfInferenceClient.builder()
			.token("hf_test")
			.baseUrl(url)
			.webClientBuilder(webClient)
			.directHttpClient(this.direct ? httpClient : null)
			.build();
	}

	private Flux<ChatCompletionChunk> stream(CallOptions options) {
		return this.client.executeStream(StreamingRequest.of(ChatCompletion.STREAM, this.model, HELLO).withOptions(options))
			.chunks();
	}

	private EventBody serve(EventBody body) {
		this.bodies.add(body);
		MockResponse response = body.response();
		this.server.enqueue(response);
		return body;
	}

	static String chunk(String content) {
		return "data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"tgi\","
				+ "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"" + content
				+ "\"},\"finish_reason\":null}]}\n\n";
	}

}
