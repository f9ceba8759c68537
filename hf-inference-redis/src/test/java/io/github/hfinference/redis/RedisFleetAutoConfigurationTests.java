package io.github.hfinference.redis;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.hfinference.boot.autoconfigure.HfInferenceAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The module's auto-configuration with Boot's {@code spring.data.redis.*} and a real
 * {@code redis-server}.
 */
class RedisFleetAutoConfigurationTests {

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, HfInferenceAutoConfiguration.class,
				io.github.hfinference.redis.autoconfigure.RedisFleetAutoConfiguration.class,
				io.github.hfinference.redis.autoconfigure.HfResponseCacheAutoConfiguration.class))
		.withPropertyValues("hf.inference.token=hf_test", "hf.inference.models.classifier.id=org/classifier",
				"hf.inference.models.classifier.provider=hf-inference");

	@Test
	void aConfiguredRedisConnectionSharesTheFleetAndItsHealthIsUp() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.url=" + redis.url(), "hf.inference.quota.requests-per-minute=1200",
					"hf.inference.quota.models.classifier.requests-per-minute=60")
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisFleetCoordination.class);
				HealthIndicator health = context.getBean("hfFleetHealthIndicator", HealthIndicator.class);
				await().atMost(Duration.ofSeconds(10))
					.until(() -> health.health().getStatus().equals(Status.UP));
			});
	}

	@Test
	void anUnreachableRedisLeavesTheApplicationRunningWithTheFleetDegraded() {
		this.contextRunner.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				HealthIndicator health = context.getBean("hfFleetHealthIndicator", HealthIndicator.class);
				assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED");
				assertThat(health.health().getDetails()).containsEntry("reason", "not connected to Redis yet");
			});
	}

	@Test
	void aMalformedRedisUrlFailsStartUpNamingTheProperty() {
		this.contextRunner.withPropertyValues("spring.data.redis.url=redis://user:s3cret@[broken:6379")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("spring.data.redis.url")
				.hasMessageNotContaining("s3cret"));
	}

	@Test
	void aQuotaForAnUnknownModelFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.url=" + redis.url(),
					"hf.inference.quota.models.clasifier.requests-per-minute=60")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("hf.inference.quota.models.clasifier")
				.hasMessageContaining("classifier"));
	}

	@Test
	void aQuotaForAnUnknownProviderFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.url=" + redis.url(),
					"hf.inference.quota.providers.nowhere.requests-per-minute=60")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("hf.inference.quota.providers.nowhere"));
	}

	@Test
	void aMisspelledQuotaKeyFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.url=" + redis.url(), "hf.inference.quota.request-per-minute=60")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("hf.inference.quota.request-per-minute"));
	}

	@Test
	void aCacheForAnUnknownModelFailsStartUpNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.url=" + redis.url(), "hf.inference.cache.models.clasifier.ttl=5m")
			.withBean(org.springframework.cache.CacheManager.class,
					org.springframework.cache.concurrent.ConcurrentMapCacheManager::new)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("hf.inference.cache.models.clasifier"));
	}

	@Test
	void aCacheWithoutACacheManagerFailsStartUpSayingWhatIsMissing() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.url=" + redis.url(), "hf.inference.cache.models.classifier.ttl=5m")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("hf.inference.cache.models")
				.hasMessageContaining("CacheManager"));
	}

	@Test
	void aConfiguredCacheCountsHitsAndMissesPerModel() {
		this.contextRunner
			.withPropertyValues("spring.data.redis.url=" + redis.url(), "hf.inference.cache.models.classifier.ttl=5m",
					"hf.inference.base-url=http://127.0.0.1:1", "hf.inference.retry.enabled=false")
			.withBean(org.springframework.cache.CacheManager.class,
					org.springframework.cache.concurrent.ConcurrentMapCacheManager::new)
			.withBean(io.micrometer.core.instrument.MeterRegistry.class,
					io.micrometer.core.instrument.simple.SimpleMeterRegistry::new)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				io.github.hfinference.core.HfInferenceClient client = context
					.getBean(io.github.hfinference.core.HfInferenceClient.class);
				io.github.hfinference.core.ModelDefinition classifier = context
					.getBean(io.github.hfinference.boot.HfModelRegistry.class)
					.definition("classifier");
				// the router is unreachable here: the miss is counted before the call fails
				org.assertj.core.api.Assertions.assertThatException()
					.isThrownBy(() -> client.call(io.github.hfinference.core.task.TextClassification.TASK, classifier,
							"I like you", null).block(Duration.ofSeconds(10)));
				assertThat(context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
					.get("hf.client.cache").tag("model", "classifier").tag("result", "miss").counter().count())
					.isEqualTo(1.0);
			});
	}

	@Test
	void theFleetCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("spring.data.redis.url=" + redis.url(), "hf.inference.fleet.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RedisFleetCoordination.class));
	}

}
