package io.github.hfinference.core;

/**
 * How a call picks among a model's targets. Whatever the strategy, a retryable failure
 * moves the call on to the next target and targets whose circuit is open are skipped
 * while others are available.
 */
public enum LoadBalancing {

	/** Targets in priority order: the first healthy one serves. */
	FAILOVER,

	/** Each call starts at the next target in turn. */
	ROUND_ROBIN,

	/** Each call starts at a target drawn in proportion to its weight. */
	WEIGHTED,

	/** Each call starts at the target with the lowest moving-average latency. */
	LEAST_LATENCY

}
