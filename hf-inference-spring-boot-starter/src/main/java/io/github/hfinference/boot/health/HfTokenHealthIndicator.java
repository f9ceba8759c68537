package io.github.hfinference.boot.health;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.error.HfAuthenticationException;
import io.github.hfinference.core.hub.WhoAmI;

/**
 * Health of the Hugging Face token, from {@code GET {hub}/api/whoami-v2}, cached for a
 * time to live because the Hub rate limits that endpoint strictly. UP shows the token's
 * owner, account type, role and name; a 401 is DOWN; a rate limit, a network error or
 * any other failure is UNKNOWN, since the token may well be valid; no token at all is
 * UNKNOWN too (endpoints with their own credentials and in-process providers need none).
 * The token itself is never shown.
 */
public class HfTokenHealthIndicator implements HealthIndicator {

	private final HfInferenceClient client;

	private final Duration timeout;

	private final TimedCache<Health> cache;

	/**
	 * Creates the indicator.
	 * @param client the client whose token is checked
	 * @param timeToLive how long a result is reused
	 * @param timeout time allowed for the check
	 */
	public HfTokenHealthIndicator(HfInferenceClient client, Duration timeToLive, Duration timeout) {
		this.client = client;
		this.timeout = timeout;
		this.cache = new TimedCache<>(timeToLive, this::check);
	}

	@Override
	public Health health() {
		if (!this.client.hasToken()) {
			return Health.unknown()
				.withDetail("configured", false)
				.withDetail("reason", "No Hugging Face token is configured (hf.inference.token, HF_TOKEN)")
				.build();
		}
		return this.cache.get();
	}

	private Health check() {
		try {
			WhoAmI whoami = Failures.await(this.client.hub().whoami(this.timeout), this.timeout);
			Health.Builder health = Health.up().withDetail("configured", true);
			if (whoami != null) {
				health.withDetail("owner", whoami.name());
				if (whoami.type() != null) {
					health.withDetail("type", whoami.type());
				}
				if (whoami.role() != null) {
					health.withDetail("role", whoami.role());
				}
				if (whoami.tokenName() != null) {
					health.withDetail("tokenName", whoami.tokenName());
				}
			}
			return health.build();
		}
		catch (HfAuthenticationException ex) {
			return Health.down().withDetail("configured", true).withDetail("error", Failures.describe(ex)).build();
		}
		catch (RuntimeException ex) {
			return Health.unknown().withDetail("configured", true).withDetail("error", Failures.describe(ex)).build();
		}
	}

}
