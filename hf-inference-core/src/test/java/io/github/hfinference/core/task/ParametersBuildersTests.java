package io.github.hfinference.core.task;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every task's parameters record, found by scanning {@code core.task} (chat included), has
 * a fluent builder that sets each component by name and builds what the canonical
 * constructor builds — as the README promises.
 */
class ParametersBuildersTests {

	@Test
	void everyParametersRecordHasABuilder() throws Exception {
		List<Class<?>> records = parametersRecords();
		assertThat(records).hasSizeGreaterThanOrEqualTo(Tasks.ids().size() / 2)
			.contains(TextGeneration.Parameters.class, GenerationParameters.class, ImageSegmentation.Parameters.class,
					io.github.hfinference.core.task.chat.ChatCompletion.Parameters.class);
		for (Class<?> type : records) {
			Method builderMethod = type.getMethod("builder");
			assertThat(Modifier.isStatic(builderMethod.getModifiers())).as("%s.builder() is static", type).isTrue();
			Object builder = builderMethod.invoke(null);
			assertThat(builder.getClass().getMethod("build").getReturnType()).as("%s builds it", type).isEqualTo(type);
		}
	}

	@Test
	void taskBuildersSetEachComponentByNameAndBuildWhatTheConstructorBuilds() throws Exception {
		for (Class<?> type : parametersRecords()) {
			if (!type.getPackageName().equals(Tasks.class.getPackageName())) {
				continue;
			}
			Object builder = type.getMethod("builder").invoke(null);
			RecordComponent[] components = type.getRecordComponents();
			Object[] values = new Object[components.length];
			for (int i = 0; i < components.length; i++) {
				values[i] = sample(components[i].getType(), i);
				Method setter = builder.getClass().getMethod(components[i].getName(), components[i].getType());
				builder = setter.invoke(builder, values[i]);
			}
			Object built = builder.getClass().getMethod("build").invoke(builder);
			Object constructed = type.getDeclaredConstructor(
					java.util.Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
				.newInstance(values);
			assertThat(built).as("%s built by name equals the canonical constructor's", type).isEqualTo(constructed);
		}
	}

	@Test
	void sameTypedNeighboursCannotSwapThroughTheBuilder() {
		ImageSegmentation.Parameters parameters = ImageSegmentation.Parameters.builder()
			.threshold(0.9)
			.maskThreshold(0.2)
			.build();
		assertThat(parameters.maskThreshold()).isEqualTo(0.2);
		assertThat(parameters.threshold()).isEqualTo(0.9);
		assertThat(parameters.overlapMaskAreaThreshold()).isNull();
	}

	@Test
	void readmeSaysEveryTaskParametersHasABuilder() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
		assertThat(readme).contains("`Parameters` is the task's own nested record (`TextGeneration.Parameters`, "
				+ "...), with a builder; text, image and\naudio classification share one, `ClassificationParameters`.");
	}

	/** Every record with components whose name ends in {@code Parameters} under {@code core.task}. */
	private static List<Class<?>> parametersRecords() throws IOException, ClassNotFoundException {
		String pattern = "classpath*:" + Tasks.class.getPackageName().replace('.', '/') + "/**/*.class";
		CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory();
		List<Class<?>> records = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
			String name = readers.getMetadataReader(resource).getClassMetadata().getClassName();
			Class<?> type = Class.forName(name);
			if (type.isRecord() && type.getRecordComponents().length > 0 && type.getSimpleName().endsWith("Parameters")
					&& Modifier.isPublic(type.getModifiers())
					&& !type.getName().contains("Test")) {
				records.add(type);
			}
		}
		return records;
	}

	private static Object sample(Class<?> type, int index) {
		if (type == Integer.class || type == int.class) {
			return index + 1;
		}
		if (type == Long.class || type == long.class) {
			return index + 1L;
		}
		if (type == Double.class || type == double.class) {
			return index + 0.5;
		}
		if (type == Float.class || type == float.class) {
			return index + 0.5f;
		}
		if (type == Boolean.class || type == boolean.class) {
			return index % 2 == 0;
		}
		if (type == String.class) {
			return "value-" + index;
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[index % type.getEnumConstants().length];
		}
		if (type == List.class) {
			return List.of("item-" + index);
		}
		if (type == Map.class) {
			return Map.of("key-" + index, "value");
		}
		return null;
	}

}
