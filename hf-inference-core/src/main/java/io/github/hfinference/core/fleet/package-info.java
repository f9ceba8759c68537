/**
 * What many instances of an application share when they call models with one account:
 * the {@link io.github.hfinference.core.fleet.FleetCoordination} SPI. Its in-JVM default,
 * {@link io.github.hfinference.core.fleet.FleetCoordination#LOCAL}, shares nothing; the
 * {@code hf-inference-redis} module implements it on Redis.
 */
@NullMarked
package io.github.hfinference.core.fleet;

import org.jspecify.annotations.NullMarked;
