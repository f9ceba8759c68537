package io.github.hfinference.boot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter may wire core's internals (the transport, the router's provider table), but what it offers
 * users must not: no public or protected member, no supertype of its public types names a
 * {@code io.github.hfinference.core.internal} type.
 */
class StarterApiTests {

	private static final String CORE_INTERNAL = "io.github.hfinference.core.internal.";

	private static final JavaClasses STARTER = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.hfinference.boot");

	@Test
	void publicApiDoesNotExposeCoreInternals() {
		List<String> leaks = new ArrayList<>();
		STARTER.stream().filter(StarterApiTests::isApi).forEach((type) -> {
			Stream.concat(type.getRawSuperclass().stream(), type.getRawInterfaces().stream())
				.filter(StarterApiTests::isInternal)
				.forEach((supertype) -> leaks.add(type.getName() + " extends " + supertype.getName()));
			Stream.concat(type.getFields().stream(), type.getCodeUnits().stream())
				.filter(StarterApiTests::isVisible)
				.forEach((member) -> involvedTypes(member).stream()
					.filter(StarterApiTests::isInternal)
					.forEach((internal) -> leaks.add(member.getFullName() + " exposes " + internal.getName())));
		});
		assertThat(leaks).as("core.internal types in the starter's public API").isEmpty();
	}

	private static boolean isApi(JavaClass type) {
		return type.getModifiers().contains(JavaModifier.PUBLIC) && !type.getPackageName().contains(".internal")
				&& (type.isTopLevelClass() || type.getEnclosingClass().map(StarterApiTests::isApi).orElse(false));
	}

	private static boolean isVisible(JavaMember member) {
		Set<JavaModifier> modifiers = member.getModifiers();
		return !modifiers.contains(JavaModifier.SYNTHETIC)
				&& (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED));
	}

	private static Set<JavaClass> involvedTypes(JavaMember member) {
		if (member instanceof JavaField field) {
			return field.getType().getAllInvolvedRawTypes();
		}
		JavaCodeUnit codeUnit = (JavaCodeUnit) member;
		Set<JavaClass> types = new HashSet<>(codeUnit.getReturnType().getAllInvolvedRawTypes());
		for (JavaType parameter : codeUnit.getParameterTypes()) {
			types.addAll(parameter.getAllInvolvedRawTypes());
		}
		return types;
	}

	private static boolean isInternal(JavaClass type) {
		return type.getName().startsWith(CORE_INTERNAL);
	}

}
