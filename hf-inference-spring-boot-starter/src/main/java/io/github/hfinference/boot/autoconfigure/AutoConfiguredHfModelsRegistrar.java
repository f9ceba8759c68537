package io.github.hfinference.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.type.AnnotationMetadata;

import io.github.hfinference.boot.declarative.AbstractHfModelRegistrar;

/**
 * Registers the {@code @HfModel} interfaces found in the application's
 * {@link AutoConfigurationPackages auto-configuration packages} (the package of the
 * {@code @SpringBootApplication} class, by default).
 */
class AutoConfiguredHfModelsRegistrar extends AbstractHfModelRegistrar implements BeanFactoryAware {

	private @Nullable BeanFactory beanFactory;

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	protected void registerHfModels(Registry registry, AnnotationMetadata importingClassMetadata) {
		if (this.beanFactory != null && AutoConfigurationPackages.has(this.beanFactory)) {
			registry.detectInBasePackages(AutoConfigurationPackages.get(this.beanFactory).toArray(String[]::new));
		}
	}

}
