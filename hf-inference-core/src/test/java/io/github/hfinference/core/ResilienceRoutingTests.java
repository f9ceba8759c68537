package io.github.hfinference.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.ResiliencePolicy.LoadBalancing;
import io.github.hfinference.core.error.HfCircuitOpenException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;
import io.github.hfinference.core.task.TextClassification;

import static io.github.hfinference.core.ResilienceFixtures.MODEL;
import static io.github.hfinference.core.ResilienceFixtures.call;
import static io.github.hfinference.core.ResilienceFixtures.endpoint;
import static io.github.hfinference.core.ResilienceFixtures.error;
import static io.github.hfinference.core.ResilienceFixtures.model;
import static io.github.hfinference.core.ResilienceFixtures.ok;
import static io.github.hfinference.core.ResilienceFixtures.retries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Circuit breakers and load balancing across the targets of a model, over real HTTP.
 */
class ResilienceRoutingTests extends TwoTargetResilienceTests {

	@Test
	void circuitOpensAfterConsecutiveFailuresIsSkippedThenHalfOpensAfterTheCoolDown() {
		this.primary.enqueue(error(500).build());
		this.primary.enqueue(error(502).build());
		this.primary.enqueue(ok());
		for (int i = 0; i < 4; i++) {
			this.secondary.enqueue(ok());
		}
		ResiliencePolicy policy = ResiliencePolicy.defaults()
			.withRetry(retries(1))
			.withCircuitBreaker(new CircuitBreakerSettings(true, 2, Duration.ofSeconds(30)));
		ModelDefinition model = model(policy, endpoint("primary", this.primary), endpoint("secondary", this.secondary));

		assertThat(call(this.client, model).metadata().target()).isEqualTo("secondary");
		assertThat(this.client.resilience().circuitStates(MODEL)).containsEntry("primary", CircuitState.CLOSED);
		assertThat(call(this.client, model).metadata().target()).isEqualTo("secondary");
		assertThat(this.client.resilience().circuitStates(MODEL)).containsExactly(
				entry("primary", CircuitState.OPEN), entry("secondary", CircuitState.CLOSED));

		// Open: the primary is skipped, the call goes straight to the secondary.
		InferenceResponse<?> skipped = call(this.client, model);
		assertThat(skipped.metadata().target()).isEqualTo("secondary");
		assertThat(skipped.metadata().attempts()).isEqualTo(1);
		assertThat(this.primary.getRequestCount()).isEqualTo(2);

		this.clock.advance(Duration.ofSeconds(29));
		assertThat(call(this.client, model).metadata().target()).isEqualTo("secondary");
		assertThat(this.primary.getRequestCount()).isEqualTo(2);

		// After the cool-down one trial call reaches the primary; its success closes the circuit.
		this.clock.advance(Duration.ofSeconds(1));
		InferenceResponse<?> trial = call(this.client, model);
		assertThat(trial.metadata().target()).isEqualTo("primary");
		assertThat(this.primary.getRequestCount()).isEqualTo(3);
		assertThat(this.client.resilience().circuitStates(MODEL)).containsEntry("primary", CircuitState.CLOSED);
		assertThat(this.listener.events("circuit")).containsExactly("circuit primary CLOSED -> OPEN",
				"circuit primary OPEN -> HALF_OPEN", "circuit primary HALF_OPEN -> CLOSED");
	}

	@Test
	void whenEveryCircuitIsOpenTheCallFailsFastWithTheTimeToTheNextTrial() {
		this.primary.enqueue(error(503).build());
		ResiliencePolicy policy = ResiliencePolicy.defaults()
			.withRetry(retries(0))
			.withCircuitBreaker(new CircuitBreakerSettings(true, 1, Duration.ofSeconds(30)));
		ModelDefinition model = model(policy, endpoint("primary", this.primary));
		assertThatExceptionOfType(HfServerException.class).isThrownBy(() -> call(this.client, model));
		this.clock.advance(Duration.ofSeconds(10));
		assertThatExceptionOfType(HfCircuitOpenException.class).isThrownBy(() -> call(this.client, model))
			.satisfies((ex) -> {
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(20));
				assertThat(ex.getModel()).isEqualTo(MODEL);
				assertThat(ex.getMessage()).contains("primary");
			});
		assertThat(this.primary.getRequestCount()).isEqualTo(1);
	}

	@Test
	void roundRobinSpreadsOneThousandCallsEvenly() {
		serveAlways(this.primary, this.secondary);
		ModelDefinition model = model(ResiliencePolicy.defaults().withLoadBalancing(LoadBalancing.ROUND_ROBIN),
				endpoint("primary", this.primary), endpoint("secondary", this.secondary));
		callConcurrently(model, 1000);
		assertThat(this.primary.getRequestCount()).isEqualTo(500);
		assertThat(this.secondary.getRequestCount()).isEqualTo(500);
	}

	@Test
	void weightedSpreadsOneThousandCallsByWeight() {
		serveAlways(this.primary, this.secondary);
		ModelDefinition model = ModelDefinition.builder(MODEL)
			.id("org/sentiment")
			.policy(ResiliencePolicy.defaults().withLoadBalancing(LoadBalancing.WEIGHTED))
			.target(endpoint("primary", this.primary), 3)
			.target(endpoint("secondary", this.secondary), 1)
			.build();
		callConcurrently(model, 1000);
		assertThat(this.primary.getRequestCount()).isEqualTo(750);
		assertThat(this.secondary.getRequestCount()).isEqualTo(250);
	}

	@Test
	void leastLatencyPrefersTheFasterTarget() {
		this.primary.setDispatcher(always(new MockResponse.Builder(ok()).headersDelay(300, TimeUnit.MILLISECONDS)
			.build()));
		serveAlways(this.secondary);
		HfInferenceClient realTime = HfInferenceClient.builder().noTokenLookup().scheduler(Schedulers.parallel())
			.build();
		ModelDefinition model = model(ResiliencePolicy.defaults().withLoadBalancing(LoadBalancing.LEAST_LATENCY),
				endpoint("primary", this.primary), endpoint("secondary", this.secondary));
		for (int i = 0; i < 20; i++) {
			call(realTime, model);
		}
		// Each target is sampled once, then the faster one serves every call.
		assertThat(this.primary.getRequestCount()).isEqualTo(1);
		assertThat(this.secondary.getRequestCount()).isEqualTo(19);
		var states = realTime.resilience().targetStates(MODEL);
		assertThat(states.get(0).averageLatency()).isGreaterThanOrEqualTo(Duration.ofMillis(300))
			.isGreaterThan(states.get(1).averageLatency());
	}

	private void callConcurrently(ModelDefinition model, int calls) {
		List<?> results = Flux.range(0, calls)
			.flatMap((i) -> this.client.execute(InferenceRequest.of(TextClassification.TASK, model, "text " + i)), 16)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(results).hasSize(calls);
	}

	private static void serveAlways(MockWebServer... servers) {
		for (MockWebServer server : servers) {
			server.setDispatcher(always(ok()));
		}
	}

	private static Dispatcher always(MockResponse response) {
		return new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return response;
			}

		};
	}

}
