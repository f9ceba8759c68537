package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.util.backoff.BackOffExecution;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import io.github.hfinference.core.error.HfCircuitOpenException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.error.HfUnsupportedProviderException;
import io.github.hfinference.core.fleet.FleetCoordination;
import io.github.hfinference.core.internal.http.ConnectionPoolExhaustedException;

/**
 * One call's way through a model's targets: picks the target of each attempt (skipping
 * open circuits), records each outcome in the target's circuit breaker and latency
 * average, and on a retryable failure either fails over to a target this call has not
 * tried yet, at once, or waits ({@link RetryWait}) and tries a target again. The
 * Framework {@link org.springframework.core.retry.RetryPolicy} decides what is retryable
 * and, through its back-off, how many retries there are; each failed attempt resumes
 * ({@code onErrorResume}) with the wait and the next attempt, so a call that succeeds at
 * once carries no retry machinery. The call's deadline bounds every attempt and wait.
 * <p>
 * Nothing is retried once the first element was delivered downstream.
 * <p>
 * An instance serves one subscription: Reactor serialises the attempts, so its state
 * needs no lock.
 *
 * @param <T> the element type
 */
final class ResilientCall<T> {

	private final ModelResilience model;

	private final @Nullable Duration attemptTimeout;

	private final Function<Attempt, ? extends Publisher<T>> attempts;

	private final Scheduler scheduler;

	private final ResilienceEvents events;

	private final @Nullable Duration deadline;

	private final long startMillis;

	private final BackOffExecution backOff;

	private final List<Integer> order;

	private final Map<Integer, Throwable> failures = new HashMap<>();

	private int attemptCount;

	private int current = -1;

	private boolean deadlineBound;

	private @Nullable Throwable lastFailure;

	private @Nullable Throwable terminal;

	private volatile boolean delivered;

	ResilientCall(ModelResilience model, @Nullable Duration attemptTimeout,
			Function<Attempt, ? extends Publisher<T>> attempts, Scheduler scheduler, ResilienceEvents events) {
		this.model = model;
		this.attemptTimeout = attemptTimeout;
		this.attempts = attempts;
		this.scheduler = scheduler;
		this.events = events;
		Duration timeout = model.retryPolicy().getTimeout();
		this.deadline = (timeout.isZero() || timeout.isNegative()) ? null : timeout;
		this.startMillis = now();
		this.backOff = model.retryPolicy().getBackOff().start();
		this.order = model.order();
	}

	/**
	 * Runs the call: attempts, retries and failover. The first attempt carries no retry
	 * machinery; each failure decides ({@link #afterFailure}) whether another attempt
	 * follows, at once or after a wait.
	 */
	Flux<T> run() {
		return Flux.defer(this::attempt)
			.onErrorResume((failure) -> Mono.from(afterFailure(failure)).flatMapMany((next) -> run()));
	}

	private Flux<T> attempt() {
		Duration remaining = remaining();
		if (remaining != null && (remaining.isZero() || remaining.isNegative())) {
			return terminate(deadlineReached(this.lastFailure));
		}
		CircuitBreaker.Permit permit = CircuitBreaker.Permit.REJECTED;
		int chosen = -1;
		for (int index : this.order) {
			permit = this.model.breaker(index).tryAcquire();
			if (permit != CircuitBreaker.Permit.REJECTED) {
				chosen = index;
				break;
			}
		}
		if (chosen < 0) {
			return terminate(allCircuitsOpen());
		}
		FleetCoordination fleet = this.model.fleet();
		if (permit == CircuitBreaker.Permit.TRIAL && fleet != FleetCoordination.LOCAL) {
			return claimTrial(fleet, chosen, remaining);
		}
		return send(chosen, permit, remaining);
	}

	/**
	 * Sends the trial call of a half-open circuit if this instance wins the fleet's claim;
	 * otherwise the circuit opens again here and the call picks another target.
	 */
	private Flux<T> claimTrial(FleetCoordination fleet, int chosen, @Nullable Duration remaining) {
		CircuitBreaker breaker = this.model.breaker(chosen);
		Duration hold = this.model.policy().circuitBreaker().openDuration();
		AtomicBoolean decided = new AtomicBoolean();
		return Mono.from(fleet.claimTrial(this.model.alias(), this.model.target(chosen).name(), hold))
			.onErrorReturn(true)
			.defaultIfEmpty(true)
			.doOnCancel(() -> {
				if (decided.compareAndSet(false, true)) {
					breaker.onAbandon(CircuitBreaker.Permit.TRIAL);
				}
			})
			.flatMapMany((won) -> {
				decided.set(true);
				if (won) {
					return send(chosen, CircuitBreaker.Permit.TRIAL, remaining);
				}
				breaker.trialTakenElsewhere(hold);
				return attempt();
			});
	}

	private Flux<T> send(int chosen, CircuitBreaker.Permit permit, @Nullable Duration remaining) {
		this.attemptCount++;
		this.current = chosen;
		Duration timeout = this.attemptTimeout;
		this.deadlineBound = remaining != null && (timeout == null || remaining.compareTo(timeout) < 0);
		if (this.deadlineBound) {
			timeout = remaining;
		}
		Attempt attempt = new Attempt(this.model.target(chosen), this.attemptCount, timeout);
		Outcome outcome = new Outcome(chosen, attempt, permit, now());
		Publisher<T> attempted;
		try {
			attempted = this.attempts.apply(attempt);
		}
		catch (RuntimeException ex) {
			attempted = Flux.error(ex);
		}
		return Flux.from(attempted).doOnEach((signal) -> {
			if (signal.isOnNext() && !this.delivered) {
				this.delivered = true;
				outcome.succeeded();
			}
			else if (signal.isOnComplete()) {
				outcome.succeeded();
			}
			else if (signal.isOnError()) {
				outcome.failed(signal.getThrowable());
			}
		}).doOnCancel(outcome::abandoned);
	}

	private Publisher<?> afterFailure(Throwable failure) {
		if (failure == this.terminal || this.delivered) {
			return Mono.error(failure);
		}
		this.lastFailure = failure;
		String failedTarget = this.model.target(this.current).name();
		if (failure instanceof HfRateLimitException rateLimit) {
			this.events.rateLimited(this.model.alias(), failedTarget, rateLimit.getRetryAfter(), failure);
		}
		if (this.deadlineBound && failure instanceof HfTimeoutException) {
			return Mono.error(deadlineReached(failure));
		}
		if (failure instanceof HfUnsupportedProviderException refused && refused.task() != null) {
			return skip(failedTarget, failure);
		}
		if (!this.model.retryPolicy().shouldRetry(failure)) {
			return Mono.error(failure);
		}
		long backOffMillis = this.backOff.nextBackOff();
		if (backOffMillis == BackOffExecution.STOP) {
			return Mono.error(failure);
		}
		this.failures.put(this.current, failure);
		this.order.remove(Integer.valueOf(this.current));
		this.order.add(this.current);
		Integer next = this.order.stream().filter((index) -> this.model.breaker(index).isAvailable()).findFirst()
			.orElse(null);
		if (next == null) {
			return Mono.error(failure);
		}
		String nextTarget = this.model.target(next).name();
		Throwable nextTargetFailure = this.failures.get(next);
		if (nextTargetFailure == null) {
			this.events.failover(this.model.alias(), failedTarget, nextTarget, failure);
			return Mono.just(next);
		}
		Duration wait = RetryWait.of(nextTargetFailure, Duration.ofMillis(backOffMillis),
				this.model.policy().retry().maxServerWait());
		Duration remaining = remaining();
		if (remaining != null && wait.compareTo(remaining) >= 0) {
			return Mono.error(failure);
		}
		this.events.retry(this.model.alias(), nextTarget, this.attemptCount + 1, failure, wait);
		return wait.isZero() ? Mono.just(next) : Mono.delay(wait, this.scheduler);
	}

	/**
	 * A target refused the call before sending it (it does not serve the task, or lacks a
	 * capability the call needs): it is left out for the rest of the call and the next
	 * target is tried at once; without one, the refusal is the call's failure.
	 */
	private Publisher<?> skip(String failedTarget, Throwable refusal) {
		this.order.remove(Integer.valueOf(this.current));
		Integer next = this.order.stream().filter((index) -> this.model.breaker(index).isAvailable()).findFirst()
			.orElse(null);
		if (next == null) {
			return Mono.error(refusal);
		}
		this.events.failover(this.model.alias(), failedTarget, this.model.target(next).name(), refusal);
		return Mono.just(next);
	}

	private Flux<T> terminate(Throwable failure) {
		this.terminal = failure;
		return Flux.error(failure);
	}

	private HfTimeoutException deadlineReached(@Nullable Throwable cause) {
		return new HfTimeoutException("Call to model '" + this.model.alias() + "' reached its deadline of "
				+ this.deadline.toMillis() + " ms after " + this.attemptCount + " attempt"
				+ ((this.attemptCount == 1) ? "" : "s"), cause);
	}

	private HfCircuitOpenException allCircuitsOpen() {
		Duration untilTrial = null;
		StringBuilder open = new StringBuilder();
		for (int index : this.order) {
			Duration until = this.model.breaker(index).untilTrial();
			untilTrial = (untilTrial == null || until.compareTo(untilTrial) < 0) ? until : untilTrial;
			open.append((open.length() > 0) ? ", " : "").append(this.model.target(index).name());
		}
		return new HfCircuitOpenException(this.model.alias(), (untilTrial != null) ? untilTrial : Duration.ZERO,
				"Call to model '" + this.model.alias() + "' not attempted: the circuit of every target is open ("
						+ open + "); next trial call in " + ((untilTrial != null) ? untilTrial.toMillis() : 0)
						+ " ms",
				this.lastFailure);
	}

	private @Nullable Duration remaining() {
		return (this.deadline != null) ? this.deadline.minusMillis(now() - this.startMillis) : null;
	}

	private long now() {
		return this.scheduler.now(TimeUnit.MILLISECONDS);
	}

	/** The outcome of one attempt, recorded once in its target's circuit breaker and latency average. */
	private final class Outcome {

		private final int target;

		private final Attempt attempt;

		private final CircuitBreaker.Permit permit;

		private final long startMillis;

		private final AtomicBoolean concluded = new AtomicBoolean();

		Outcome(int target, Attempt attempt, CircuitBreaker.Permit permit, long startMillis) {
			this.target = target;
			this.attempt = attempt;
			this.permit = permit;
			this.startMillis = startMillis;
		}

		void succeeded() {
			if (this.concluded.compareAndSet(false, true)) {
				breaker().onSuccess(this.permit);
				latency().record(this.target, elapsed());
			}
		}

		void failed(Throwable failure) {
			boolean first = this.concluded.compareAndSet(false, true);
			if (this.attempt.wasWithheld()) {
				if (first) {
					breaker().onAbandon(this.permit);
				}
			}
			else if (failure instanceof ConnectionPoolExhaustedException) {
				// Refused by this client's own pool: the target was never reached.
				if (first) {
					breaker().onAbandon(this.permit);
				}
			}
			else if (RetryClassifier.isRetryable(failure)) {
				breaker().onFailure(this.permit);
				if (first && failure instanceof HfTimeoutException) {
					latency().record(this.target, elapsed());
				}
			}
			else if (!first) {
				return;
			}
			else if (failure instanceof HfHttpException) {
				// The target answered: the call was wrong, not the target.
				breaker().onSuccess(this.permit);
			}
			else {
				breaker().onAbandon(this.permit);
			}
		}

		void abandoned() {
			if (this.concluded.compareAndSet(false, true)) {
				breaker().onAbandon(this.permit);
			}
		}

		private CircuitBreaker breaker() {
			return ResilientCall.this.model.breaker(this.target);
		}

		private LatencyTracker latency() {
			return ResilientCall.this.model.latency();
		}

		private Duration elapsed() {
			return Duration.ofMillis(now() - this.startMillis);
		}

	}

}
