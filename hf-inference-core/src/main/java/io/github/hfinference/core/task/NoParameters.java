package io.github.hfinference.core.task;

/**
 * Parameters type of tasks that take none.
 */
public record NoParameters() {

}
