/**
 * The core client from a plain {@code main} method, without Spring Boot.
 */
@NullMarked
package io.github.hfinference.samples.cli;

import org.jspecify.annotations.NullMarked;
