package io.github.hfinference.boot.declarative;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the interfaces named by {@link EnableHfModels @EnableHfModels} annotations.
 */
class EnableHfModelsRegistrar extends AbstractHfModelRegistrar {

	@Override
	protected void registerHfModels(Registry registry, AnnotationMetadata importingClassMetadata) {
		MergedAnnotation<EnableHfModels.Container> container = importingClassMetadata.getAnnotations()
			.get(EnableHfModels.Container.class);
		if (container.isPresent()) {
			for (MergedAnnotation<EnableHfModels> annotation : container.getAnnotationArray("value",
					EnableHfModels.class)) {
				register(annotation, registry, importingClassMetadata);
			}
		}
		importingClassMetadata.getAnnotations()
			.stream(EnableHfModels.class)
			.forEach((annotation) -> register(annotation, registry, importingClassMetadata));
	}

	private void register(MergedAnnotation<EnableHfModels> annotation, Registry registry,
			AnnotationMetadata importingClassMetadata) {
		Class<?>[] types = annotation.getClassArray("types");
		String[] basePackages = annotation.getStringArray("basePackages");
		Class<?>[] basePackageClasses = annotation.getClassArray("basePackageClasses");
		if (types.length == 0 && basePackages.length == 0 && basePackageClasses.length == 0) {
			registry.detectInBasePackages(ClassUtils.getPackageName(importingClassMetadata.getClassName()));
			return;
		}
		registry.register(types).detectInBasePackages(basePackages).detectInBasePackages(basePackageClasses);
	}

}
