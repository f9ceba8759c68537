package io.github.hfinference.core;

/**
 * What to do when a response was served by another model revision than the pinned one.
 */
public enum RevisionMismatchAction {

	/** Log a warning once per served revision and flag drift (health, metrics, actuator). */
	WARN,

	/** Fail the call with {@link io.github.hfinference.core.error.HfRevisionMismatchException}. */
	FAIL

}
