package io.github.hfinference.boot.autoconfigure;

import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.github.hfinference.boot.HfInferenceClientCustomizer;
import io.github.hfinference.boot.HfModelProxyFactoryCustomizer;
import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InProcessProvider;
import io.github.hfinference.core.chat.HfChatClient;
import io.github.hfinference.core.declarative.HfModelProxyFactory;
import io.github.hfinference.core.observation.InferenceCallListener;
import io.github.hfinference.core.observation.ResilienceListener;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for Hugging Face inference: an
 * {@link HfInferenceClient}, the {@link HfModelRegistry} of the models configured under
 * {@code hf.inference.models}, and the {@link HfModelProxyFactory} that backs the
 * {@code @HfModel} interface beans, which are found in the application's
 * auto-configuration packages unless {@code hf.inference.scan.enabled} is {@code false}.
 * {@link ResilienceListener} and {@link InferenceCallListener} beans are registered with
 * the client, which connects as the {@link HfInferenceConnectionDetails} bean says
 * (by default, the {@code hf.inference} properties).
 */
@AutoConfiguration(afterName = {
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
@ConditionalOnClass(HfInferenceClient.class)
@EnableConfigurationProperties(HfInferenceProperties.class)
@Import({ HfInferenceConfigurations.WebClientConfiguration.class,
		HfInferenceConfigurations.HfModelScanConfiguration.class })
public final class HfInferenceAutoConfiguration {

	private static final Log logger = LogFactory.getLog(HfInferenceAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	HfModelRegistry hfModelRegistry(HfInferenceProperties properties,
			ObjectProvider<InProcessProvider> inProcessProviders) {
		Set<String> providerNames = inProcessProviders.orderedStream()
			.map(InProcessProvider::name)
			.collect(Collectors.toSet());
		HfModelRegistry registry = new HfInferencePropertiesMapper(properties).modelRegistry(providerNames);
		RevisionPinReport.log(registry);
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean(HfInferenceConnectionDetails.class)
	PropertiesHfInferenceConnectionDetails hfInferenceConnectionDetails(HfInferenceProperties properties) {
		return new PropertiesHfInferenceConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	HfInferenceClient hfInferenceClient(HfInferenceProperties properties, HfInferenceConnectionDetails connection,
			ObjectProvider<InProcessProvider> inProcessProviders,
			ObjectProvider<HfInferenceClientCustomizer> customizers,
			ObjectProvider<ResilienceListener> resilienceListeners,
			ObjectProvider<InferenceCallListener> callListeners) {
		HfInferenceClient.Builder builder = HfInferenceClient.builder();
		new HfInferencePropertiesMapper(properties).applyTo(builder, connection);
		inProcessProviders.orderedStream().forEach(builder::inProcessProvider);
		resilienceListeners.orderedStream().forEach(builder::resilienceListener);
		callListeners.orderedStream().forEach(builder::callListener);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		HfInferenceClient client = builder.build();
		if (!client.hasToken()) {
			logger.info("No Hugging Face token is configured (hf.inference.token) or found (HF_TOKEN, "
					+ "HUGGING_FACE_HUB_TOKEN, the Hugging Face CLI's token file): calls through the router will "
					+ "be rejected; endpoints with their own credentials and in-process providers still work");
		}
		return client;
	}

	/**
	 * Chat with tools and typed answers over the client.
	 * @param client the client
	 * @return the chat client
	 */
	@Bean
	@ConditionalOnMissingBean
	HfChatClient hfChatClient(HfInferenceClient client) {
		return HfChatClient.of(client);
	}

	@Bean
	@ConditionalOnMissingBean
	HfModelProxyFactory hfModelProxyFactory(HfInferenceClient client, HfModelRegistry modelRegistry,
			ObjectProvider<HfModelProxyFactoryCustomizer> customizers, BeanFactory beanFactory) {
		// @UseTools classes are the application's beans, looked up when a tool first runs
		HfModelProxyFactory.Builder builder = HfModelProxyFactory.builder(client)
			.modelResolver(modelRegistry)
			.toolResolver(beanFactory::getBean);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

}
