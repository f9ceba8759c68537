package io.github.hfinference.boot.autoconfigure.observation;

import java.net.URI;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.hfinference.boot.HfInferenceClientCustomizer;
import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.autoconfigure.HfInferenceAutoConfiguration;
import io.github.hfinference.boot.autoconfigure.HfInferenceConnectionDetails;
import io.github.hfinference.boot.autoconfigure.HfInferenceProperties;
import io.github.hfinference.boot.observation.HfInferenceMeterObservationHandler;
import io.github.hfinference.boot.observation.HfModelPricing;
import io.github.hfinference.boot.observation.HfResilienceMeters;
import io.github.hfinference.boot.observation.HfRevisionDriftMeterBinder;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.observation.InferenceObservationConvention;

/**
 * {@link EnableAutoConfiguration Auto-configuration} that observes every inference call
 * ({@code gen_ai.client.operation}) in the application's {@link ObservationRegistry},
 * named by an {@link InferenceObservationConvention} bean if there is one, and, with a
 * {@link MeterRegistry}, records token usage, compute time, retries, failovers, rate
 * limits, revision drift and, where the router publishes prices, estimated cost.
 * Spring Boot's {@code management.observations.*} properties apply as to any
 * observation, for example {@code management.observations.enable.gen_ai=false}.
 */
@AutoConfiguration(after = HfInferenceAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ HfInferenceClient.class, ObservationRegistry.class })
public final class HfInferenceObservationAutoConfiguration {

	private static final Duration PRICES_TIMEOUT = Duration.ofSeconds(10);

	@Bean
	@ConditionalOnBean(ObservationRegistry.class)
	@ConditionalOnMissingBean(name = "hfInferenceObservationCustomizer")
	HfInferenceClientCustomizer hfInferenceObservationCustomizer(ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<InferenceObservationConvention> convention) {
		return (builder) -> builder.observationRegistry(registry.getObject())
			.observationConvention(convention.getIfUnique());
	}

	/**
	 * The meters derived from observations and resilience events.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class MeterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HfInferenceMeterObservationHandler hfInferenceMeterObservationHandler(MeterRegistry meterRegistry,
				ObjectProvider<HfModelPricing> pricing) {
			return new HfInferenceMeterObservationHandler(meterRegistry, pricing.getIfAvailable());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "hf.inference.observations.cost.enabled", matchIfMissing = true)
		HfModelPricing hfModelPricing(HfInferenceProperties properties, HfInferenceConnectionDetails connection,
				ObjectProvider<WebClient.Builder> webClientBuilder) {
			Duration timeToLive = properties.getObservations().getCost().getPricesTtl();
			URI baseUrl;
			try {
				baseUrl = URI.create(connection.getBaseUrl());
			}
			catch (IllegalArgumentException ex) {
				throw new HfConfigurationException("hf.inference.base-url: '" + connection.getBaseUrl()
						+ "' is not an absolute http(s) URL");
			}
			// resolved at the first fetch: Boot's WebClient.Builder depends on the ObservationRegistry,
			// which depends on the handler that uses these prices
			return new HfModelPricing(() -> webClientBuilder.getIfAvailable(WebClient::builder).build(), baseUrl, timeToLive, PRICES_TIMEOUT);
		}

		@Bean
		@ConditionalOnMissingBean
		HfResilienceMeters hfResilienceMeters(MeterRegistry meterRegistry) {
			return new HfResilienceMeters(meterRegistry);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean({ HfInferenceClient.class, HfModelRegistry.class })
		HfRevisionDriftMeterBinder hfRevisionDriftMeterBinder(HfInferenceClient client, HfModelRegistry registry) {
			return new HfRevisionDriftMeterBinder(client, registry);
		}

	}

}
