package io.github.hfinference.boot.autoconfigure.observation;

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
		HfModelPricing hfModelPricing(ObjectProvider<HfInferenceClient> client) {
			// the client is looked up at the first price lookup: it depends on the
			// ObservationRegistry, which depends on the handler that uses these prices
			return new HfModelPricing(() -> client.getObject().catalog());
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
