package io.github.hfinference.redis.autoconfigure;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import io.github.hfinference.redis.RedisFleetCoordination;

/**
 * The fleet's health: {@code UP} while Redis answers within the budget, {@code DEGRADED}
 * with the reason while calls run on this instance's own quota and circuits. A degraded
 * fleet does not make the application {@code DOWN}: calls keep working.
 */
final class FleetHealthIndicator implements HealthIndicator {

	/** Calls work, but without what the other instances share. */
	static final Status DEGRADED = new Status("DEGRADED", "Redis cannot be used: each instance runs alone");

	private final RedisFleetCoordination fleet;

	FleetHealthIndicator(RedisFleetCoordination fleet) {
		this.fleet = fleet;
	}

	@Override
	public Health health() {
		String reason = this.fleet.degradedReason();
		if (reason == null) {
			return Health.up().withDetail("shared", "quota, pauses and circuits").build();
		}
		return Health.status(DEGRADED).withDetail("reason", reason).build();
	}

}
