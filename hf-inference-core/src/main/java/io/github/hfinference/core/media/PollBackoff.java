package io.github.hfinference.core.media;

import java.time.Duration;
import java.util.Objects;

import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How long to wait before each status poll of a media job: {@code first}, doubling up to
 * {@code max}.
 *
 * @param first the wait before the first poll
 * @param max the longest wait between polls
 */
public record PollBackoff(Duration first, Duration max) {

	/** 500 ms, doubling up to 5 s. */
	public static final PollBackoff DEFAULT = new PollBackoff(Duration.ofMillis(500), Duration.ofSeconds(5));

	public PollBackoff {
		Objects.requireNonNull(first, "first");
		Objects.requireNonNull(max, "max");
		if (first.isNegative() || max.compareTo(first) < 0) {
			throw new IllegalArgumentException("PollBackoff needs 0 <= first <= max, got " + first + " and " + max);
		}
	}

	/**
	 * These waits as Spring's {@link ExponentialBackOff} (multiplier 2, no limit on the
	 * number of polls: the call's deadline ends a job that never finishes).
	 * @return a new back-off; each {@link BackOff#start()} begins at {@code first}
	 */
	public BackOff toBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(this.first.toMillis(), 2.0);
		backOff.setMaxInterval(this.max.toMillis());
		return backOff;
	}

}
