package io.github.hfinference.core.internal.resilience;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.error.HfCircuitOpenException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.fleet.FleetCoordination;
import io.github.hfinference.core.internal.http.ErrorMapper;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Circuits shared through the {@link FleetCoordination} SPI (an in-memory fleet here; the
 * Redis one is tested against a real server in hf-inference-redis), in virtual time.
 */
class FleetCircuitTests {

	private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

	private final InMemoryFleet fleet = new InMemoryFleet();

	private final ResilientExecutor executor = new ResilientExecutor(this.clock, List.of(), this.fleet);

	private final List<String> called = new CopyOnWriteArrayList<>();

	@Test
	void aCircuitThatOpensHereIsReportedToTheFleet() {
		StepVerifier.create(call(model(1, "primary"), (target) -> Mono.error(serverError())))
			.expectError(HfServerException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.fleet.opened).containsExactly("m/primary for PT30S");
	}

	@Test
	void aCircuitAnotherInstanceHoldsOpenOpensHereWithoutCallingTheTarget() {
		this.fleet.openElsewhere.put("m/primary", Duration.ofSeconds(10));
		StepVerifier.create(call(model(5, "primary"), (target) -> Mono.just("ok")))
			.expectError(HfCircuitOpenException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(this.called).isEmpty();
		assertThat(this.executor.circuitStates("m")).containsEntry("primary", CircuitState.OPEN);
		assertThat(this.fleet.opened).as("an opening heard from the fleet is not published again").isEmpty();
		// it stays open for the time it had left on the other instance, then tries again
		this.fleet.openElsewhere.clear();
		this.clock.advanceTimeBy(Duration.ofSeconds(10));
		StepVerifier.create(call(model(5, "primary"), (target) -> Mono.just("ok")))
			.expectNext("ok")
			.verifyComplete();
		assertThat(this.fleet.closed).containsExactly("m/primary");
	}

	@Test
	void whenAnotherInstanceSendsTheTrialCallThisOneFailsOverInstead() {
		ModelDefinition model = model(1, "primary", "backup");
		StepVerifier.create(call(model, (target) -> Mono.error(serverError())))
			.expectError(HfServerException.class)
			.verify(Duration.ofSeconds(5));
		this.clock.advanceTimeBy(Duration.ofSeconds(30));
		this.fleet.trialWon = false;
		this.called.clear();
		StepVerifier.create(call(model, (target) -> Mono.just("from " + target)))
			.expectNext("from backup")
			.verifyComplete();
		assertThat(this.called).containsExactly("backup");
		assertThat(this.fleet.claims).containsExactly("m/primary");
		assertThat(this.executor.circuitStates("m")).containsEntry("primary", CircuitState.OPEN);
	}

	@Test
	void aCircuitWithoutAFleetNeverAsksOne() {
		ResilientExecutor alone = new ResilientExecutor(this.clock, List.of());
		StepVerifier.create(alone.execute(model(1, "primary"), null, (attempt) -> Mono.error(serverError())))
			.expectError(HfServerException.class)
			.verify(Duration.ofSeconds(5));
		assertThat(alone.circuitStates("m")).containsEntry("primary", CircuitState.OPEN);
		assertThat(this.fleet.opened).isEmpty();
	}

	private Flux<String> call(ModelDefinition model, java.util.function.Function<String, Mono<String>> answer) {
		return this.executor.execute(model, null, (attempt) -> {
			this.called.add(attempt.target().name());
			return answer.apply(attempt.target().name());
		});
	}

	private static ModelDefinition model(int failureThreshold, String... targets) {
		ModelDefinition.Builder model = ModelDefinition.builder("m");
		for (String target : targets) {
			model.target(new InferenceTarget.Endpoint(target, URI.create("http://" + target + ".example/"), null,
					false));
		}
		return model.policy(ResiliencePolicy.defaults()
			.withRetry(RetrySettings.disabled())
			.withCircuitBreaker(new CircuitBreakerSettings(true, failureThreshold, Duration.ofSeconds(30))))
			.build();
	}

	private static HfServerException serverError() {
		return (HfServerException) ErrorMapper.fromResponse(500, new HttpHeaders(), new byte[0], "m", "primary");
	}

	/** What a fleet of instances would tell this one, kept in memory. */
	static final class InMemoryFleet implements FleetCoordination {

		final Map<String, Duration> openElsewhere = new ConcurrentHashMap<>();

		final List<String> opened = new CopyOnWriteArrayList<>();

		final List<String> closed = new CopyOnWriteArrayList<>();

		final List<String> claims = new CopyOnWriteArrayList<>();

		volatile boolean trialWon = true;

		@Override
		public void circuitOpened(String model, String target, Duration openFor) {
			this.opened.add(model + "/" + target + " for " + openFor);
		}

		@Override
		public void circuitClosed(String model, String target) {
			this.closed.add(model + "/" + target);
		}

		@Override
		public Duration openElsewhere(String model, String target) {
			return this.openElsewhere.getOrDefault(model + "/" + target, Duration.ZERO);
		}

		@Override
		public Mono<Boolean> claimTrial(String model, String target, Duration hold) {
			this.claims.add(model + "/" + target);
			return Mono.just(this.trialWon);
		}

	}

}
