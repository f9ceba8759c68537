package io.github.hfinference.boot.declarative;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import io.github.hfinference.core.declarative.HfModel;

/**
 * Base class of the registrars that turn {@link HfModel @HfModel} interfaces into beans,
 * modelled on Spring's {@code AbstractHttpServiceRegistrar}. Subclasses say which
 * interfaces to register; each becomes one {@link HfModelFactoryBean} definition, named
 * after the interface ({@code sentimentClient}, or the fully qualified name if that name
 * is taken). An interface registered twice (explicitly and by a scan) gets one bean.
 */
public abstract class AbstractHfModelRegistrar
		implements ImportBeanDefinitionRegistrar, EnvironmentAware, ResourceLoaderAware {

	/** Bean definition attribute holding the name of the {@code @HfModel} interface. */
	public static final String HF_MODEL_TYPE_ATTRIBUTE = "hfModelType";

	private @Nullable Environment environment;

	private @Nullable ResourceLoader resourceLoader;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void setResourceLoader(ResourceLoader resourceLoader) {
		this.resourceLoader = resourceLoader;
	}

	@Override
	public final void registerBeanDefinitions(AnnotationMetadata importingClassMetadata,
			BeanDefinitionRegistry beanRegistry) {
		DefaultRegistry registry = new DefaultRegistry();
		registerHfModels(registry, importingClassMetadata);
		ClassLoader classLoader = (this.resourceLoader != null) ? this.resourceLoader.getClassLoader() : null;
		for (String typeName : registry.typeNames) {
			registerBeanDefinition(beanRegistry, ClassUtils.resolveClassName(typeName, classLoader));
		}
	}

	/**
	 * Says which interfaces to register.
	 * @param registry where to register them
	 * @param importingClassMetadata metadata of the importing class
	 */
	protected abstract void registerHfModels(Registry registry, AnnotationMetadata importingClassMetadata);

	private static void registerBeanDefinition(BeanDefinitionRegistry beanRegistry, Class<?> type) {
		for (String name : beanRegistry.getBeanDefinitionNames()) {
			if (type.getName().equals(beanRegistry.getBeanDefinition(name).getAttribute(HF_MODEL_TYPE_ATTRIBUTE))) {
				return;
			}
		}
		RootBeanDefinition definition = new RootBeanDefinition(HfModelFactoryBean.class);
		definition.setTargetType(ResolvableType.forClassWithGenerics(HfModelFactoryBean.class, type));
		definition.getConstructorArgumentValues().addIndexedArgumentValue(0, type);
		definition.setAttribute(HF_MODEL_TYPE_ATTRIBUTE, type.getName());
		String beanName = StringUtils.uncapitalizeAsProperty(type.getSimpleName());
		beanRegistry.registerBeanDefinition(beanRegistry.containsBeanDefinition(beanName) ? type.getName() : beanName,
				definition);
	}

	/**
	 * Where subclasses register {@code @HfModel} interfaces.
	 */
	protected interface Registry {

		/**
		 * Registers interfaces.
		 * @param types the interfaces
		 * @return this registry
		 */
		Registry register(Class<?>... types);

		/**
		 * Registers interfaces by fully qualified name.
		 * @param typeNames the interface names
		 * @return this registry
		 */
		Registry registerTypeNames(String... typeNames);

		/**
		 * Registers the {@code @HfModel} interfaces found in packages and their sub-packages.
		 * @param packageNames the packages
		 * @return this registry
		 */
		Registry detectInBasePackages(String... packageNames);

		/**
		 * Registers the {@code @HfModel} interfaces found in the packages of the given classes.
		 * @param packageClasses classes whose packages are scanned
		 * @return this registry
		 */
		Registry detectInBasePackages(Class<?>... packageClasses);

	}

	private final class DefaultRegistry implements Registry {

		private final Set<String> typeNames = new LinkedHashSet<>();

		private @Nullable ClassPathScanningCandidateComponentProvider scanner;

		@Override
		public Registry register(Class<?>... types) {
			Arrays.stream(types).map(Class::getName).forEach(this.typeNames::add);
			return this;
		}

		@Override
		public Registry registerTypeNames(String... typeNames) {
			this.typeNames.addAll(Arrays.asList(typeNames));
			return this;
		}

		@Override
		public Registry detectInBasePackages(String... packageNames) {
			for (String packageName : packageNames) {
				scanner().findCandidateComponents(packageName)
					.stream()
					.map(BeanDefinition::getBeanClassName)
					.filter((name) -> name != null)
					.forEach(this.typeNames::add);
			}
			return this;
		}

		@Override
		public Registry detectInBasePackages(Class<?>... packageClasses) {
			return detectInBasePackages(Arrays.stream(packageClasses).map(ClassUtils::getPackageName)
				.toArray(String[]::new));
		}

		private ClassPathScanningCandidateComponentProvider scanner() {
			if (this.scanner == null) {
				Assert.state(AbstractHfModelRegistrar.this.environment != null, "Environment has not been set");
				Assert.state(AbstractHfModelRegistrar.this.resourceLoader != null, "ResourceLoader has not been set");
				this.scanner = new HfModelScanner(AbstractHfModelRegistrar.this.environment,
						AbstractHfModelRegistrar.this.resourceLoader);
			}
			return this.scanner;
		}

	}

	/**
	 * Finds interfaces annotated with {@code @HfModel}.
	 */
	private static final class HfModelScanner extends ClassPathScanningCandidateComponentProvider {

		HfModelScanner(Environment environment, ResourceLoader resourceLoader) {
			super(false, environment);
			setResourceLoader(resourceLoader);
			addIncludeFilter(new AnnotationTypeFilter(HfModel.class, true, false));
		}

		@Override
		protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
			AnnotationMetadata metadata = beanDefinition.getMetadata();
			return metadata.isInterface() && metadata.isIndependent() && !metadata.isAnnotation();
		}

	}

}
