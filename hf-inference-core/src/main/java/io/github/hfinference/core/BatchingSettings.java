package io.github.hfinference.core;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how concurrent single calls to a model are coalesced into one request (see
 * {@link MicroBatcher}). Off by default.
 *
 * @param maxSize the most calls sent in one request; 0 or 1 turns batching off
 * @param maxWait the longest a call waits for others to join its batch; must be positive
 * when batching is on
 */
public record BatchingSettings(int maxSize, Duration maxWait) {

	private static final BatchingSettings DISABLED = new BatchingSettings(0, Duration.ZERO);

	public BatchingSettings {
		Objects.requireNonNull(maxWait, "maxWait");
		if (maxSize < 0) {
			throw new IllegalArgumentException("batching maxSize must not be negative, got " + maxSize);
		}
		if (maxWait.isNegative()) {
			throw new IllegalArgumentException("batching maxWait must not be negative, got " + maxWait);
		}
		if (maxSize > 1 && maxWait.isZero()) {
			throw new IllegalArgumentException("batching maxWait must be positive when maxSize is " + maxSize);
		}
	}

	/** No batching: every call is its own request. */
	public static BatchingSettings disabled() {
		return DISABLED;
	}

	/**
	 * Batching of up to {@code maxSize} calls, each waiting at most {@code maxWait}.
	 * @param maxSize the most calls in one request (at least 2 to batch)
	 * @param maxWait the longest a call waits for others
	 * @return the settings
	 */
	public static BatchingSettings of(int maxSize, Duration maxWait) {
		return new BatchingSettings(maxSize, maxWait);
	}

	/** Whether calls are batched at all. */
	public boolean enabled() {
		return this.maxSize > 1;
	}

}
