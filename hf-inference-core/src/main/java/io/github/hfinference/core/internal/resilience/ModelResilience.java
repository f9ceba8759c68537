package io.github.hfinference.core.internal.resilience;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryPolicy;
import reactor.core.scheduler.Scheduler;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.fleet.FleetCoordination;
import io.github.hfinference.core.observation.ResilienceStatus.TargetState;

/**
 * The resilience state shared by all calls to one model: its retry policy, a circuit
 * breaker and latency average per target, the target selector and the admission
 * controller.
 */
final class ModelResilience {

	/** The definition that matched last, to skip comparing the same definition again. */
	private volatile @Nullable ModelDefinition lastMatched;

	private final String alias;

	private final List<InferenceTarget> targets;

	private final List<Integer> weights;

	private final ResiliencePolicy policy;

	private final RetryPolicy retryPolicy;

	private final List<CircuitBreaker> breakers;

	private final LatencyTracker latency;

	private final TargetSelector selector;

	private final @Nullable AdmissionController admission;

	private final FleetCoordination fleet;

	ModelResilience(ModelDefinition model, Scheduler scheduler, ResilienceEvents events, FleetCoordination fleet) {
		this.fleet = fleet;
		this.alias = model.alias();
		this.targets = model.targets();
		this.weights = IntStream.range(0, this.targets.size()).mapToObj(model::weight).toList();
		this.policy = model.policy();
		this.retryPolicy = RetryPolicies.toRetryPolicy(this.policy.retry());
		this.breakers = this.targets.stream()
			.map((target) -> new CircuitBreaker(this.policy.circuitBreaker(), scheduler,
					(from, to) -> events.circuitStateChange(this.alias, target.name(), from, to), fleet, this.alias,
					target.name()))
			.toList();
		this.latency = new LatencyTracker(this.targets.size());
		this.selector = TargetSelector.of(this.policy.loadBalancing(), this.weights, this.latency);
		this.admission = this.policy.admission().isLimited()
				? new AdmissionController(this.alias, this.policy.admission(), scheduler, events) : null;
	}

	/** Whether this state was built for the same targets, weights and policy as a definition. */
	boolean matches(ModelDefinition model) {
		if (model == this.lastMatched) {
			// definitions are immutable: the one matched last time still matches
			return true;
		}
		if (!this.targets.equals(model.targets()) || !this.policy.equals(model.policy())) {
			return false;
		}
		boolean matches = IntStream.range(0, this.targets.size())
			.allMatch((i) -> model.weight(i) == this.weights.get(i));
		if (matches) {
			this.lastMatched = model;
		}
		return matches;
	}

	/** The order a new call tries the targets in: the selected start, then the others by priority. */
	List<Integer> order() {
		int start = this.selector.start();
		List<Integer> order = new ArrayList<>(this.targets.size());
		order.add(start);
		for (int i = 0; i < this.targets.size(); i++) {
			if (i != start) {
				order.add(i);
			}
		}
		return order;
	}

	String alias() {
		return this.alias;
	}

	InferenceTarget target(int index) {
		return this.targets.get(index);
	}

	ResiliencePolicy policy() {
		return this.policy;
	}

	RetryPolicy retryPolicy() {
		return this.retryPolicy;
	}

	CircuitBreaker breaker(int index) {
		return this.breakers.get(index);
	}

	FleetCoordination fleet() {
		return this.fleet;
	}

	LatencyTracker latency() {
		return this.latency;
	}

	@Nullable AdmissionController admission() {
		return this.admission;
	}

	List<TargetState> targetStates() {
		return IntStream.range(0, this.targets.size())
			.mapToObj((i) -> new TargetState(this.targets.get(i).name(), this.breakers.get(i).state(),
					this.breakers.get(i).consecutiveFailures(), this.breakers.get(i).untilTrial(),
					this.latency.average(i)))
			.toList();
	}

}
