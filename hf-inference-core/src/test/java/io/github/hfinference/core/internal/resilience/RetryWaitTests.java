package io.github.hfinference.core.internal.resilience;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.internal.http.ErrorMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RetryWaitTests {

	private static final Duration BACK_OFF = Duration.ofMillis(250);

	private static final Duration CAP = Duration.ofSeconds(60);

	@Test
	void retryAfterWinsOverRateLimitAndEstimatedTime() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Retry-After", "4");
		headers.add("RateLimit", "\"api\";r=0;t=40");
		assertThat(wait(503, headers, "{\"error\":\"loading\",\"estimated_time\":20.0}")).hasSeconds(4);
	}

	@Test
	void rateLimitResetWinsOverEstimatedTime() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("RateLimit", "\"api\";r=0;t=40");
		assertThat(wait(503, headers, "{\"error\":\"loading\",\"estimated_time\":20.0}")).hasSeconds(40);
	}

	@Test
	void estimatedTimeIsUsedWhenNoHeaderSaysOtherwise() {
		assertThat(wait(503, new HttpHeaders(), "{\"error\":\"loading\",\"estimated_time\":20.5}"))
			.isEqualTo(Duration.ofMillis(20500));
	}

	@Test
	void serverAdviceIsCapped() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("Retry-After", "3600");
		assertThat(wait(429, headers, "{}")).isEqualTo(CAP);
	}

	@Test
	void withoutAdviceTheBackOffApplies() {
		assertThat(wait(500, new HttpHeaders(), "{}")).isEqualTo(BACK_OFF);
		assertThat(RetryWait.of(new HfConnectionException("reset", new java.io.IOException()), BACK_OFF, CAP))
			.isEqualTo(BACK_OFF);
	}

	private static Duration wait(int status, HttpHeaders headers, String body) {
		return RetryWait.of(ErrorMapper.fromResponse(status, headers, body.getBytes(), "m", "t"), BACK_OFF, CAP);
	}

}
