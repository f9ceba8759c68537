package io.github.hfinference.boot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.hfinference.boot.HfInferenceClientCustomizer;

/**
 * Configurations imported by {@link HfInferenceAutoConfiguration}.
 */
final class HfInferenceConfigurations {

	private HfInferenceConfigurations() {
	}

	/**
	 * Builds the client's {@code WebClient} from Spring Boot's {@code WebClient.Builder}
	 * (codecs, observation, {@code WebClientCustomizer} beans) with a connector from Boot's
	 * {@code ClientHttpConnectorBuilder} and {@code spring.http.clients} settings (SSL
	 * bundle, address filter) that never follows redirects.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.webclient.WebClientCustomizer",
			"org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder" })
	@ConditionalOnBean(WebClient.Builder.class)
	static class WebClientConfiguration {

		@Bean
		@Order(0)
		@ConditionalOnMissingBean(name = "hfInferenceWebClientCustomizer")
		HfInferenceClientCustomizer hfInferenceWebClientCustomizer(ObjectProvider<WebClient.Builder> webClientBuilder,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, HfInferenceProperties properties,
				ResourceLoader resourceLoader) {
			return new WebClientBuilderHfInferenceClientCustomizer(webClientBuilder::getObject,
					() -> connectorBuilder
						.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())),
					() -> httpClientSettings.getIfAvailable(HttpClientSettings::defaults),
					new HfInferencePropertiesMapper(properties).connectTimeout(), properties.isDirectCalls());
		}

	}

	/**
	 * Registers the {@code @HfModel} interfaces found in the auto-configuration packages.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "hf.inference.scan.enabled", matchIfMissing = true)
	@Import(AutoConfiguredHfModelsRegistrar.class)
	static class HfModelScanConfiguration {

	}

}
