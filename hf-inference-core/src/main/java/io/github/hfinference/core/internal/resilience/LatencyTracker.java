package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * An exponentially weighted moving average of the latency of each target of a model,
 * for {@link LoadBalancing#LEAST_LATENCY}. Samples are the time to a successful first
 * result, or the time an attempt took to time out.
 */
final class LatencyTracker {

	/** Weight of the newest sample in the moving average. */
	static final double SMOOTHING = 0.3;

	private final double[] averageNanos;

	LatencyTracker(int targets) {
		this.averageNanos = new double[targets];
		Arrays.fill(this.averageNanos, Double.NaN);
	}

	/**
	 * Adds a sample.
	 * @param target the target's index
	 * @param latency the observed latency
	 */
	synchronized void record(int target, Duration latency) {
		double sample = latency.toNanos();
		double average = this.averageNanos[target];
		this.averageNanos[target] = Double.isNaN(average) ? sample : SMOOTHING * sample + (1 - SMOOTHING) * average;
	}

	/**
	 * The moving average of a target.
	 * @param target the target's index
	 * @return the average, or null before the first sample
	 */
	synchronized @Nullable Duration average(int target) {
		double average = this.averageNanos[target];
		return Double.isNaN(average) ? null : Duration.ofNanos(Math.round(average));
	}

	/** The first target without a sample (in priority order), else the one with the lowest average. */
	synchronized int fastest() {
		int fastest = 0;
		for (int i = 0; i < this.averageNanos.length; i++) {
			if (Double.isNaN(this.averageNanos[i])) {
				return i;
			}
			if (this.averageNanos[i] < this.averageNanos[fastest]) {
				fastest = i;
			}
		}
		return fastest;
	}

}
