/**
 * Many instances, one account: a {@link io.github.hfinference.core.fleet.FleetCoordination}
 * on Redis that shares the account's quota (Bucket4j), the pauses servers ask for and the
 * circuits of targets between the instances of an application, and falls back to what
 * each JVM knows when Redis is down or slow.
 */
@NullMarked
package io.github.hfinference.redis;

import org.jspecify.annotations.NullMarked;
