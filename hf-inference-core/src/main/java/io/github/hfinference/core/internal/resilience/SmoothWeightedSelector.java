package io.github.hfinference.core.internal.resilience;

import java.util.List;

/**
 * Smooth weighted round-robin (as in nginx): deterministic, and spreads each target's
 * share evenly over time, so weights 3 and 1 give exactly 3 starts in every 4 calls to
 * the first target, interleaved rather than in bursts.
 */
final class SmoothWeightedSelector implements TargetSelector {

	private final int[] weights;

	private final int totalWeight;

	private final int[] current;

	SmoothWeightedSelector(List<Integer> weights) {
		this.weights = weights.stream().mapToInt(Integer::intValue).toArray();
		this.totalWeight = weights.stream().mapToInt(Integer::intValue).sum();
		this.current = new int[this.weights.length];
	}

	@Override
	public synchronized int start() {
		int best = 0;
		for (int i = 0; i < this.weights.length; i++) {
			this.current[i] += this.weights[i];
			if (this.current[i] > this.current[best]) {
				best = i;
			}
		}
		this.current[best] -= this.totalWeight;
		return best;
	}

}
