package io.github.hfinference.boot.autoconfigure.health;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.autoconfigure.HfInferenceAutoConfiguration;
import io.github.hfinference.boot.autoconfigure.HfInferenceProperties;
import io.github.hfinference.boot.health.HfHealthContributor;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.task.chat.ChatCompletion;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the reactive {@code hf} health
 * contributor: a {@code token} indicator and one indicator per model configured under
 * {@code hf.inference.models}, enabled unless {@code management.health.hf.enabled} is
 * {@code false}. No check runs inference unless a chat model opts in with
 * {@code hf.inference.models.<alias>.health.probe}.
 */
@AutoConfiguration(after = HfInferenceAutoConfiguration.class)
@ConditionalOnClass({ HfInferenceClient.class, ReactiveHealthIndicator.class, Mono.class,
		ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ HfInferenceClient.class, HfModelRegistry.class })
@ConditionalOnEnabledHealthIndicator("hf")
public final class HfHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "hfHealthIndicator", "hfHealthContributor" })
	HfHealthContributor hfHealthContributor(HfInferenceClient client, HfModelRegistry registry,
			HfInferenceProperties properties) {
		HfInferenceProperties.Health health = properties.getHealth();
		Map<String, ModelDefinition> models = new LinkedHashMap<>();
		Set<String> probed = new LinkedHashSet<>();
		registry.models().forEach((alias, model) -> {
			if (HfHealthContributor.TOKEN.equals(alias)) {
				throw new HfConfigurationException("hf.inference.models.token: the alias 'token' is reserved for the "
						+ "token's health indicator; rename the model");
			}
			HfInferenceProperties.Model configured = properties.getModels().get(alias);
			if (configured != null && configured.getHealth().isProbe()) {
				if (model.task() == null || !ChatCompletion.TASK.id().equals(model.task().id())) {
					throw new HfConfigurationException("hf.inference.models." + alias + ".health.probe: only "
							+ "chat-completion models can be probed (one chat call with max_tokens 1); set "
							+ "hf.inference.models." + alias + ".task to chat-completion or turn the probe off");
				}
				probed.add(alias);
			}
			models.put(alias, model.definition());
		});
		return new HfHealthContributor(client, models, probed, new HfHealthContributor.Settings(
				health.getTokenTtl(), health.getModelTtl(), health.getTimeout(), health.getDeadline()));
	}

}
