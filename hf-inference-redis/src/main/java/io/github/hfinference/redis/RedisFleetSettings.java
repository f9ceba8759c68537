package io.github.hfinference.redis;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link RedisFleetCoordination} shares quota, pauses and circuits.
 *
 * @param keyPrefix the prefix of every Redis key and channel it uses
 * @param budget the time one Redis round trip may take before the call goes on without
 * it (and the fleet counts as degraded)
 * @param onRedisFailure what a call does while Redis is unreachable or slow
 * @param onPause what a call does while the server asked the fleet to pause its target
 * @param maxPauseWait the longest a call waits for a pause to end before it fails (and
 * fails over, if its model has another target)
 * @param maxQuotaWait the longest a call waits for the shared quota before it is rejected
 * @param defaultQuota the quota of each account and provider unless overridden
 * @param providerQuotas quotas per provider (or endpoint name), per account
 * @param modelQuotas quotas per model alias, per account: they replace the provider's
 */
public record RedisFleetSettings(String keyPrefix, Duration budget, RedisFailureMode onRedisFailure,
		PauseMode onPause, Duration maxPauseWait, Duration maxQuotaWait, QuotaLimits defaultQuota,
		Map<String, QuotaLimits> providerQuotas, Map<String, QuotaLimits> modelQuotas) {

	public RedisFleetSettings {
		Objects.requireNonNull(keyPrefix, "keyPrefix");
		Objects.requireNonNull(budget, "budget");
		Objects.requireNonNull(onRedisFailure, "onRedisFailure");
		Objects.requireNonNull(onPause, "onPause");
		Objects.requireNonNull(maxPauseWait, "maxPauseWait");
		Objects.requireNonNull(maxQuotaWait, "maxQuotaWait");
		Objects.requireNonNull(defaultQuota, "defaultQuota");
		providerQuotas = Map.copyOf(providerQuotas);
		modelQuotas = Map.copyOf(modelQuotas);
	}

	/** Prefix {@code hf:}, a 50 ms budget, local fall-back, waiting pauses out for up to 60 s, no quota. */
	public static RedisFleetSettings defaults() {
		return new RedisFleetSettings("hf:", Duration.ofMillis(50), RedisFailureMode.LOCAL, PauseMode.WAIT,
				Duration.ofSeconds(60), Duration.ofSeconds(30), QuotaLimits.UNLIMITED, Map.of(), Map.of());
	}

	/**
	 * The quota of a call.
	 * @param model the model alias
	 * @param target the target's name
	 * @return the model's quota if it has one, else the target's, else the default
	 */
	public QuotaLimits quotaOf(String model, String target) {
		QuotaLimits limits = this.modelQuotas.get(model);
		if (limits == null) {
			limits = this.providerQuotas.getOrDefault(target, this.defaultQuota);
		}
		return limits;
	}

	/** What a call does while Redis is unreachable or slower than the budget. */
	public enum RedisFailureMode {

		/** Go on with this JVM's own limiter and circuits (the default). */
		LOCAL,

		/** Fail the call at once with an admission rejection. */
		FAIL

	}

	/** What a call does while its target is paused. */
	public enum PauseMode {

		/** Wait until the pause ends (up to the maximum wait), then send. */
		WAIT,

		/** Fail at once with a rate-limit error, so that the call fails over to another target if it has one. */
		FAIL

	}

}
