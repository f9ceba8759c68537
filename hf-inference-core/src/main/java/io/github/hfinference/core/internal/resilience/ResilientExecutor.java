package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.fleet.FleetCoordination;
import io.github.hfinference.core.observation.ResilienceListener;
import io.github.hfinference.core.observation.ResilienceStatus;
import io.github.hfinference.core.observation.ResilienceStatus.AdmissionState;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;
import io.github.hfinference.core.observation.ResilienceStatus.TargetState;

/**
 * Runs calls under their model's {@link ResiliencePolicy}: admission, then target
 * selection (skipping open circuits while other targets remain), then attempts with
 * retry and failover bounded by the retry policy and the call's deadline.
 * <p>
 * The attempt itself is supplied by the caller as a function of an {@link Attempt}
 * (target, attempt number, time allowed): a {@code Mono} for a plain call, or a
 * {@code Flux} for a stream, which is retried only until its first element was
 * delivered. For a stream the deadline and the attempt's timeout bound the wait for that
 * first element; what follows is the stream's own business.
 * <p>
 * The deadline ({@link RetrySettings#deadline()}) starts once the call is admitted: time
 * spent waiting for admission is bounded by {@link AdmissionSettings#maxQueueWait()}.
 * A call makes at most {@code 1 + maxRetries} attempts in all, failover included:
 * after a retryable failure it moves at once to a target it has not tried yet, and
 * waits (server advice or back-off) only before trying a target again.
 * <p>
 * State (circuit breakers, latency averages, round-robin positions, admission queues)
 * is kept per model alias and rebuilt when a model's targets or policy change. The
 * scheduler runs retry waits and admission timers and is the clock of deadlines,
 * circuit breakers, rate limits and latency averages.
 */
public final class ResilientExecutor implements ResilienceStatus {

	private final Scheduler scheduler;

	private final ResilienceEvents events;

	private final FleetCoordination fleet;

	private final ConcurrentMap<String, ModelResilience> models = new ConcurrentHashMap<>();

	/**
	 * Creates an executor.
	 * @param scheduler the scheduler for waits and the clock
	 * @param listeners the listeners to tell about retries, failovers, circuit transitions,
	 * rate limits and rejections
	 */
	public ResilientExecutor(Scheduler scheduler, List<ResilienceListener> listeners) {
		this(scheduler, listeners, FleetCoordination.LOCAL);
	}

	/**
	 * Creates an executor whose circuits the instances of a fleet share.
	 * @param scheduler the scheduler for waits and the clock
	 * @param listeners the listeners to tell about retries, failovers, circuit transitions,
	 * rate limits and rejections
	 * @param fleet told when a circuit opens or closes here, asked whether another
	 * instance holds one open and which instance sends a half-open circuit's trial call
	 */
	public ResilientExecutor(Scheduler scheduler, List<ResilienceListener> listeners, FleetCoordination fleet) {
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
		this.events = new ResilienceEvents(Objects.requireNonNull(listeners, "listeners"));
		this.fleet = Objects.requireNonNull(fleet, "fleet");
	}

	/**
	 * Runs a call on a model.
	 * @param <T> the element type
	 * @param model the model, its targets and policy
	 * @param attemptTimeout the time allowed for each attempt, or null for none
	 * @param attempt performs one attempt on the given target within the given timeout
	 * @return the elements of the attempt that succeeded, or the failure that ended the
	 * call: the last attempt's failure, an {@link io.github.hfinference.core.error.HfTimeoutException}
	 * when the deadline was reached, an
	 * {@link io.github.hfinference.core.error.HfCircuitOpenException} when every target's
	 * circuit is open, or an
	 * {@link io.github.hfinference.core.error.HfAdmissionRejectedException}
	 */
	public <T> Flux<T> execute(ModelDefinition model, @Nullable Duration attemptTimeout,
			Function<Attempt, ? extends Publisher<T>> attempt) {
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(attempt, "attempt");
		return Flux.defer(() -> {
			ModelResilience state = state(model);
			AdmissionController admission = state.admission();
			if (admission == null) {
				return new ResilientCall<>(state, attemptTimeout, attempt, this.scheduler, this.events).run();
			}
			return Flux.usingWhen(admission.acquire(),
					(permit) -> new ResilientCall<>(state, attemptTimeout, attempt, this.scheduler, this.events).run(),
					(permit) -> release(permit),
					(permit, failure) -> release(permit), (permit) -> release(permit));
		});
	}

	@Override
	public List<TargetState> targetStates(String alias) {
		ModelResilience state = this.models.get(alias);
		return (state != null) ? state.targetStates() : List.of();
	}

	@Override
	public Map<String, CircuitState> circuitStates(String alias) {
		Map<String, CircuitState> states = new LinkedHashMap<>();
		targetStates(alias).forEach((target) -> states.put(target.target(), target.circuit()));
		return states;
	}

	@Override
	public @Nullable AdmissionState admissionState(String alias) {
		ModelResilience state = this.models.get(alias);
		AdmissionController admission = (state != null) ? state.admission() : null;
		return (admission != null)
				? new AdmissionState(admission.inFlight(), admission.waiting(), admission.settings()) : null;
	}

	private ModelResilience state(ModelDefinition model) {
		ModelResilience state = this.models.get(model.alias());
		if (state != null && state.matches(model)) {
			return state;
		}
		return this.models.compute(model.alias(), (alias, existing) -> (existing != null && existing.matches(model))
				? existing : new ModelResilience(model, this.scheduler, this.events, this.fleet));
	}

	private static Mono<Void> release(AdmissionController.Permit permit) {
		return Mono.fromRunnable(permit::release);
	}

}
