package io.github.hfinference.core.internal.resilience;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.LoadBalancing;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.internal.http.ErrorMapper;
import io.github.hfinference.core.observation.ResilienceListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor on synthetic attempts (no HTTP), in virtual time.
 */
class ResilientExecutorTests {

	private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

	private final RecordingListener listener = new RecordingListener();

	private final ResilientExecutor executor = new ResilientExecutor(this.clock, List.of(this.listener));

	private final AtomicInteger subscriptions = new AtomicInteger();

	@Test
	void aStreamIsRetriedUntilItsFirstElementArrives() {
		ModelDefinition model = model(retry(3, Duration.ofSeconds(2), null));
		Flux<String> stream = this.executor.execute(model, null, (attempt) -> {
			this.subscriptions.incrementAndGet();
			return (attempt.number() < 3) ? Flux.error(serverError(503)) : Flux.just("a", "b", "c");
		});
		StepVerifier.withVirtualTime(() -> stream, () -> this.clock, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofMillis(1999))
			.then(() -> assertThat(this.subscriptions).hasValue(1))
			.thenAwait(Duration.ofMillis(1))
			.then(() -> assertThat(this.subscriptions).hasValue(2))
			.thenAwait(Duration.ofSeconds(4))
			.expectNext("a", "b", "c")
			.verifyComplete();
		assertThat(this.subscriptions).hasValue(3);
		assertThat(this.listener.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
	}

	@Test
	void aStreamIsNeverRetriedOnceItsFirstElementWasDelivered() {
		ModelDefinition model = model(retry(3, Duration.ofSeconds(1), null));
		Flux<String> stream = this.executor.execute(model, null, (attempt) -> {
			this.subscriptions.incrementAndGet();
			return Flux.concat(Flux.just("a"), Flux.error(serverError(503)));
		});
		StepVerifier.create(stream).expectNext("a").expectError(HfServerException.class).verify(Duration.ofSeconds(5));
		assertThat(this.subscriptions).hasValue(1);
		assertThat(this.listener.events).isEmpty();
	}

	@Test
	void eachAttemptGetsWhatRemainsOfTheDeadline() {
		List<Duration> timeouts = new CopyOnWriteArrayList<>();
		ModelDefinition model = model(retry(5, Duration.ofMillis(100), Duration.ofSeconds(1)));
		Flux<String> call = this.executor.execute(model, Duration.ofSeconds(5), (attempt) -> {
			timeouts.add(attempt.timeout());
			return Mono.delay(Duration.ofMillis(700), this.clock).then(Mono.error(serverError(500)));
		});
		StepVerifier.withVirtualTime(() -> call, () -> this.clock, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(3))
			.expectError(HfServerException.class)
			.verify();
		// Attempt 1 at 0 ms (1000 ms left); it fails at 700 ms, waits 100 ms; attempt 2 at 800 ms
		// has 200 ms; it fails at 1500 ms and no time is left for a third.
		assertThat(timeouts).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(200));
	}

	@Test
	void anAttemptCutByTheDeadlineFailsWithATimeoutNamingTheDeadline() {
		ModelDefinition model = model(retry(5, Duration.ofMillis(100), Duration.ofSeconds(1)));
		Flux<String> call = this.executor.execute(model, Duration.ofMillis(600), (attempt) -> {
			this.subscriptions.incrementAndGet();
			Duration timeout = attempt.timeout();
			return Mono.<String>never()
				.timeout(timeout, this.clock)
				.onErrorMap(TimeoutException.class, (ex) -> new HfTimeoutException("attempt timed out", ex));
		});
		StepVerifier.withVirtualTime(() -> call, () -> this.clock, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(2))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfTimeoutException.class)
				.hasMessage("Call to model 'm' reached its deadline of 1000 ms after 2 attempts")
				.hasCauseInstanceOf(HfTimeoutException.class))
			.verify();
		// 600 ms (per-attempt timeout), wait 100 ms, then the 300 ms left of the deadline.
		assertThat(this.subscriptions).hasValue(2);
	}

	@Test
	void configurationMistakesAreNotRetriedAndDoNotCountAgainstTheTarget() {
		ModelDefinition model = model(retry(3, Duration.ofMillis(100), null));
		Flux<String> call = this.executor.execute(model, null, (attempt) -> {
			this.subscriptions.incrementAndGet();
			return Flux.error(new HfConfigurationException("no provider"));
		});
		StepVerifier.create(call).expectError(HfConfigurationException.class).verify(Duration.ofSeconds(5));
		assertThat(this.subscriptions).hasValue(1);
		assertThat(this.executor.targetStates("m")).singleElement()
			.satisfies((state) -> assertThat(state.consecutiveFailures()).isZero());
	}

	@Test
	void aFailingListenerDoesNotBreakTheCall() {
		ResilientExecutor withBrokenListener = new ResilientExecutor(this.clock, List.of(new ResilienceListener() {

			@Override
			public void onRetry(String model, String target, int attempt, Throwable failure, Duration wait) {
				throw new IllegalStateException("listener bug");
			}

		}, this.listener));
		Flux<String> call = withBrokenListener.execute(model(retry(3, Duration.ZERO, null)), null,
				(attempt) -> (attempt.number() == 1) ? Mono.error(serverError(502)) : Mono.just("ok"));
		StepVerifier.create(call).expectNext("ok").verifyComplete();
		assertThat(this.listener.events).containsExactly("retry endpoint.example #2 0ms HfServerException");
	}

	@Test
	void stateIsKeptPerModelAndRebuiltWhenItsPolicyChanges() {
		ModelDefinition model = model(retry(0, Duration.ZERO, null));
		StepVerifier.create(this.executor.execute(model, null, (attempt) -> Mono.error(serverError(500))))
			.expectError(HfServerException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.executor.targetStates("m")).singleElement()
			.satisfies((state) -> assertThat(state.consecutiveFailures()).isEqualTo(1));
		ModelDefinition changed = model.toBuilder()
			.policy(model.policy().withLoadBalancing(LoadBalancing.ROUND_ROBIN))
			.build();
		StepVerifier.create(this.executor.execute(changed, null, (attempt) -> Mono.just("ok")))
			.expectNext("ok")
			.verifyComplete();
		assertThat(this.executor.targetStates("m")).singleElement()
			.satisfies((state) -> assertThat(state.consecutiveFailures()).isZero());
		assertThat(this.executor.targetStates("unknown")).isEmpty();
		assertThat(this.executor.admissionState("m")).isNull();
	}

	private static ModelDefinition model(RetrySettings retry) {
		return ModelDefinition.builder("m")
			.target(InferenceTarget.Endpoint.of(URI.create("http://endpoint.example/")))
			.policy(ResiliencePolicy.defaults().withRetry(retry))
			.build();
	}

	private static RetrySettings retry(int maxRetries, Duration interval, Duration deadline) {
		return new RetrySettings(true, maxRetries, interval, 2.0, Duration.ofMinutes(1), 0.0, Duration.ofMinutes(1),
				deadline);
	}

	private static HfServerException serverError(int status) {
		return (HfServerException) ErrorMapper.fromResponse(status, new HttpHeaders(), new byte[0], "m", "endpoint");
	}

}
