package io.github.hfinference.boot.autoconfigure;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.actuate.HfInferenceEndpoint;
import io.github.hfinference.boot.actuate.HfModelActivity;
import io.github.hfinference.core.HfInferenceClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of the {@code hfinference} actuator
 * endpoint and the {@link HfModelActivity} it reports, when the endpoint is available
 * ({@code management.endpoints.web.exposure.include=hfinference} for the web).
 */
@AutoConfiguration(after = HfInferenceAutoConfiguration.class)
@ConditionalOnClass({ HfInferenceClient.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(HfInferenceEndpoint.class)
public final class HfInferenceEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HfModelActivity hfModelActivity() {
		return new HfModelActivity();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean({ HfInferenceClient.class, HfModelRegistry.class })
	HfInferenceEndpoint hfInferenceEndpoint(HfInferenceClient client, HfModelRegistry registry,
			HfModelActivity activity) {
		return new HfInferenceEndpoint(client, registry, activity);
	}

}
