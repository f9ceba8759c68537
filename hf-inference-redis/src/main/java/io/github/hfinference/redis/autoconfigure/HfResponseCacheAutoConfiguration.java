package io.github.hfinference.redis.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;

import io.github.hfinference.boot.HfInferenceClientCustomizer;
import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.redis.SpringResponseCache;
import io.github.hfinference.redis.SpringResponseCache.ModelCaching;

/**
 * Gives the auto-configured client a {@link SpringResponseCache} on the application's
 * {@link CacheManager} for the models of {@code hf.inference.cache.models}, counting hits
 * and misses per model ({@code hf.client.cache}, tags {@code model} and {@code result}).
 */
@AutoConfiguration
@ConditionalOnClass(CacheManager.class)
@EnableConfigurationProperties(HfCacheProperties.class)
public final class HfResponseCacheAutoConfiguration {

	@Bean
	HfInferenceClientCustomizer hfResponseCacheClientCustomizer(HfCacheProperties properties,
			ObjectProvider<CacheManager> cacheManager, ObjectProvider<HfModelRegistry> registry,
			ObjectProvider<MeterRegistry> meters) {
		if (properties.getModels().isEmpty()) {
			return (builder) -> {
			};
		}
		ModelAliases aliases = new ModelAliases(registry.getIfAvailable());
		Map<String, ModelCaching> caching = new LinkedHashMap<>();
		properties.getModels().forEach((alias, model) -> {
			String property = "hf.inference.cache.models." + alias;
			aliases.requireKnown(property, alias);
			if (model.getTtl().isNegative() || model.getTtl().isZero()) {
				throw new HfConfigurationException("Property " + property + ".ttl must be positive, not "
						+ model.getTtl());
			}
			caching.put(alias, new ModelCaching(model.getTtl(), model.isIncludeGeneration()));
		});
		CacheManager caches = cacheManager.getIfAvailable();
		if (caches == null) {
			throw new HfConfigurationException("Property hf.inference.cache.models is set but the application has no "
					+ "CacheManager: add @EnableCaching and spring.cache.type=caffeine (one JVM) or redis (the fleet)");
		}
		MeterRegistry registryOrNull = meters.getIfAvailable();
		SpringResponseCache cache = new SpringResponseCache(caches, caching, properties.getBudget(),
				(model, hit) -> {
					if (registryOrNull != null) {
						Counter.builder("hf.client.cache")
							.description("Response cache look-ups")
							.tag("model", model)
							.tag("result", hit ? "hit" : "miss")
							.register(registryOrNull)
							.increment();
					}
				});
		return (builder) -> builder.responseCache(cache);
	}

}
