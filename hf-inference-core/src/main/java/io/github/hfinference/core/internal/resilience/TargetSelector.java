package io.github.hfinference.core.internal.resilience;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.hfinference.core.ResiliencePolicy.LoadBalancing;

/**
 * Picks the target a call starts at, by the model's {@link LoadBalancing} strategy. The
 * other targets follow in priority order for failover.
 */
@FunctionalInterface
interface TargetSelector {

	/** The index of the target the next call starts at. */
	int start();

	/**
	 * A selector for a strategy.
	 * @param strategy the strategy
	 * @param weights the targets' weights, in priority order
	 * @param latency the model's latency tracker
	 * @return the selector
	 */
	static TargetSelector of(LoadBalancing strategy, List<Integer> weights, LatencyTracker latency) {
		return switch (strategy) {
			case FAILOVER -> () -> 0;
			case ROUND_ROBIN -> roundRobin(weights.size());
			case WEIGHTED -> new SmoothWeightedSelector(weights);
			case LEAST_LATENCY -> latency::fastest;
		};
	}

	private static TargetSelector roundRobin(int targets) {
		AtomicInteger counter = new AtomicInteger();
		return () -> Math.floorMod(counter.getAndIncrement(), targets);
	}

}
