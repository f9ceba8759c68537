package io.github.hfinference.redis.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The account's quota, shared by every instance ({@code hf.inference.quota}): the limits
 * apply per account (the token, or the {@code bill-to} organisation) and per provider,
 * unless a provider or a model has its own.
 */
@ConfigurationProperties(prefix = "hf.inference.quota", ignoreUnknownFields = false)
public class HfQuotaProperties extends HfQuotaLimits {

	/**
	 * Longest wait for the shared quota; a call that would wait longer is rejected.
	 */
	private Duration maxWait = Duration.ofSeconds(30);

	/**
	 * Limits per provider (or endpoint name), replacing the defaults.
	 */
	private Map<String, HfQuotaLimits> providers = new LinkedHashMap<>();

	/**
	 * Limits per model alias (of hf.inference.models), replacing the provider's.
	 */
	private Map<String, HfQuotaLimits> models = new LinkedHashMap<>();

	public Duration getMaxWait() {
		return this.maxWait;
	}

	public void setMaxWait(Duration maxWait) {
		this.maxWait = maxWait;
	}

	public Map<String, HfQuotaLimits> getProviders() {
		return this.providers;
	}

	public void setProviders(Map<String, HfQuotaLimits> providers) {
		this.providers = providers;
	}

	public Map<String, HfQuotaLimits> getModels() {
		return this.models;
	}

	public void setModels(Map<String, HfQuotaLimits> models) {
		this.models = models;
	}

}
