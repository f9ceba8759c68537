package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.InferenceTarget;

/**
 * One attempt of a call, as handed to the code that performs it.
 *
 * @param target the target to call
 * @param number the attempt's number within the call, from 1
 * @param timeout the time allowed for this attempt (the per-attempt timeout, shortened to
 * what remains of the call's deadline), or null for none
 */
public record Attempt(InferenceTarget target, int number, @Nullable Duration timeout) {

	public Attempt {
		Objects.requireNonNull(target, "target");
	}

}
