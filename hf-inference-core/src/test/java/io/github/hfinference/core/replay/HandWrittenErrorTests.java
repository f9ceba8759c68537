package io.github.hfinference.core.replay;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.replay.ErrorFixtures.Fixture;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The errors no recording holds (402, 403, 410, 429, 503, 504): each must become its typed
 * exception with the status, the request id, the server's message (and, where relevant,
 * a hint on what to do) and the time to wait.
 */
class HandWrittenErrorTests {

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	static Iterable<Fixture> fixtures() {
		return ErrorFixtures.all();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("fixtures")
	void mapsErrorToTypedException(Fixture fixture) {
		this.mock.server().enqueue(fixture.response());

		HfHttpException exception = catchThrowableOfType(fixture.type(),
				() -> ReplaySupport.client(this.mock.server())
					.blocking()
					.call(TextClassification.TASK, ReplaySupport.viaRouter("openai-community/gpt2", "hf-inference"),
							"I like you", null));

		assertThat(exception).as(fixture.name()).isNotNull();
		assertThat(exception.getClass()).isEqualTo(fixture.type());
		assertThat(exception.getStatus()).isEqualTo(fixture.status());
		assertThat(exception.getRequestId()).isEqualTo(fixture.requestId());
		assertThat(exception.getServerMessage()).startsWith(fixture.serverMessage());
		assertThat(exception.getMessage())
			.startsWith("HTTP " + fixture.status() + " from model 'openai-community/gpt2' via hf-inference: "
					+ fixture.serverMessage())
			.contains("[request id: " + fixture.requestId() + "]")
			// the call's context, the same for every error of a call
			.matches("(?s).* \\[task=text-classification, model=openai-community/gpt2, target=hf-inference, "
					+ "provider=hf-inference, attempt=1, request id=" + Pattern.quote(fixture.requestId())
					+ ", elapsed=\\d+ ms]");
		if (exception instanceof HfRateLimitException rateLimited) {
			assertThat(rateLimited.getRetryAfter()).isNotNull();
			assertThat(rateLimited.getRetryAfter()).isBetween(fixture.retryAfter().minusSeconds(2),
					fixture.retryAfter());
		}
		if (exception instanceof HfServerException serverError) {
			assertThat(serverError.getEstimatedTime()).isEqualTo(fixture.estimatedTime());
			assertThat(serverError.getRetryAfter()).isNull();
		}
		if (fixture.retryAfter() == null) {
			assertThat(fixture.type()).isNotEqualTo(HfRateLimitException.class);
		}
		else {
			assertThat(fixture.retryAfter()).isGreaterThan(Duration.ZERO);
		}
	}

}
