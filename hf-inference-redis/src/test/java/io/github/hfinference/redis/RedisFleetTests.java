package io.github.hfinference.redis;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.error.HfCircuitOpenException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.redis.RedisFleetSettings.PauseMode;
import io.github.hfinference.redis.RedisFleetSettings.RedisFailureMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Two clients with their own state, as two JVMs would have, sharing one token and a real
 * {@code redis-server}.
 */
class RedisFleetTests {

	static final String TOKEN = "hf_testFleetSecretDoNotLeak0123456789";

	static final String CLASSIFICATION = "[{\"label\":\"POSITIVE\",\"score\":0.9}]";

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private final MockWebServer router = new MockWebServer();

	private final List<RedisFleetCoordination> fleets = new ArrayList<>();

	private ModelDefinition model;

	@BeforeEach
	void start() throws IOException {
		this.router.start();
		flushRedis();
		this.model = ModelDefinition.builder("classifier")
			.id("org/classifier")
			.target(new InferenceTarget.Router("hf-inference"))
			.policy(ResiliencePolicy.defaults().withRetry(RetrySettings.disabled()))
			.build();
	}

	@AfterEach
	void stop() {
		this.fleets.forEach(RedisFleetCoordination::close);
		this.router.close();
	}

	@Test
	void twoClientsShareOneRequestQuota() {
		TestSettings settings = settings().withQuota(new QuotaLimits(3, 0), Duration.ofMillis(200));
		HfInferenceClient first = client(fleet(settings));
		HfInferenceClient second = client(fleet(settings));
		for (int i = 0; i < 3; i++) {
			this.router.enqueue(ok(CLASSIFICATION));
		}
		classify(first);
		classify(first);
		classify(second);
		assertThatExceptionOfType(HfAdmissionRejectedException.class).isThrownBy(() -> classify(second))
			.satisfies((rejected) -> assertThat(rejected.getReason())
				.isEqualTo(HfAdmissionRejectedException.Reason.WAIT_EXCEEDED))
			.withMessageContaining("shared quota")
			.withMessageContaining("3 requests/min");
		assertThat(this.router.getRequestCount()).isEqualTo(3);
	}

	@Test
	void chatTokensAreReservedBeforeAndSettledWithTheReportedUsage() {
		TestSettings settings = settings().withQuota(new QuotaLimits(0, 120), Duration.ofMillis(200));
		HfInferenceClient first = client(fleet(settings));
		HfInferenceClient second = client(fleet(settings));
		ModelDefinition chat = ModelDefinition.builder("chat")
			.id("org/chat")
			.target(new InferenceTarget.Router("hf-inference"))
			.policy(ResiliencePolicy.defaults().withRetry(RetrySettings.disabled()))
			.build();
		ChatCompletion.Parameters hundredTokens = ChatCompletion.Parameters.builder().maxTokens(100).build();
		List<ChatMessage> hello = List.of(ChatMessage.user("Hello"));
		this.router.enqueue(ok(chatAnswer(2, 3)));
		this.router.enqueue(ok(chatAnswer(2, 3)));
		// 100 + 2 reserved of 120, then settled to the 5 used: the other client fits
		call(first, chat, hello, hundredTokens);
		call(second, chat, hello, hundredTokens);
		// 5 + 102 reserved now: a third reservation of 102 does not fit in 120 within the wait
		this.router.enqueue(ok(chatAnswer(2, 3)));
		ChatCompletion.Parameters thousandTokens = ChatCompletion.Parameters.builder().maxTokens(1000).build();
		assertThatExceptionOfType(HfAdmissionRejectedException.class)
			.isThrownBy(() -> call(first, chat, hello, thousandTokens))
			.withMessageContaining("longer than hf.inference.quota.max-wait");
		assertThat(this.router.getRequestCount()).isEqualTo(2);
	}

	@Test
	void aPauseOneClientWasToldAboutStopsTheOtherFromSending() {
		TestSettings settings = settings().withPauses(PauseMode.FAIL);
		HfInferenceClient first = client(fleet(settings));
		HfInferenceClient second = client(fleet(settings));
		this.router.enqueue(tooManyRequests(30));
		assertThatExceptionOfType(HfRateLimitException.class).isThrownBy(() -> classify(first));
		assertThatExceptionOfType(HfRateLimitException.class).isThrownBy(() -> classify(second))
			.withMessageContaining("not sent: the fleet paused calls to hf-inference")
			.satisfies((paused) -> assertThat(paused.getRetryAfter()).isPositive()
				.isLessThanOrEqualTo(Duration.ofSeconds(30)));
		assertThat(this.router.getRequestCount()).isEqualTo(1);
	}

	@Test
	void attemptsRefusedDuringAPauseDoNotSpendTheSharedQuota() {
		TestSettings settings = settings().withQuota(new QuotaLimits(3, 0), Duration.ofMillis(200))
			.withPauses(PauseMode.FAIL);
		HfInferenceClient first = client(fleet(settings));
		HfInferenceClient second = client(fleet(settings));
		this.router.enqueue(tooManyRequests(30));
		assertThatExceptionOfType(HfRateLimitException.class).isThrownBy(() -> classify(first));
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(HfRateLimitException.class).isThrownBy(() -> classify(second))
				.withMessageContaining("not sent: the fleet paused calls");
		}
		// The pause ends (its key expires): the two requests the 429 left of the quota are still there.
		withRedis((commands) -> commands.del(pauseKeyOf(commands)));
		this.router.enqueue(ok(CLASSIFICATION));
		this.router.enqueue(ok(CLASSIFICATION));
		assertThat(classify(second)).isNotEmpty();
		assertThat(classify(first)).isNotEmpty();
		assertThatExceptionOfType(HfAdmissionRejectedException.class).isThrownBy(() -> classify(second))
			.withMessageContaining("3 requests/min");
		assertThat(this.router.getRequestCount()).isEqualTo(3);
	}

	@Test
	void aWaitingClientSendsOnlyOnceThePauseIsOver() throws InterruptedException {
		HfInferenceClient first = client(fleet(settings()));
		HfInferenceClient second = client(fleet(settings()));
		List<Long> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
		this.router.setDispatcher(new mockwebserver3.Dispatcher() {
			@Override
			public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
				arrivals.add(System.currentTimeMillis());
				return (arrivals.size() == 1)
						? new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("{}").build()
						: ok(CLASSIFICATION);
			}
		});
		assertThatExceptionOfType(HfRateLimitException.class).isThrownBy(() -> classify(first));
		// the first client's failure surfaces once the fleet's pause is stored
		long pausedUntil = Long.parseLong(new String(
				withRedis((commands) -> commands.get(pauseKeyOf(commands))), StandardCharsets.US_ASCII));
		assertThat(classify(second)).isNotEmpty();
		assertThat(arrivals).hasSize(2);
		assertThat(arrivals.get(1)).as("the second client sent only when the pause the server asked for ended")
			.isGreaterThanOrEqualTo(pausedUntil);
	}

	private static MockResponse tooManyRequests(int retryAfterSeconds) {
		return new MockResponse.Builder().code(429)
			.addHeader("Retry-After", Integer.toString(retryAfterSeconds))
			.body("{\"error\":\"Too many requests\"}")
			.build();
	}

	private static String pauseKeyOf(RedisCommands<String, byte[]> commands) {
		return commands.keys("hf:pause:*").stream().findFirst().orElseThrow(() -> new AssertionError("no pause stored"));
	}

	@Test
	void aLoadingModelPausesThatModelForTheFleet() {
		TestSettings settings = settings().withPauses(PauseMode.FAIL);
		HfInferenceClient first = client(fleet(settings));
		HfInferenceClient second = client(fleet(settings));
		this.router.enqueue(new MockResponse.Builder().code(503)
			.body("{\"error\":\"Model org/classifier is currently loading\",\"estimated_time\":20.0}")
			.build());
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> classify(first));
		assertThatExceptionOfType(HfRateLimitException.class).isThrownBy(() -> classify(second))
			.withMessageContaining("not sent");
		assertThat(this.router.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aCircuitOpenedByOneClientOpensOnTheOther() {
		ModelDefinition fragile = this.model.toBuilder()
			.policy(this.model.policy()
				.withCircuitBreaker(new CircuitBreakerSettings(true, 1, Duration.ofMinutes(5))))
			.build();
		RedisFleetCoordination secondFleet = fleet(settings());
		HfInferenceClient first = client(fleet(settings()));
		HfInferenceClient second = client(secondFleet);
		this.router.enqueue(new MockResponse.Builder().code(500).body("boom").build());
		assertThatExceptionOfType(Exception.class).isThrownBy(() -> classify(first, fragile));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> secondFleet.openElsewhere("classifier", "hf-inference").compareTo(Duration.ofMinutes(4)) > 0);
		assertThatExceptionOfType(HfCircuitOpenException.class).isThrownBy(() -> classify(second, fragile));
		assertThat(this.router.getRequestCount()).isEqualTo(1);
		assertThat(second.resilience().circuitStates("classifier"))
			.containsEntry("hf-inference", io.github.hfinference.core.observation.ResilienceStatus.CircuitState.OPEN);
	}

	@Test
	void onlyOneInstanceClaimsTheTrialCallOfAHalfOpenCircuit() {
		RedisFleetCoordination first = fleet(settings());
		RedisFleetCoordination second = fleet(settings());
		Duration hold = Duration.ofSeconds(30);
		assertThat(first.claimTrial("classifier", "hf-inference", hold).block(Duration.ofSeconds(5))).isTrue();
		assertThat(second.claimTrial("classifier", "hf-inference", hold).block(Duration.ofSeconds(5))).isFalse();
		assertThat(first.claimTrial("classifier", "hf-inference", hold).block(Duration.ofSeconds(5))).isFalse();
	}

	@Test
	void callsKeepWorkingWhileRedisIsDownAndTheFleetRecoversWhenItIsBack() {
		RedisFleetCoordination fleet = fleet(settings().withQuota(new QuotaLimits(1000, 0), Duration.ofSeconds(1)));
		HfInferenceClient client = client(fleet);
		answerEveryCall();
		assertThat(classify(client)).isNotEmpty();
		assertThat(fleet.degradedReason()).isNull();
		redis.kill();
		// every call succeeds without Redis; the fleet reports why it runs alone
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(classify(client)).isNotEmpty();
			assertThat(fleet.degradedReason()).startsWith("Redis");
		});
		redis.restart();
		awaitRecovery(client, fleet);
	}

	@Test
	void aRedisSlowerThanTheBudgetNeverStallsACall() {
		TestSettings settings = settings().withQuota(new QuotaLimits(1000, 0), Duration.ofSeconds(1))
			.withBudget(Duration.ofMillis(200));
		RedisFleetCoordination fleet = fleet(settings);
		HfInferenceClient client = client(fleet);
		answerEveryCall();
		redis.freeze();
		try {
			// a frozen Redis answers nothing: each call goes on after the budget, on this instance's quota
			assertThat(classify(client)).isNotEmpty();
			assertThat(fleet.degradedReason()).contains("within the budget of 200 ms");
			assertThat(classify(client)).isNotEmpty();
		}
		finally {
			redis.thaw();
		}
		awaitRecovery(client, fleet);
	}

	@Test
	void aFleetThatMustFailClosedRejectsCallsWhileRedisIsDown() {
		RedisFleetCoordination fleet = fleet(settings().withQuota(new QuotaLimits(1000, 0), Duration.ofSeconds(1))
			.withRedisFailure(RedisFailureMode.FAIL));
		HfInferenceClient client = client(fleet);
		redis.kill();
		try {
			assertThatExceptionOfType(HfAdmissionRejectedException.class).isThrownBy(() -> classify(client))
				.satisfies((rejected) -> assertThat(rejected.getReason())
					.isEqualTo(HfAdmissionRejectedException.Reason.FLEET_UNAVAILABLE))
				.withMessageContaining("hf.inference.fleet.on-redis-failure=fail");
			assertThat(this.router.getRequestCount()).isZero();
		}
		finally {
			redis.restart();
		}
	}

	@Test
	void noTokenReachesAnyRedisKeyOrValue() {
		TestSettings settings = settings().withQuota(new QuotaLimits(100, 1000), Duration.ofSeconds(1));
		HfInferenceClient client = client(fleet(settings));
		this.router.enqueue(ok(CLASSIFICATION));
		this.router.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").body("{}").build());
		classify(client);
		assertThatExceptionOfType(HfRateLimitException.class).isThrownBy(() -> classify(client));
		Map<String, byte[]> everything = dump();
		assertThat(everything).isNotEmpty();
		String secret = TOKEN.substring("hf_".length());
		everything.forEach((key, value) -> {
			assertThat(key).doesNotContain(secret);
			assertThat(new String(value, StandardCharsets.ISO_8859_1)).doesNotContain(secret);
		});
		assertThat(everything.keySet()).anyMatch((key) -> key.contains("token:" + io.github.hfinference.core.auth.HfToken
			.of(TOKEN, "test").fingerprint()));
	}

	/** Calls until the fleet uses Redis again: a degraded fleet tries Redis at most once a second. */
	private void awaitRecovery(HfInferenceClient client, RedisFleetCoordination fleet) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(classify(client)).isNotEmpty();
			assertThat(fleet.degradedReason()).isNull();
		});
	}

	private void answerEveryCall() {
		this.router.setDispatcher(new mockwebserver3.Dispatcher() {
			@Override
			public MockResponse dispatch(mockwebserver3.RecordedRequest request) {
				return ok(CLASSIFICATION);
			}
		});
	}

	private List<ClassificationOutput> classify(HfInferenceClient client) {
		return classify(client, this.model);
	}

	private List<ClassificationOutput> classify(HfInferenceClient client, ModelDefinition model) {
		return client.call(TextClassification.TASK, model, "I like you", null).block(Duration.ofSeconds(10));
	}

	private static ChatCompletionOutput call(HfInferenceClient client, ModelDefinition model,
			List<ChatMessage> messages, ChatCompletion.Parameters parameters) {
		return client.call(ChatCompletion.TASK, model, messages, parameters).block(Duration.ofSeconds(10));
	}

	private HfInferenceClient client(RedisFleetCoordination fleet) {
		URI url = this.router.url("/").uri();
		return HfInferenceClient.builder().token(TOKEN).noTokenLookup().baseUrl(url).hubUrl(url)
			.fleetCoordination(fleet).build();
	}

	private RedisFleetCoordination fleet(TestSettings settings) {
		RedisFleetCoordination fleet = new RedisFleetCoordination(redis.uri(), settings.value());
		this.fleets.add(fleet);
		await().atMost(Duration.ofSeconds(10)).until(() -> fleet.degradedReason() == null);
		return fleet;
	}

	/** The defaults, with a budget a test machine shared with other builds can keep. */
	static TestSettings settings() {
		RedisFleetSettings s = RedisFleetSettings.defaults();
		return new TestSettings(new RedisFleetSettings(s.keyPrefix(), Duration.ofSeconds(2), s.onRedisFailure(),
				s.onPause(), s.maxPauseWait(), s.maxQuotaWait(), s.defaultQuota(), s.providerQuotas(),
				s.modelQuotas()));
	}

	static MockResponse ok(String json) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json).build();
	}

	private static String chatAnswer(int prompt, int completion) {
		return "{\"id\":\"c\",\"created\":1,\"model\":\"org/chat\",\"choices\":[{\"index\":0,\"message\":"
				+ "{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}],\"usage\":"
				+ "{\"prompt_tokens\":" + prompt + ",\"completion_tokens\":" + completion + ",\"total_tokens\":"
				+ (prompt + completion) + "}}";
	}

	private static void flushRedis() {
		withRedis((commands) -> commands.flushall());
	}

	/** Every key in Redis with its value, whatever its type ({@code DUMP}). */
	private static Map<String, byte[]> dump() {
		Map<String, byte[]> everything = new java.util.LinkedHashMap<>();
		withRedis((commands) -> {
			ScanCursor cursor = ScanCursor.INITIAL;
			do {
				KeyScanCursor<String> page = commands.scan(cursor, ScanArgs.Builder.limit(100));
				page.getKeys().forEach((key) -> everything.put(key, commands.dump(key)));
				cursor = page;
			}
			while (!cursor.isFinished());
			return null;
		});
		return everything;
	}

	private static <T> T withRedis(java.util.function.Function<RedisCommands<String, byte[]>, T> work) {
		RedisClient client = RedisClient.create(redis.uri());
		try (StatefulRedisConnection<String, byte[]> connection = client
			.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
			return work.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	/** Settings for a test: defaults with what it changes. */
	record TestSettings(RedisFleetSettings value) {

		TestSettings withQuota(QuotaLimits limits, Duration maxWait) {
			RedisFleetSettings s = this.value;
			return new TestSettings(new RedisFleetSettings(s.keyPrefix(), s.budget(), s.onRedisFailure(), s.onPause(),
					s.maxPauseWait(), maxWait, limits, s.providerQuotas(), s.modelQuotas()));
		}

		TestSettings withPauses(PauseMode mode) {
			RedisFleetSettings s = this.value;
			return new TestSettings(new RedisFleetSettings(s.keyPrefix(), s.budget(), s.onRedisFailure(), mode,
					s.maxPauseWait(), s.maxQuotaWait(), s.defaultQuota(), s.providerQuotas(), s.modelQuotas()));
		}

		TestSettings withBudget(Duration budget) {
			RedisFleetSettings s = this.value;
			return new TestSettings(new RedisFleetSettings(s.keyPrefix(), budget, s.onRedisFailure(), s.onPause(),
					s.maxPauseWait(), s.maxQuotaWait(), s.defaultQuota(), s.providerQuotas(), s.modelQuotas()));
		}

		TestSettings withRedisFailure(RedisFailureMode mode) {
			RedisFleetSettings s = this.value;
			return new TestSettings(new RedisFleetSettings(s.keyPrefix(), s.budget(), mode, s.onPause(),
					s.maxPauseWait(), s.maxQuotaWait(), s.defaultQuota(), s.providerQuotas(), s.modelQuotas()));
		}

	}

}
