package io.github.hfinference.core.internal.resilience;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;

import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfHttpException.ErrorDetails;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.internal.http.ErrorMapper;

import static org.assertj.core.api.Assertions.assertThat;

class RetryClassifierTests {

	@ParameterizedTest(name = "HTTP {0} is retried")
	@ValueSource(ints = { 408, 429, 500, 502, 503, 504 })
	void transientStatusesAreRetryable(int status) {
		assertThat(RetryClassifier.isRetryable(httpError(status))).isTrue();
	}

	@ParameterizedTest(name = "HTTP {0} is final")
	@ValueSource(ints = { 400, 401, 402, 403, 404, 410, 422, 424, 501 })
	void otherStatusesAreFinal(int status) {
		assertThat(RetryClassifier.isRetryable(httpError(status))).isFalse();
	}

	@Test
	void connectionFailuresAndTimeoutsAreRetryable() {
		assertThat(RetryClassifier.isRetryable(new HfConnectionException("dropped", new IOException("reset"))))
			.isTrue();
		assertThat(RetryClassifier.isRetryable(new HfTimeoutException("slow", new TimeoutException()))).isTrue();
	}

	@Test
	void overloadReportedInsideAStreamIsRetryable() {
		HfRateLimitException overloaded = new HfRateLimitException(
				new ErrorDetails(200, null, "Model is overloaded", "overloaded", "m", "t"), null);
		assertThat(RetryClassifier.isRetryable(overloaded)).isTrue();
	}

	@Test
	void mistakesAndClientSideRejectionsAreFinal() {
		assertThat(RetryClassifier.isRetryable(new HfConfigurationException("no target"))).isFalse();
		assertThat(RetryClassifier.isRetryable(new HfResponseException("cannot decode", null))).isFalse();
		assertThat(RetryClassifier.isRetryable(new HfAdmissionRejectedException("m",
				HfAdmissionRejectedException.Reason.QUEUE_FULL, "full"))).isFalse();
		assertThat(RetryClassifier.isRetryable(new IllegalStateException("bug"))).isFalse();
	}

	private static Throwable httpError(int status) {
		return ErrorMapper.fromResponse(status, new HttpHeaders(), "{\"error\":\"x\"}".getBytes(), "m", "t");
	}

}
