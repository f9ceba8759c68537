package io.github.hfinference.redis.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reuse of the answers of idempotent calls ({@code hf.inference.cache}), on the
 * application's Spring {@code CacheManager}: Caffeine keeps them in one JVM, Redis
 * ({@code spring.cache.type=redis}) for every instance.
 */
@ConfigurationProperties(prefix = "hf.inference.cache", ignoreUnknownFields = false)
public class HfCacheProperties {

	/**
	 * Longest time a cache look-up may take before it counts as a miss.
	 */
	private Duration budget = Duration.ofMillis(50);

	/**
	 * Models whose answers are cached, by alias (of hf.inference.models); none by default.
	 */
	private Map<String, ModelCache> models = new LinkedHashMap<>();

	public Duration getBudget() {
		return this.budget;
	}

	public void setBudget(Duration budget) {
		this.budget = budget;
	}

	public Map<String, ModelCache> getModels() {
		return this.models;
	}

	public void setModels(Map<String, ModelCache> models) {
		this.models = models;
	}

	/** How one model's answers are cached. */
	public static class ModelCache {

		/**
		 * How long an answer is reused.
		 */
		private Duration ttl = Duration.ofMinutes(10);

		/**
		 * Whether chat and text generation answers are cached too (they differ from call to
		 * call unless sampling is off).
		 */
		private boolean includeGeneration;

		public Duration getTtl() {
			return this.ttl;
		}

		public void setTtl(Duration ttl) {
			this.ttl = ttl;
		}

		public boolean isIncludeGeneration() {
			return this.includeGeneration;
		}

		public void setIncludeGeneration(boolean includeGeneration) {
			this.includeGeneration = includeGeneration;
		}

	}

}
