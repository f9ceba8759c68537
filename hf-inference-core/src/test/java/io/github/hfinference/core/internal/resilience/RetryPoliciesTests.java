package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.util.backoff.BackOffExecution;

import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.internal.http.ErrorMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPoliciesTests {

	@Test
	void maxRetriesBoundsTheBackOffAndDelaysGrowUpToTheMaximum() {
		RetrySettings settings = new RetrySettings(true, 5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(3), 0.0,
				Duration.ofSeconds(60), null);
		assertThat(delays(RetryPolicies.toRetryPolicy(settings))).containsExactly(1000L, 2000L, 3000L, 3000L, 3000L);
	}

	@Test
	void disabledRetryAllowsNoRetry() {
		assertThat(delays(RetryPolicies.toRetryPolicy(RetrySettings.disabled()))).isEmpty();
	}

	@Test
	void jitterIsAFractionOfEachDelay() {
		RetrySettings settings = new RetrySettings(true, 2, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 0.5,
				Duration.ofSeconds(60), null);
		RetryPolicy policy = RetryPolicies.toRetryPolicy(settings);
		Set<Long> firsts = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			List<Long> delays = delays(policy);
			assertThat(delays).hasSize(2);
			// The Framework never goes below the initial interval.
			assertThat(delays.get(0)).isBetween(1000L, 1500L);
			assertThat(delays.get(1)).isBetween(1000L, 3000L);
			firsts.add(delays.get(0));
		}
		assertThat(firsts).hasSizeGreaterThan(10);
	}

	@Test
	void theDeadlineBecomesThePolicyTimeout() {
		RetrySettings settings = new RetrySettings(true, 3, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(8), 0.1,
				Duration.ofSeconds(60), Duration.ofSeconds(45));
		assertThat(RetryPolicies.toRetryPolicy(settings).getTimeout()).isEqualTo(Duration.ofSeconds(45));
		assertThat(RetryPolicies.toRetryPolicy(RetrySettings.defaults()).getTimeout()).isZero();
	}

	@Test
	void thePolicyRetriesWhatTheClassifierAllows() {
		RetryPolicy policy = RetryPolicies.toRetryPolicy(RetrySettings.defaults());
		assertThat(policy.shouldRetry(ErrorMapper.fromResponse(503, new HttpHeaders(), new byte[0], "m", "t")))
			.isTrue();
		assertThat(policy.shouldRetry(ErrorMapper.fromResponse(401, new HttpHeaders(), new byte[0], "m", "t")))
			.isFalse();
	}

	@Test
	void zeroIntervalsAreAccepted() {
		RetrySettings settings = new RetrySettings(true, 2, Duration.ZERO, 1.0, Duration.ZERO, 0.0, Duration.ZERO,
				null);
		assertThat(delays(RetryPolicies.toRetryPolicy(settings))).containsExactly(0L, 0L);
	}

	private static List<Long> delays(RetryPolicy policy) {
		BackOffExecution execution = policy.getBackOff().start();
		List<Long> delays = new ArrayList<>();
		for (long delay = execution.nextBackOff(); delay != BackOffExecution.STOP; delay = execution.nextBackOff()) {
			delays.add(delay);
		}
		return delays;
	}

}
