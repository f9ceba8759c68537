package io.github.hfinference.springai.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.autoconfigure.HfInferenceAutoConfiguration;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.springai.HfChatModel;
import io.github.hfinference.springai.HfEmbeddingModel;
import io.github.hfinference.springai.HfNestedObservationPredicate;

/**
 * Spring AI models over the configured Hugging Face models, following Spring AI's starter
 * conventions: {@code spring.ai.model.chat=huggingface} and
 * {@code spring.ai.model.embedding=huggingface} select the default {@link HfChatModel} and
 * {@link HfEmbeddingModel} beans (so they coexist with other Spring AI model starters),
 * backed by the aliases {@code hf.inference.spring-ai.chat-model} and
 * {@code hf.inference.spring-ai.embedding-model}. Without {@code spring.ai.model.*} the
 * default bean exists when its alias is set. Every {@code chat-completion} and
 * {@code feature-extraction} alias also gets its own bean, injected only by qualifier
 * ({@code @Qualifier("<alias>")}).
 */
@AutoConfiguration(after = HfInferenceAutoConfiguration.class,
		afterName = "org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration")
@ConditionalOnClass({ ChatModel.class, HfInferenceClient.class })
@ConditionalOnBean({ HfInferenceClient.class, HfModelRegistry.class })
@EnableConfigurationProperties(HfSpringAiProperties.class)
@Import(HfSpringAiModelsRegistrar.class)
public final class HfSpringAiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HfSpringAiModelFactory hfSpringAiModelFactory(HfInferenceClient client, HfModelRegistry registry,
			ObjectProvider<ToolCallingManager> toolCallingManager, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> chatConvention,
			ObjectProvider<EmbeddingModelObservationConvention> embeddingConvention) {
		return new HfSpringAiModelFactory(client, registry,
				toolCallingManager.getIfAvailable(() -> ToolCallingManager.builder()
					.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
					.build()),
				observationRegistry, chatConvention, embeddingConvention);
	}

	/** One gen_ai.client.operation observation per Spring AI call: Spring AI's. */
	@Bean
	@ConditionalOnMissingBean
	HfNestedObservationPredicate hfNestedObservationPredicate() {
		return new HfNestedObservationPredicate();
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(HfModelSelectedCondition.Chat.class)
	static class ChatModelConfiguration {

		@Bean
		@ConditionalOnMissingBean(HfChatModel.class)
		HfChatModel hfChatModel(HfSpringAiModelFactory factory, HfSpringAiProperties properties) {
			return factory.chatModel(properties.getChatModel(), "hf.inference.spring-ai.chat-model");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EmbeddingModel.class)
	@Conditional(HfModelSelectedCondition.Embedding.class)
	static class EmbeddingModelConfiguration {

		@Bean
		@ConditionalOnMissingBean(HfEmbeddingModel.class)
		HfEmbeddingModel hfEmbeddingModel(HfSpringAiModelFactory factory, HfSpringAiProperties properties) {
			return factory.embeddingModel(properties.getEmbeddingModel(), "hf.inference.spring-ai.embedding-model");
		}

	}

}
