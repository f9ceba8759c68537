package io.github.hfinference.core.observation;

import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.error.HfCircuitOpenException;
import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfForbiddenException;
import io.github.hfinference.core.error.HfHttpException.ErrorDetails;
import io.github.hfinference.core.error.HfInvalidRequestException;
import io.github.hfinference.core.error.HfJobFailedException;
import io.github.hfinference.core.error.HfMissingTokenException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.error.HfRevisionMismatchException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.error.HfValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The {@code outcome} tag is the failure's category, as the README's error table says; never UNKNOWN for a known failure. */
class OutcomeCategoryTests {

	static Stream<Arguments> failures() {
		return Stream.of(arguments(new HfRateLimitException(details(429), null), "RATE_LIMITED"),
				arguments(new HfServerException(details(503), null, null), "SERVER_ERROR"),
				arguments(new HfServerException(details(408), null, null), "SERVER_ERROR"),
				arguments(new HfForbiddenException(details(403)), "CLIENT_ERROR"),
				arguments(new HfValidationException(details(422)), "CLIENT_ERROR"),
				arguments(new HfValidationException(details(200)), "SERVER_ERROR"),
				arguments(new HfTimeoutException("slow", null), "TIMEOUT"),
				arguments(new HfConnectionException("refused", new java.io.IOException("refused")), "CONNECTION"),
				arguments(new HfResponseException("truncated", null), "DECODE"),
				arguments(new HfCircuitOpenException("m", Duration.ofSeconds(1), "open", null), "CIRCUIT_OPEN"),
				arguments(new HfAdmissionRejectedException("m", HfAdmissionRejectedException.Reason.values()[0], "full"),
						"REJECTED"),
				arguments(new HfRevisionMismatchException("m", "t", "abc1234", "fff9999"), "REVISION_MISMATCH"),
				arguments(new HfJobFailedException("fal-ai", "m", "FAILED", "boom"), "JOB_FAILED"),
				arguments(new HfMissingTokenException("m"), "CLIENT_ERROR"),
				arguments(new HfInvalidRequestException("input must not be null"), "CLIENT_ERROR"),
				arguments(new IllegalStateException("bug"), "UNKNOWN"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("failures")
	void outcomeIsTheFailuresCategory(Throwable failure, String outcome) {
		InferenceObservationContext context = new InferenceObservationContext("m", "org/m", "text-classification");
		context.setError(failure);
		assertThat(new DefaultInferenceObservationConvention().outcome(context)).isEqualTo(outcome);
	}

	private static ErrorDetails details(int status) {
		return new ErrorDetails(status, "req-1", "message", null, "org/m", "hf-inference");
	}

}
