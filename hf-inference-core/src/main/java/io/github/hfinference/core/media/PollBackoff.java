package io.github.hfinference.core.media;

import java.time.Duration;
import java.util.Objects;

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
	 * The wait before a poll.
	 * @param poll the poll's number, from 0
	 * @return the wait
	 */
	public Duration delay(int poll) {
		Duration delay = this.first;
		for (int i = 0; i < poll && delay.compareTo(this.max) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.max) > 0) ? this.max : delay;
	}

}
