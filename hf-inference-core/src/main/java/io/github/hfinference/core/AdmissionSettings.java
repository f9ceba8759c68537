package io.github.hfinference.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Client-side admission per model, to stay under a tier's limits instead of provoking
 * 429 storms: at most {@code maxConcurrentCalls} in flight and at most
 * {@code maxCallsPerSecond} started per second; excess calls wait in a queue of at most
 * {@code maxQueueSize} for at most {@code maxQueueWait}, or fail fast with a typed error.
 *
 * @param maxConcurrentCalls calls in flight at once; 0 for no limit
 * @param maxCallsPerSecond calls started per second; 0 for no limit
 * @param maxQueueSize calls allowed to wait for admission; 0 to fail fast
 * @param maxQueueWait how long a call may wait for admission
 */
public record AdmissionSettings(int maxConcurrentCalls, double maxCallsPerSecond, int maxQueueSize,
		Duration maxQueueWait) {

	public AdmissionSettings {
		Objects.requireNonNull(maxQueueWait, "maxQueueWait");
		if (maxConcurrentCalls < 0 || maxCallsPerSecond < 0 || maxQueueSize < 0) {
			throw new IllegalArgumentException("admission limits must not be negative");
		}
		if (maxQueueWait.isNegative()) {
			throw new IllegalArgumentException("maxQueueWait must not be negative, got " + maxQueueWait);
		}
	}

	/** No limits. */
	public static AdmissionSettings unlimited() {
		return new AdmissionSettings(0, 0, 0, Duration.ZERO);
	}

	/** Whether any limit is set. */
	public boolean isLimited() {
		return this.maxConcurrentCalls > 0 || this.maxCallsPerSecond > 0;
	}

}
