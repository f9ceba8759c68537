/**
 * The {@code hfinference} actuator endpoint and the per-model activity it reports.
 */
@NullMarked
package io.github.hfinference.boot.actuate;

import org.jspecify.annotations.NullMarked;
