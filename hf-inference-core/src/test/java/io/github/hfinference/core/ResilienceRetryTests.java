package io.github.hfinference.core;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.Task;

import static io.github.hfinference.core.ResilienceFixtures.call;
import static io.github.hfinference.core.ResilienceFixtures.endpoint;
import static io.github.hfinference.core.ResilienceFixtures.error;
import static io.github.hfinference.core.ResilienceFixtures.model;
import static io.github.hfinference.core.ResilienceFixtures.ok;
import static io.github.hfinference.core.ResilienceFixtures.policy;
import static io.github.hfinference.core.ResilienceFixtures.retries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Retry and failover of real HTTP calls against mock servers. Waits run on a
 * fast-forward clock: a 30 s {@code Retry-After} costs no real time but is measured
 * exactly.
 */
class ResilienceRetryTests extends TwoTargetResilienceTests {

	@Test
	void rateLimitWithRetryAfterThenSuccessWaitsExactlyAsAdvised() {
		this.primary.enqueue(error(429).addHeader("Retry-After", "30").build());
		this.primary.enqueue(ok());
		InferenceResponse<List<ClassificationOutput>> response = call(this.client, single(retries(3)));
		assertThat(response.value()).containsExactly(new ClassificationOutput("POSITIVE", 0.9));
		assertThat(this.primary.getRequestCount()).isEqualTo(2);
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(response.metadata().target()).isEqualTo("primary");
		assertThat(this.clock.elapsed()).isEqualTo(Duration.ofSeconds(30));
		assertThat(this.listener.events).containsExactly("rate-limited primary 30000ms",
				"retry primary #2 30000ms HfRateLimitException");
	}

	@Test
	void rateLimitStormFailsAfterTheWholeBudgetWithTheResetTime() {
		for (int i = 0; i < 6; i++) {
			this.primary.enqueue(error(429).addHeader("Retry-After", "2").build());
		}
		assertThatExceptionOfType(HfRateLimitException.class).isThrownBy(() -> call(this.client, single(retries(3))))
			.satisfies((ex) -> {
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(2));
				assertThat(ex.getMessage()).contains("limit resets in 2000 ms").contains("req-429");
			});
		assertThat(this.primary.getRequestCount()).isEqualTo(4);
		assertThat(this.clock.elapsed()).isEqualTo(Duration.ofSeconds(6));
		assertThat(this.listener.waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2),
				Duration.ofSeconds(2));
	}

	@ParameterizedTest(name = "estimated_time {0} s, cap {1} s: waits {2} s")
	@CsvSource({ "20.0, 60, 20", "120.0, 30, 30" })
	void loadingModelWaitsItsEstimatedTimeUpToTheCap(double estimated, int capSeconds, int expectedSeconds) {
		this.primary.enqueue(error(503).body("{\"error\":\"Model org/sentiment is currently loading\",\"estimated_time\":"
				+ estimated + "}").build());
		this.primary.enqueue(ok());
		RetrySettings retry = new RetrySettings(true, 3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5), 0.0,
				Duration.ofSeconds(capSeconds), null);
		InferenceResponse<List<ClassificationOutput>> response = call(this.client, single(retry));
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(this.clock.elapsed()).isEqualTo(Duration.ofSeconds(expectedSeconds));
		assertThat(this.listener.failures).singleElement()
			.isInstanceOfSatisfying(HfServerException.class,
					(ex) -> assertThat(ex.getEstimatedTime()).isEqualTo(Duration.ofMillis((long) (estimated * 1000))));
	}

	@Test
	void retryAfterAsHttpDateIsHonoured() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(20));
		this.primary.enqueue(error(503).addHeader("Retry-After", date).build());
		this.primary.enqueue(ok());
		call(this.client, single(retries(3)));
		assertThat(this.primary.getRequestCount()).isEqualTo(2);
		// The date has whole seconds and the response took a moment to arrive.
		assertThat(this.clock.elapsed()).isBetween(Duration.ofSeconds(17), Duration.ofSeconds(20));
	}

	@Test
	void rateLimitHeaderResetIsHonouredWithoutRetryAfter() {
		this.primary.enqueue(error(429).addHeader("RateLimit", "\"api\";r=0;t=12").build());
		this.primary.enqueue(ok());
		call(this.client, single(retries(3)));
		assertThat(this.primary.getRequestCount()).isEqualTo(2);
		assertThat(this.clock.elapsed()).isEqualTo(Duration.ofSeconds(12));
	}

	@Test
	void withoutServerAdviceTheWaitGrowsExponentially() {
		for (int i = 0; i < 3; i++) {
			this.primary.enqueue(error(502).build());
		}
		this.primary.enqueue(ok());
		InferenceResponse<List<ClassificationOutput>> response = call(this.client, single(retries(3)));
		assertThat(response.metadata().attempts()).isEqualTo(4);
		assertThat(this.listener.waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
				Duration.ofMillis(400));
		assertThat(this.clock.elapsed()).isEqualTo(Duration.ofMillis(700));
	}

	@ParameterizedTest(name = "HTTP {0}")
	@ValueSource(ints = { 400, 401, 402, 403, 404, 410, 422 })
	void clientErrorsAreNeverRetried(int status) {
		this.primary.enqueue(error(status).build());
		this.primary.enqueue(ok());
		assertThatExceptionOfType(HfHttpException.class).isThrownBy(() -> call(this.client, single(retries(3))))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(status));
		assertThat(this.primary.getRequestCount()).isEqualTo(1);
		assertThat(this.listener.events).isEmpty();
		assertThat(this.clock.elapsed()).isZero();
	}

	@Test
	void serverErrorOnTheFirstTargetFailsOverToTheSecondAtOnce() {
		this.primary.enqueue(error(500).build());
		this.secondary.enqueue(ok());
		ModelDefinition model = model(policy(retries(3)), endpoint("primary", this.primary),
				endpoint("secondary", this.secondary));
		InferenceResponse<List<ClassificationOutput>> response = call(this.client, model);
		assertThat(response.metadata().target()).isEqualTo("secondary");
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(this.primary.getRequestCount()).isEqualTo(1);
		assertThat(this.secondary.getRequestCount()).isEqualTo(1);
		assertThat(this.clock.elapsed()).isZero();
		assertThat(this.listener.events).containsExactly("failover primary -> secondary HfServerException");
	}

	@Test
	void whenEveryTargetFailedTheCallWaitsBeforeGoingRoundAgain() {
		this.primary.enqueue(error(503).addHeader("Retry-After", "5").build());
		this.secondary.enqueue(error(500).build());
		this.primary.enqueue(ok());
		ModelDefinition model = model(policy(retries(3)), endpoint("primary", this.primary),
				endpoint("secondary", this.secondary));
		InferenceResponse<List<ClassificationOutput>> response = call(this.client, model);
		assertThat(response.metadata().target()).isEqualTo("primary");
		assertThat(response.metadata().attempts()).isEqualTo(3);
		assertThat(this.clock.elapsed()).isEqualTo(Duration.ofSeconds(5));
		assertThat(this.listener.events).containsExactly("failover primary -> secondary HfServerException",
				"retry primary #3 5000ms HfServerException");
	}

	@Test
	void connectionDroppedMidResponseIsRetried() {
		this.primary.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("[[{\"label\":\"POSITIVE\",\"score\":0.9}]]".repeat(2000))
			.onResponseBody(new SocketEffect.CloseSocket())
			.build());
		this.primary.enqueue(ok());
		InferenceResponse<List<ClassificationOutput>> response = call(this.client, single(retries(3)));
		assertThat(response.value()).hasSize(1);
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(this.primary.getRequestCount()).isEqualTo(2);
		assertThat(this.listener.failures).singleElement().isInstanceOf(HfConnectionException.class);
	}

	@Test
	void slowBodyHitsThePerAttemptTimeoutAndIsRetried() {
		this.primary.enqueue(new MockResponse.Builder(ok())
			.bodyDelay(2, TimeUnit.SECONDS)
			.build());
		this.primary.enqueue(ok());
		ModelDefinition model = single(retries(3)).toBuilder().timeout(Duration.ofMillis(300)).build();
		InferenceResponse<List<ClassificationOutput>> response = call(this.client, model);
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(this.primary.getRequestCount()).isEqualTo(2);
		assertThat(this.listener.failures).singleElement(InstanceOfAssertFactories.THROWABLE)
			.isInstanceOf(HfTimeoutException.class)
			.hasMessageContaining("No complete response from primary");
	}

	@Test
	void deadlineBoundsAllAttemptsAndNeverWaitsPastIt() {
		for (int i = 0; i < 10; i++) {
			this.primary.enqueue(error(503).addHeader("Retry-After", "3").build());
		}
		RetrySettings retry = new RetrySettings(true, 10, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5), 0.0,
				Duration.ofSeconds(60), Duration.ofSeconds(10));
		assertThatExceptionOfType(HfServerException.class).isThrownBy(() -> call(this.client, single(retry)))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(503));
		// Attempts at 0, 3, 6 and 9 s; a fifth would start at 12 s, past the 10 s deadline.
		assertThat(this.primary.getRequestCount()).isEqualTo(4);
		assertThat(this.clock.elapsed()).isEqualTo(Duration.ofSeconds(9));
	}

	@Test
	void deadlineCutsAnAttemptInFlight() {
		this.primary.enqueue(new MockResponse.Builder(ok())
			.bodyDelay(2, TimeUnit.SECONDS)
			.build());
		RetrySettings retry = new RetrySettings(true, 3, Duration.ofMillis(100), 2.0, Duration.ofSeconds(5), 0.0,
				Duration.ofSeconds(60), Duration.ofMillis(400));
		assertThatExceptionOfType(HfTimeoutException.class).isThrownBy(() -> call(this.client, single(retry)))
			.withMessageContaining("deadline of 400 ms after 1 attempt")
			.withCauseInstanceOf(HfTimeoutException.class);
		assertThat(this.primary.getRequestCount()).isEqualTo(1);
	}

	@Test
	void disabledRetryMakesOneAttempt() {
		this.primary.enqueue(error(503).build());
		assertThatExceptionOfType(HfServerException.class)
			.isThrownBy(() -> call(this.client, single(RetrySettings.disabled())));
		assertThat(this.primary.getRequestCount()).isEqualTo(1);
	}

	@Test
	void eachEventIsLoggedOnceAtDebugLevelWithoutTheToken() throws InterruptedException {
		Logger logger = Logger.getLogger("io.github.hfinference.core.internal.resilience.ResilienceEvents");
		List<LogRecord> records = new CopyOnWriteArrayList<>();
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		Level previous = logger.getLevel();
		logger.setLevel(Level.FINE);
		logger.addHandler(handler);
		try {
			this.primary.enqueue(error(429).addHeader("Retry-After", "1").build());
			this.primary.enqueue(ok());
			call(this.client, single(retries(3)));
		}
		finally {
			logger.removeHandler(handler);
			logger.setLevel(previous);
		}
		assertThat(records).extracting(LogRecord::getMessage)
			.containsExactly(
					"Model 'sentiment': rate limited by primary (resets in 1000 ms), HTTP 429 [request id: req-429]",
					"Model 'sentiment': attempt 2 on primary in 1000 ms after HTTP 429 [request id: req-429]");
		assertThat(records).extracting(LogRecord::getLevel).containsOnly(Level.FINE);
		assertThat(records).extracting(LogRecord::getMessage).noneMatch((message) -> message.contains("hf_"));
		// The token was in play: the endpoint received it.
		assertThat(this.primary.takeRequest().getHeaders().get("Authorization"))
			.isEqualTo("Bearer " + ResilienceFixtures.ENDPOINT_TOKEN);
	}

	@Test
	void anInProcessProviderTimingOutIsRetriedLikeARemoteTarget() {
		AtomicInteger calls = new AtomicInteger();
		HfInferenceClient withLocal = HfInferenceClient.builder()
			.noTokenLookup()
			.scheduler(this.clock)
			.resilienceListener(this.listener)
			.inProcessProvider(new InProcessProvider() {

				@Override
				public String name() {
					return "local";
				}

				@Override
				public boolean supports(Task<?, ?, ?> task) {
					return true;
				}

				@Override
				@SuppressWarnings("unchecked")
				public <I, P, R> Mono<R> execute(Task<I, P, R> task, ModelDefinition model, I input,
						P parameters) {
					return (calls.incrementAndGet() == 1) ? Mono.never()
							: Mono.just((R) List.of(new ClassificationOutput("LOCAL", 1.0)));
				}

			})
			.build();
		ModelDefinition model = model(policy(retries(3)), new InferenceTarget.InProcess("local"))
			.toBuilder()
			.timeout(Duration.ofMillis(100))
			.build();
		InferenceResponse<List<ClassificationOutput>> response = call(withLocal, model);
		assertThat(response.value()).containsExactly(new ClassificationOutput("LOCAL", 1.0));
		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(this.listener.failures).singleElement().isInstanceOf(HfTimeoutException.class);
	}

	private ModelDefinition single(RetrySettings retry) {
		return model(ResiliencePolicy.defaults().withRetry(retry), endpoint("primary", this.primary));
	}

}
