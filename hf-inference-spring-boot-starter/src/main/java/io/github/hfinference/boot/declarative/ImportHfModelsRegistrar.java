package io.github.hfinference.boot.declarative;

import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers the interfaces named by {@link ImportHfModels @ImportHfModels} annotations.
 */
class ImportHfModelsRegistrar extends AbstractHfModelRegistrar {

	@Override
	protected void registerHfModels(Registry registry, AnnotationMetadata importingClassMetadata) {
		MergedAnnotation<ImportHfModels.Container> container = importingClassMetadata.getAnnotations()
			.get(ImportHfModels.Container.class);
		if (container.isPresent()) {
			for (MergedAnnotation<ImportHfModels> annotation : container.getAnnotationArray("value",
					ImportHfModels.class)) {
				register(annotation, registry, importingClassMetadata);
			}
		}
		importingClassMetadata.getAnnotations()
			.stream(ImportHfModels.class)
			.forEach((annotation) -> register(annotation, registry, importingClassMetadata));
	}

	private void register(MergedAnnotation<ImportHfModels> annotation, Registry registry,
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
