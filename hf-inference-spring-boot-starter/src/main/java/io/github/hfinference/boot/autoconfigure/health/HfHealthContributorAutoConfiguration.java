package io.github.hfinference.boot.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.autoconfigure.HfInferenceAutoConfiguration;
import io.github.hfinference.boot.autoconfigure.HfInferenceProperties;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.task.chat.ChatCompletion;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@code hf} health contributor:
 * a {@code token} indicator and one indicator per model configured under
 * {@code hf.inference.models}, enabled unless {@code management.health.hf.enabled} is
 * {@code false}. No check runs inference unless a chat model opts in with
 * {@code hf.inference.models.<alias>.health.probe}.
 */
@AutoConfiguration(after = HfInferenceAutoConfiguration.class)
@ConditionalOnClass({ HfInferenceClient.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ HfInferenceClient.class, HfModelRegistry.class })
@ConditionalOnEnabledHealthIndicator("hf")
public final class HfHealthContributorAutoConfiguration {

	/** The name of the token's indicator inside the {@code hf} contributor. */
	public static final String TOKEN = "token";

	@Bean
	@ConditionalOnMissingBean(name = { "hfHealthIndicator", "hfHealthContributor" })
	HealthContributor hfHealthContributor(HfInferenceClient client, HfModelRegistry registry,
			HfInferenceProperties properties) {
		HfInferenceProperties.Health health = properties.getHealth();
		Duration tokenTtl = positive(health.getTokenTtl(), "hf.inference.health.token-ttl");
		Duration modelTtl = positive(health.getModelTtl(), "hf.inference.health.model-ttl");
		Duration timeout = positive(health.getTimeout(), "hf.inference.health.timeout");
		Map<String, HealthContributor> contributors = new LinkedHashMap<>();
		contributors.put(TOKEN, new HfTokenHealthIndicator(client, tokenTtl, timeout));
		registry.models().forEach((alias, model) -> {
			if (TOKEN.equals(alias)) {
				throw new HfConfigurationException("hf.inference.models.token: the alias 'token' is reserved for the "
						+ "token's health indicator; rename the model");
			}
			HfInferenceProperties.Model configured = properties.getModels().get(alias);
			boolean probe = configured != null && configured.getHealth().isProbe();
			if (probe && (model.task() == null || !ChatCompletion.TASK.id().equals(model.task().id()))) {
				throw new HfConfigurationException("hf.inference.models." + alias + ".health.probe: only "
						+ "chat-completion models can be probed (one chat call with max_tokens 1); set "
						+ "hf.inference.models." + alias + ".task to chat-completion or turn the probe off");
			}
			contributors.put(alias,
					new HfModelHealthIndicator(client, model.definition(), modelTtl, timeout, probe));
		});
		return CompositeHealthContributor.fromMap(contributors);
	}

	private static Duration positive(@Nullable Duration duration, String property) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw new HfConfigurationException(property + " must be positive, got " + duration);
		}
		return duration;
	}

}
