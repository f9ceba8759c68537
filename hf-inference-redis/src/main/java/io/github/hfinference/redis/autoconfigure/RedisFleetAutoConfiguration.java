package io.github.hfinference.redis.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.github.hfinference.boot.HfInferenceClientCustomizer;
import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.internal.routing.Providers;
import io.github.hfinference.redis.QuotaLimits;
import io.github.hfinference.redis.RedisFleetCoordination;
import io.github.hfinference.redis.RedisFleetSettings;

/**
 * Shares quota, pauses and circuits between the instances of the application through
 * Redis when this module is on the class path and a Redis connection is configured
 * ({@code spring.data.redis.*}, or a {@link DataRedisConnectionDetails} bean such as
 * Docker Compose's or Testcontainers'): the auto-configured client gets a
 * {@link RedisFleetCoordination}. Only a standalone Redis is supported.
 */
@AutoConfiguration(before = DataRedisAutoConfiguration.class)
@ConditionalOnClass({ RedisClient.class, DataRedisConnectionDetails.class })
@ConditionalOnBooleanProperty(name = "hf.inference.fleet.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ HfFleetProperties.class, HfQuotaProperties.class })
public final class RedisFleetAutoConfiguration {

	private static final String URL_PROPERTY = "spring.data.redis.url";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	RedisFleetCoordination hfRedisFleetCoordination(HfFleetProperties fleet, HfQuotaProperties quota,
			ObjectProvider<DataRedisConnectionDetails> connectionDetails, ObjectProvider<HfModelRegistry> registry,
			Environment environment) {
		RedisFleetSettings settings = settings(fleet, quota, registry.getIfAvailable());
		DataRedisConnectionDetails details = connectionDetails.getIfAvailable();
		if (details == null) {
			throw new HfConfigurationException("hf-inference-redis is on the class path but no Redis connection is "
					+ "configured: set spring.data.redis.host (or " + URL_PROPERTY
					+ "), or hf.inference.fleet.enabled=false");
		}
		return new RedisFleetCoordination(redisUri(details, environment), settings);
	}

	@Bean
	HfInferenceClientCustomizer hfRedisFleetClientCustomizer(RedisFleetCoordination fleet) {
		return (builder) -> builder.fleetCoordination(fleet);
	}

	/** The {@code hfFleet} health component: degraded, with the reason, while Redis cannot be used. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static final class FleetHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "hfFleetHealthIndicator")
		HealthIndicator hfFleetHealthIndicator(RedisFleetCoordination fleet) {
			return new FleetHealthIndicator(fleet);
		}

	}

	static RedisURI redisUri(DataRedisConnectionDetails details, Environment environment) {
		String url = environment.getProperty(URL_PROPERTY);
		if (url != null && !url.isBlank()) {
			try {
				RedisURI.create(url);
			}
			catch (RuntimeException ex) {
				throw new HfConfigurationException("Property " + URL_PROPERTY
						+ " is not a valid Redis URL (expected redis://[[user]:password@]host[:port][/database] or "
						+ "rediss://...): " + describe(url));
			}
		}
		if (details.getCluster() != null || details.getSentinel() != null || details.getMasterReplica() != null) {
			throw new HfConfigurationException("hf-inference-redis supports a standalone Redis only: remove "
					+ "spring.data.redis.cluster.*, spring.data.redis.sentinel.* and spring.data.redis.masterreplica.*,"
					+ " or set hf.inference.fleet.enabled=false");
		}
		DataRedisConnectionDetails.Standalone standalone = details.getStandalone();
		RedisURI.Builder uri = RedisURI.builder()
			.withHost(standalone.getHost())
			.withPort(standalone.getPort())
			.withDatabase(standalone.getDatabase())
			.withSsl(details.getSslBundle() != null);
		if (details.getPassword() != null) {
			uri.withAuthentication(details.getUsername(), details.getPassword().toCharArray());
		}
		return uri.build();
	}

	/** The URL with any password hidden and control characters escaped. */
	private static String describe(String url) {
		String shown = url.replaceAll("(?<=://)[^@/]*@", "****@");
		StringBuilder escaped = new StringBuilder("'");
		shown.codePoints().forEach((c) -> escaped.append(Character.isISOControl(c)
				? String.format("\\u%04x", c) : new String(Character.toChars(c))));
		return escaped.append('\'').toString();
	}

	static RedisFleetSettings settings(HfFleetProperties fleet, HfQuotaProperties quota,
			@Nullable HfModelRegistry registry) {
		ModelAliases aliases = new ModelAliases(registry);
		Set<String> targets = new TreeSet<>();
		if (registry != null) {
			registry.models().values().forEach((model) -> model.definition().targets()
				.forEach((target) -> targets.add(target.name())));
		}
		Map<String, QuotaLimits> providers = new LinkedHashMap<>();
		quota.getProviders().forEach((name, limits) -> {
			String property = "hf.inference.quota.providers." + name;
			if (!Providers.isKnown(name) && !targets.contains(name)) {
				throw new HfConfigurationException("Property " + property + " names an unknown provider '" + name
						+ "': expected a provider (" + String.join(", ", Providers.names())
						+ ") or the name of a target of hf.inference.models");
			}
			providers.put(name, limits(property, limits.getRequestsPerMinute(), limits.getTokensPerMinute()));
		});
		Map<String, QuotaLimits> models = new LinkedHashMap<>();
		quota.getModels().forEach((alias, limits) -> {
			String property = "hf.inference.quota.models." + alias;
			aliases.requireKnown(property, alias);
			models.put(alias, limits(property, limits.getRequestsPerMinute(), limits.getTokensPerMinute()));
		});
		QuotaLimits defaults = limits("hf.inference.quota", quota.getRequestsPerMinute(), quota.getTokensPerMinute());
		if (fleet.getBudget().isNegative() || fleet.getBudget().isZero()) {
			throw new HfConfigurationException("Property hf.inference.fleet.budget must be positive, not "
					+ fleet.getBudget());
		}
		return new RedisFleetSettings(fleet.getKeyPrefix(), fleet.getBudget(), fleet.getOnRedisFailure(),
				fleet.getOnPause(), fleet.getMaxPauseWait(), quota.getMaxWait(), defaults, providers, models);
	}

	private static QuotaLimits limits(String property, long requestsPerMinute, long tokensPerMinute) {
		if (requestsPerMinute < 0 || tokensPerMinute < 0) {
			throw new HfConfigurationException("Property " + property + ".requests-per-minute and "
					+ property + ".tokens-per-minute must not be negative (0 means no limit)");
		}
		return new QuotaLimits(requestsPerMinute, tokensPerMinute);
	}

}
