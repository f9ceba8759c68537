package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import reactor.core.scheduler.Scheduler;

import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.fleet.FleetCoordination;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;

/**
 * The circuit breaker of one target of one model: {@code CLOSED} until
 * {@code failureThreshold} consecutive retryable failures, then {@code OPEN} for
 * {@code openDuration}, then {@code HALF_OPEN} with exactly one trial call whose success
 * closes the circuit and whose failure opens it again. Time comes from the scheduler's
 * clock, so tests can move it.
 * <p>
 * With a {@link FleetCoordination} other than {@link FleetCoordination#LOCAL}, a circuit
 * this breaker opens is reported to the fleet, and a closed circuit that another instance
 * holds open opens here too, for the time it has left there.
 */
final class CircuitBreaker {

	/** What {@link #tryAcquire()} granted. */
	enum Permit {

		/** The circuit is open: do not call the target. */
		REJECTED,

		/** An ordinary call through a closed circuit. */
		NORMAL,

		/** The one trial call of a half-open circuit. */
		TRIAL

	}

	/** Receives state transitions, outside the breaker's lock. */
	interface TransitionListener {

		void onTransition(CircuitState from, CircuitState to);

	}

	private final CircuitBreakerSettings settings;

	private final Scheduler clock;

	private final TransitionListener listener;

	private final FleetCoordination fleet;

	private final String model;

	private final String target;

	private CircuitState state = CircuitState.CLOSED;

	private int consecutiveFailures;

	private long openedAtMillis;

	private boolean trialInFlight;

	CircuitBreaker(CircuitBreakerSettings settings, Scheduler clock, TransitionListener listener) {
		this(settings, clock, listener, FleetCoordination.LOCAL, "", "");
	}

	CircuitBreaker(CircuitBreakerSettings settings, Scheduler clock, TransitionListener listener,
			FleetCoordination fleet, String model, String target) {
		this.settings = settings;
		this.clock = clock;
		this.listener = listener;
		this.fleet = fleet;
		this.model = model;
		this.target = target;
	}

	/** Asks to call the target now; a granted trial must be concluded or abandoned. */
	Permit tryAcquire() {
		if (!this.settings.enabled()) {
			return Permit.NORMAL;
		}
		boolean trial;
		synchronized (this) {
			switch (this.state) {
				case CLOSED:
					if (this.fleet == FleetCoordination.LOCAL || !openedElsewhere()) {
						return Permit.NORMAL;
					}
					trial = false;
					break;
				case OPEN:
					if (!coolDownElapsed()) {
						return Permit.REJECTED;
					}
					this.state = CircuitState.HALF_OPEN;
					this.trialInFlight = true;
					trial = true;
					break;
				default:
					if (this.trialInFlight) {
						return Permit.REJECTED;
					}
					this.trialInFlight = true;
					return Permit.TRIAL;
			}
		}
		if (!trial) {
			// opened because another instance holds the circuit open
			this.listener.onTransition(CircuitState.CLOSED, CircuitState.OPEN);
			return Permit.REJECTED;
		}
		this.listener.onTransition(CircuitState.OPEN, CircuitState.HALF_OPEN);
		return Permit.TRIAL;
	}

	/** Opens a closed circuit that another instance holds open, for the time it has left there. */
	private boolean openedElsewhere() {
		Duration left = this.fleet.openElsewhere(this.model, this.target);
		if (left.isZero() || left.isNegative()) {
			return false;
		}
		this.state = CircuitState.OPEN;
		this.openedAtMillis = now() + left.toMillis() - this.settings.openDuration().toMillis();
		this.trialInFlight = false;
		return true;
	}

	/**
	 * Another instance sends the trial call of this half-open circuit: the circuit opens
	 * again here for the given time, without telling the fleet.
	 * @param wait how long until this instance may claim a trial again
	 */
	void trialTakenElsewhere(Duration wait) {
		synchronized (this) {
			if (this.state != CircuitState.HALF_OPEN) {
				return;
			}
			this.state = CircuitState.OPEN;
			this.openedAtMillis = now() + wait.toMillis() - this.settings.openDuration().toMillis();
			this.trialInFlight = false;
		}
		this.listener.onTransition(CircuitState.HALF_OPEN, CircuitState.OPEN);
	}

	/** Whether {@link #tryAcquire()} would grant a call now, without claiming anything. */
	synchronized boolean isAvailable() {
		return !this.settings.enabled() || switch (this.state) {
			case CLOSED -> true;
			case OPEN -> coolDownElapsed();
			case HALF_OPEN -> !this.trialInFlight;
		};
	}

	/** The target answered (successfully, or with a failure that says nothing about its health). */
	void onSuccess(Permit permit) {
		if (!this.settings.enabled()) {
			return;
		}
		synchronized (this) {
			if (permit == Permit.NORMAL && this.state == CircuitState.CLOSED) {
				this.consecutiveFailures = 0;
				return;
			}
			if (permit != Permit.TRIAL || this.state != CircuitState.HALF_OPEN) {
				return;
			}
			this.state = CircuitState.CLOSED;
			this.consecutiveFailures = 0;
			this.trialInFlight = false;
		}
		this.listener.onTransition(CircuitState.HALF_OPEN, CircuitState.CLOSED);
		this.fleet.circuitClosed(this.model, this.target);
	}

	/** The target failed with a retryable failure. */
	void onFailure(Permit permit) {
		if (!this.settings.enabled()) {
			return;
		}
		CircuitState from;
		synchronized (this) {
			from = this.state;
			boolean counts = (permit == Permit.NORMAL && this.state == CircuitState.CLOSED)
					|| (permit == Permit.TRIAL && this.state == CircuitState.HALF_OPEN);
			if (!counts) {
				return;
			}
			this.consecutiveFailures++;
			if (this.state == CircuitState.CLOSED && this.consecutiveFailures < this.settings.failureThreshold()) {
				return;
			}
			this.state = CircuitState.OPEN;
			this.openedAtMillis = now();
			this.trialInFlight = false;
		}
		this.listener.onTransition(from, CircuitState.OPEN);
		this.fleet.circuitOpened(this.model, this.target, this.settings.openDuration());
	}

	/** The call ended without an outcome (cancelled, or failed before reaching the target). */
	void onAbandon(Permit permit) {
		if (permit != Permit.TRIAL) {
			return;
		}
		synchronized (this) {
			if (this.state == CircuitState.HALF_OPEN) {
				this.trialInFlight = false;
			}
		}
	}

	/** The current state. */
	synchronized CircuitState state() {
		return this.state;
	}

	/** Consecutive retryable failures counted so far. */
	synchronized int consecutiveFailures() {
		return this.consecutiveFailures;
	}

	/** How long until an open circuit lets a trial call through; zero when not open. */
	synchronized Duration untilTrial() {
		if (this.state != CircuitState.OPEN) {
			return Duration.ZERO;
		}
		long left = this.settings.openDuration().toMillis() - (now() - this.openedAtMillis);
		return Duration.ofMillis(Math.max(0, left));
	}

	private boolean coolDownElapsed() {
		return now() - this.openedAtMillis >= this.settings.openDuration().toMillis();
	}

	private long now() {
		return this.clock.now(TimeUnit.MILLISECONDS);
	}

}
