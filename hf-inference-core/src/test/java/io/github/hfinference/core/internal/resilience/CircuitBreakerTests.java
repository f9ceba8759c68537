package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.internal.resilience.CircuitBreaker.Permit;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;

import static org.assertj.core.api.Assertions.assertThat;

class CircuitBreakerTests {

	private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

	private final List<String> transitions = new ArrayList<>();

	private final CircuitBreaker breaker = new CircuitBreaker(
			new CircuitBreakerSettings(true, 3, Duration.ofSeconds(30)), this.clock,
			(from, to) -> this.transitions.add(from + " -> " + to));

	@Test
	void opensAfterTheThresholdOfConsecutiveFailures() {
		fail(2);
		assertThat(this.breaker.state()).isEqualTo(CircuitState.CLOSED);
		assertThat(this.breaker.consecutiveFailures()).isEqualTo(2);
		fail(1);
		assertThat(this.breaker.state()).isEqualTo(CircuitState.OPEN);
		assertThat(this.breaker.tryAcquire()).isEqualTo(Permit.REJECTED);
		assertThat(this.breaker.isAvailable()).isFalse();
		assertThat(this.breaker.untilTrial()).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.transitions).containsExactly("CLOSED -> OPEN");
	}

	@Test
	void aSuccessResetsTheCount() {
		fail(2);
		this.breaker.onSuccess(this.breaker.tryAcquire());
		fail(2);
		assertThat(this.breaker.state()).isEqualTo(CircuitState.CLOSED);
		assertThat(this.breaker.consecutiveFailures()).isEqualTo(2);
	}

	@Test
	void halfOpensAfterTheCoolDownForExactlyOneTrialWhoseSuccessCloses() {
		fail(3);
		this.clock.advanceTimeBy(Duration.ofSeconds(29));
		assertThat(this.breaker.tryAcquire()).isEqualTo(Permit.REJECTED);
		assertThat(this.breaker.untilTrial()).isEqualTo(Duration.ofSeconds(1));
		this.clock.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(this.breaker.isAvailable()).isTrue();
		Permit trial = this.breaker.tryAcquire();
		assertThat(trial).isEqualTo(Permit.TRIAL);
		assertThat(this.breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
		assertThat(this.breaker.tryAcquire()).isEqualTo(Permit.REJECTED);
		assertThat(this.breaker.isAvailable()).isFalse();
		this.breaker.onSuccess(trial);
		assertThat(this.breaker.state()).isEqualTo(CircuitState.CLOSED);
		assertThat(this.breaker.consecutiveFailures()).isZero();
		assertThat(this.breaker.tryAcquire()).isEqualTo(Permit.NORMAL);
		assertThat(this.transitions).containsExactly("CLOSED -> OPEN", "OPEN -> HALF_OPEN", "HALF_OPEN -> CLOSED");
	}

	@Test
	void aFailedTrialOpensTheCircuitForAnotherCoolDown() {
		fail(3);
		this.clock.advanceTimeBy(Duration.ofSeconds(30));
		this.breaker.onFailure(this.breaker.tryAcquire());
		assertThat(this.breaker.state()).isEqualTo(CircuitState.OPEN);
		assertThat(this.breaker.untilTrial()).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.transitions).containsExactly("CLOSED -> OPEN", "OPEN -> HALF_OPEN", "HALF_OPEN -> OPEN");
	}

	@Test
	void anAbandonedTrialLetsTheNextCallBeTheTrial() {
		fail(3);
		this.clock.advanceTimeBy(Duration.ofSeconds(30));
		Permit trial = this.breaker.tryAcquire();
		this.breaker.onAbandon(trial);
		assertThat(this.breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
		assertThat(this.breaker.tryAcquire()).isEqualTo(Permit.TRIAL);
	}

	@Test
	void outcomesOfCallsStartedBeforeTheCircuitOpenedDoNotChangeIt() {
		Permit early = this.breaker.tryAcquire();
		fail(3);
		this.breaker.onSuccess(early);
		assertThat(this.breaker.state()).isEqualTo(CircuitState.OPEN);
		this.clock.advanceTimeBy(Duration.ofSeconds(30));
		Permit trial = this.breaker.tryAcquire();
		this.breaker.onFailure(early);
		assertThat(this.breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
		this.breaker.onSuccess(trial);
		assertThat(this.breaker.state()).isEqualTo(CircuitState.CLOSED);
	}

	@Test
	void aDisabledBreakerAlwaysLetsCallsThrough() {
		CircuitBreaker disabled = new CircuitBreaker(new CircuitBreakerSettings(false, 1, Duration.ofSeconds(30)),
				this.clock, (from, to) -> this.transitions.add(from + " -> " + to));
		for (int i = 0; i < 5; i++) {
			disabled.onFailure(disabled.tryAcquire());
		}
		assertThat(disabled.tryAcquire()).isEqualTo(Permit.NORMAL);
		assertThat(disabled.state()).isEqualTo(CircuitState.CLOSED);
		assertThat(this.transitions).isEmpty();
	}

	private void fail(int times) {
		for (int i = 0; i < times; i++) {
			this.breaker.onFailure(this.breaker.tryAcquire());
		}
	}

}
