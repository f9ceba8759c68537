package io.github.hfinference.redis;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.redis.SpringResponseCache.ModelCaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The response cache on Spring's cache abstraction: Redis shared by two clients, and an
 * in-memory cache manager for what does not depend on the store.
 */
class ResponseCacheTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private final MockWebServer router = new MockWebServer();

	private final List<String> outcomes = new CopyOnWriteArrayList<>();

	private final List<LettuceConnectionFactory> connections = new CopyOnWriteArrayList<>();

	private final ModelDefinition classifier = ModelDefinition.builder("classifier")
		.id("org/classifier")
		.target(new InferenceTarget.Router("hf-inference"))
		.policy(ResiliencePolicy.defaults().withRetry(RetrySettings.disabled()))
		.build();

	@BeforeEach
	void start() throws IOException {
		this.router.start();
		LettuceConnectionFactory connection = connect();
		connection.getConnection().serverCommands().flushAll();
		connection.destroy();
	}

	@AfterEach
	void stop() {
		this.connections.forEach(LettuceConnectionFactory::destroy);
		this.router.close();
	}

	@Test
	void anAnswerOneClientGotIsReusedByAnotherThroughRedis() {
		HfInferenceClient first = client(redisCaches(), false);
		HfInferenceClient second = client(redisCaches(), false);
		this.router.enqueue(answer("sha1"));
		assertThat(classify(first, "I like you")).isEqualTo("POSITIVE");
		// stored in the background: the other client looks it up once it is there
		LettuceConnectionFactory connection = this.connections.get(0);
		await().atMost(Duration.ofSeconds(10)).until(() -> connection.getConnection().serverCommands().dbSize() > 0);
		this.outcomes.clear();
		assertThat(classify(second, "I like you")).isEqualTo("POSITIVE");
		assertThat(this.outcomes).containsExactly("classifier hit");
		assertThat(this.router.getRequestCount()).isEqualTo(1);
	}

	@Test
	void anotherInputIsAMiss() {
		HfInferenceClient client = client(new ConcurrentMapCacheManager(), false);
		this.router.enqueue(answer("sha1"));
		this.router.enqueue(answer("sha1"));
		classify(client, "I like you");
		classify(client, "I like you too");
		assertThat(this.router.getRequestCount()).isEqualTo(2);
		assertThat(this.outcomes).containsExactly("classifier miss", "classifier miss");
	}

	@Test
	void errorsAreNeverCached() {
		HfInferenceClient client = client(new ConcurrentMapCacheManager(), false);
		this.router.enqueue(new MockResponse.Builder().code(500).body("boom").build());
		this.router.enqueue(answer("sha1"));
		assertThatExceptionOfType(HfServerException.class).isThrownBy(() -> classify(client, "I like you"));
		assertThat(classify(client, "I like you")).isEqualTo("POSITIVE");
		assertThat(this.router.getRequestCount()).isEqualTo(2);
	}

	@Test
	void chatIsCachedOnlyWhenItsModelOptsIn() {
		ModelDefinition chat = ModelDefinition.builder("classifier")
			.id("org/chat")
			.target(new InferenceTarget.Router("hf-inference"))
			.build();
		List<ChatMessage> hello = List.of(ChatMessage.user("Hello"));
		for (int i = 0; i < 3; i++) {
			this.router.enqueue(RedisFleetTests.ok("{\"id\":\"c\",\"created\":1,\"model\":\"org/chat\",\"choices\":"
					+ "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},\"finish_reason\":\"stop\"}]}"));
		}
		HfInferenceClient notOptedIn = client(new ConcurrentMapCacheManager(), false);
		notOptedIn.call(ChatCompletion.TASK, chat, hello, null).block(Duration.ofSeconds(10));
		notOptedIn.call(ChatCompletion.TASK, chat, hello, null).block(Duration.ofSeconds(10));
		assertThat(this.router.getRequestCount()).isEqualTo(2);
		ConcurrentMapCacheManager caches = new ConcurrentMapCacheManager();
		HfInferenceClient optedIn = client(caches, true);
		optedIn.call(ChatCompletion.TASK, chat, hello, null).block(Duration.ofSeconds(10));
		// stored in the background: the second call looks it up once it is there
		await().atMost(Duration.ofSeconds(10)).until(() -> holdsAnEntry(caches.getCache("hf-inference.classifier")));
		assertThat(optedIn.call(ChatCompletion.TASK, chat, hello, null).block(Duration.ofSeconds(10)).choices())
			.hasSize(1);
		assertThat(this.router.getRequestCount()).isEqualTo(3);
	}

	private static boolean holdsAnEntry(@Nullable Cache cache) {
		return cache != null && !((Map<?, ?>) cache.getNativeCache()).isEmpty();
	}

	private String classify(HfInferenceClient client, String text) {
		return client.call(TextClassification.TASK, this.classifier, text, null)
			.block(Duration.ofSeconds(10))
			.get(0)
			.label();
	}

	private HfInferenceClient client(CacheManager caches, boolean includeGeneration) {
		URI url = this.router.url("/").uri();
		SpringResponseCache cache = new SpringResponseCache(caches,
				Map.of("classifier", new ModelCaching(Duration.ofMinutes(5), includeGeneration)), Duration.ofSeconds(2),
				(model, hit) -> this.outcomes.add(model + (hit ? " hit" : " miss")));
		return HfInferenceClient.builder().token("hf_test").noTokenLookup().baseUrl(url).hubUrl(url)
			.responseCache(cache).build();
	}

	private static LettuceConnectionFactory connect() {
		LettuceConnectionFactory connection = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
		connection.afterPropertiesSet();
		connection.start();
		return connection;
	}

	private CacheManager redisCaches() {
		LettuceConnectionFactory connection = connect();
		this.connections.add(connection);
		RedisCacheManager caches = RedisCacheManager.create(connection);
		caches.afterPropertiesSet();
		return caches;
	}

	private static MockResponse answer(String sha) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-sha", sha)
			.body(RedisFleetTests.CLASSIFICATION)
			.build();
	}

}
