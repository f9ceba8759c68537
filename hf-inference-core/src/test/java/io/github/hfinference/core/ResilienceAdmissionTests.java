package io.github.hfinference.core;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
import reactor.core.scheduler.Schedulers;

import io.github.hfinference.core.ResiliencePolicy.AdmissionSettings;
import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.internal.resilience.RecordingListener;
import io.github.hfinference.core.observation.ResilienceStatus.AdmissionState;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.TextClassification;

import static io.github.hfinference.core.ResilienceFixtures.MODEL;
import static io.github.hfinference.core.ResilienceFixtures.endpoint;
import static io.github.hfinference.core.ResilienceFixtures.model;
import static io.github.hfinference.core.ResilienceFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Client-side admission per model against a server that counts the requests it holds
 * open at once.
 */
class ResilienceAdmissionTests {

	private final MockWebServer server = new MockWebServer();

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger maxOpen = new AtomicInteger();

	private final CountDownLatch released = new CountDownLatch(1);

	private final RecordingListener listener = new RecordingListener();

	private HfInferenceClient client;

	@BeforeEach
	void start() throws IOException {
		this.server.start();
		this.client = HfInferenceClient.builder()
			.noTokenLookup()
			.scheduler(Schedulers.parallel())
			.resilienceListener(this.listener)
			.build();
	}

	@AfterEach
	void stop() {
		this.released.countDown();
		this.server.close();
	}

	@Test
	void twoHundredConcurrentCallersNeverHaveMoreThanTheLimitInFlight() {
		this.server.setDispatcher(holding(() -> pause(15)));
		ModelDefinition model = admitted(new AdmissionSettings(5, 0, 200, Duration.ofSeconds(30)));
		List<InferenceResponse<List<ClassificationOutput>>> results = Flux.range(0, 200)
			.flatMap((i) -> this.client.execute(InferenceRequest.of(TextClassification.TASK, model, "text " + i)), 200)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(results).hasSize(200);
		assertThat(this.server.getRequestCount()).isEqualTo(200);
		assertThat(this.maxOpen.get()).isLessThanOrEqualTo(5).isGreaterThan(1);
		assertThat(this.client.resilience().admissionState(MODEL)).isEqualTo(new AdmissionState(0, 0,
				model.policy().admission()));
	}

	@Test
	void aCallFailsFastWhenItCannotStartAndTheQueueIsFull() throws InterruptedException {
		this.server.setDispatcher(holding(this::awaitRelease));
		ModelDefinition model = admitted(new AdmissionSettings(1, 0, 0, Duration.ofSeconds(30)));
		Mono<?> first = this.client.execute(InferenceRequest.of(TextClassification.TASK, model, "first")).cache();
		first.subscribe((result) -> {
		}, (failure) -> {
		});
		assertThat(this.server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
		assertThatExceptionOfType(HfAdmissionRejectedException.class)
			.isThrownBy(() -> this.client.blocking().execute(InferenceRequest.of(TextClassification.TASK, model, "x")))
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(HfAdmissionRejectedException.Reason.QUEUE_FULL);
				assertThat(ex.getModel()).isEqualTo(MODEL);
				assertThat(ex.getMessage()).contains("'" + MODEL + "'", "maxQueueSize=0", "maxConcurrentCalls=1");
			});
		assertThat(this.listener.events).containsExactly("rejected " + MODEL + " QUEUE_FULL");
		this.released.countDown();
		first.block(Duration.ofSeconds(10));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void cancellingACallReleasesItsPermitAndItsPlaceInTheQueue() throws InterruptedException {
		this.server.setDispatcher(holding(this::awaitRelease));
		ModelDefinition model = admitted(new AdmissionSettings(1, 0, 1, Duration.ofSeconds(30)));
		Disposable running = this.client.execute(InferenceRequest.of(TextClassification.TASK, model, "a")).subscribe();
		assertThat(this.server.takeRequest(10, TimeUnit.SECONDS)).isNotNull();
		Disposable queued = this.client.execute(InferenceRequest.of(TextClassification.TASK, model, "b")).subscribe();
		assertThat(this.client.resilience().admissionState(MODEL)).extracting(AdmissionState::inFlight,
				AdmissionState::waiting).containsExactly(1, 1);

		queued.dispose();
		assertThat(this.client.resilience().admissionState(MODEL)).extracting(AdmissionState::inFlight,
				AdmissionState::waiting).containsExactly(1, 0);
		running.dispose();
		assertThat(this.client.resilience().admissionState(MODEL)).extracting(AdmissionState::inFlight,
				AdmissionState::waiting).containsExactly(0, 0);

		// The permit is free again: a new call is admitted and reaches the server.
		this.released.countDown();
		assertThat(this.client.blocking().execute(InferenceRequest.of(TextClassification.TASK, model, "c")).value())
			.hasSize(1);
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(this.client.resilience().admissionState(MODEL).inFlight()).isZero();
	}

	private ModelDefinition admitted(AdmissionSettings admission) {
		return model(ResiliencePolicy.defaults().withAdmission(admission), endpoint("primary", this.server));
	}

	/** A dispatcher that counts open requests and holds each one until {@code hold} returns. */
	private Dispatcher holding(Runnable hold) {
		return new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				int now = ResilienceAdmissionTests.this.open.incrementAndGet();
				ResilienceAdmissionTests.this.maxOpen.accumulateAndGet(now, Math::max);
				try {
					hold.run();
					return ok();
				}
				finally {
					ResilienceAdmissionTests.this.open.decrementAndGet();
				}
			}

		};
	}

	private void awaitRelease() {
		try {
			this.released.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Simulates a server busy for a while with each request (no assertion depends on it). */
	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
