package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.InferenceTarget;

/**
 * One attempt of a call, as handed to the code that performs it.
 */
public final class Attempt {

	private final InferenceTarget target;

	private final int number;

	private final @Nullable Duration timeout;

	private volatile boolean withheld;

	/**
	 * @param target the target to call
	 * @param number the attempt's number within the call, from 1
	 * @param timeout the time allowed for this attempt (the per-attempt timeout, shortened to
	 * what remains of the call's deadline), or null for none
	 */
	public Attempt(InferenceTarget target, int number, @Nullable Duration timeout) {
		this.target = Objects.requireNonNull(target, "target");
		this.number = number;
		this.timeout = timeout;
	}

	/** The target to call. */
	public InferenceTarget target() {
		return this.target;
	}

	/** The attempt's number within the call, from 1. */
	public int number() {
		return this.number;
	}

	/** The time allowed for this attempt, or null for none. */
	public @Nullable Duration timeout() {
		return this.timeout;
	}

	/**
	 * Marks the attempt as failed before it was sent, by something on this side (the fleet's
	 * shared pause or quota): its failure says nothing about the target, so it does not
	 * count against the target's circuit.
	 */
	public void withheld() {
		this.withheld = true;
	}

	boolean wasWithheld() {
		return this.withheld;
	}

	@Override
	public String toString() {
		return "Attempt[target=" + this.target.name() + ", number=" + this.number + ", timeout=" + this.timeout + "]";
	}

}
