package io.github.hfinference.boot.health;

import java.time.Duration;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.error.HfAuthenticationException;
import io.github.hfinference.core.hub.HubClient.WhoAmI;

/**
 * Health of the Hugging Face token, from {@code GET {hub}/api/whoami-v2}, cached for a
 * time to live because the Hub rate limits that endpoint strictly. UP shows the token's
 * owner, account type, role and name; a 401 is DOWN; a rate limit, a network error or
 * any other failure is UNKNOWN, since the token may well be valid; no token at all is
 * UNKNOWN too (endpoints with their own credentials and in-process providers need none).
 * The token itself is never shown.
 */
final class HfTokenHealthIndicator implements ReactiveHealthIndicator {

	private final HfInferenceClient client;

	private final Duration timeout;

	private final Mono<Health> cached;

	/**
	 * Creates the indicator.
	 * @param client the client whose token is checked
	 * @param timeToLive how long a result is reused
	 * @param timeout time allowed for the check
	 */
	HfTokenHealthIndicator(HfInferenceClient client, Duration timeToLive, Duration timeout) {
		this.client = client;
		this.timeout = timeout;
		this.cached = Mono.defer(this::check).cache(timeToLive);
	}

	@Override
	public Mono<Health> health() {
		if (!this.client.hasToken()) {
			return Mono.just(Health.unknown()
				.withDetail("configured", false)
				.withDetail("reason", "No Hugging Face token is configured (hf.inference.token, HF_TOKEN)")
				.build());
		}
		return this.cached;
	}

	private Mono<Health> check() {
		return this.client.hub()
			.whoami(this.timeout)
			.map(HfTokenHealthIndicator::up)
			.switchIfEmpty(Mono.fromSupplier(() -> Health.up().withDetail("configured", true).build()))
			.timeout(this.timeout.plus(HfHealthContributor.GRACE))
			.onErrorResume((ex) -> Mono.just(((ex instanceof HfAuthenticationException) ? Health.down()
					: Health.unknown())
				.withDetail("configured", true)
				.withDetail("error", Failures.describeTokenCheck(ex))
				.build()));
	}

	private static Health up(WhoAmI whoami) {
		Health.Builder health = Health.up().withDetail("configured", true).withDetail("owner", whoami.name());
		if (whoami.type() != null) {
			health.withDetail("type", whoami.type());
		}
		if (whoami.role() != null) {
			health.withDetail("role", whoami.role());
		}
		if (whoami.tokenName() != null) {
			health.withDetail("tokenName", whoami.tokenName());
		}
		return health.build();
	}

}
