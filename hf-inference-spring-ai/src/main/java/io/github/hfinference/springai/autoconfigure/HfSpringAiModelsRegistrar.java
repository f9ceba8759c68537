package io.github.hfinference.springai.autoconfigure;

import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;

import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.springai.HfChatModel;
import io.github.hfinference.springai.HfEmbeddingModel;

/**
 * Registers one {@link HfChatModel} per {@code chat-completion} alias and one
 * {@link HfEmbeddingModel} per {@code feature-extraction} alias of
 * {@code hf.inference.models}, qualified by the alias and not default candidates: they are
 * injected only by {@code @Qualifier("<alias>")} and never compete with the default
 * Spring AI model beans.
 */
final class HfSpringAiModelsRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

	private @Nullable Environment environment;

	private @Nullable BeanFactory beanFactory;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
		if (this.environment == null || this.beanFactory == null) {
			return;
		}
		BeanFactory factory = this.beanFactory;
		Map<String, ConfiguredTask> models = Binder.get(this.environment)
			.bind("hf.inference.models", Bindable.mapOf(String.class, ConfiguredTask.class))
			.orElse(Map.of());
		models.forEach((alias, model) -> {
			if (ChatCompletion.TASK.id().equals(model.task())) {
				register(registry, factory, alias, HfChatModel.class,
						(modelFactory, name) -> modelFactory.chatModel(name, "hf.inference.models." + name));
			}
			else if (FeatureExtraction.TASK.id().equals(model.task())) {
				register(registry, factory, alias, HfEmbeddingModel.class,
						(modelFactory, name) -> modelFactory.embeddingModel(name, "hf.inference.models." + name));
			}
		});
	}

	private static <T> void register(BeanDefinitionRegistry registry, BeanFactory factory, String alias, Class<T> type,
			BiFunction<HfSpringAiModelFactory, String, T> create) {
		String name = "hfSpringAi." + alias + "." + type.getSimpleName();
		if (registry.containsBeanDefinition(name)) {
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition(type,
				() -> create.apply(factory.getBean(HfSpringAiModelFactory.class), alias));
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, alias));
		definition.setDefaultCandidate(false);
		registry.registerBeanDefinition(name, definition);
	}

	/**
	 * The task of a configured model; the other keys of the model are not read here.
	 *
	 * @param task the configured task id, or null
	 */
	record ConfiguredTask(@Nullable String task) {

	}

}
