package io.github.hfinference.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
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

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of {@code hf-inference-core}: how many public types a user can meet, that none of them
 * shows an internal type, what the tasks may depend on, and that its packages do not form cycles.
 */
class ArchitectureTests {

	/**
	 * Public top-level types outside {@code ..internal..}. Lower it when a type goes; a new public type
	 * has to raise it, on purpose.
	 */
	static final int PUBLIC_API_BUDGET = 131;

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.hfinference.core");

	@Test
	void publicApiStaysWithinItsBudget() {
		List<String> publicTypes = publicApiTypes(CORE);
		System.out.println("core public API types: " + publicTypes.size());
		assertThat(publicTypes).as("public top-level types outside ..internal.. (budget %d)", PUBLIC_API_BUDGET)
			.hasSizeLessThanOrEqualTo(PUBLIC_API_BUDGET);
	}

	@Test
	void tasksAreDataAndDoNotKnowTheWire() {
		noClasses().that()
			.resideInAPackage("..core.task..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..core.internal.http..", "io.netty..", "reactor.netty..",
					"org.springframework.web.reactive.function.client..")
			.check(CORE);
	}

	@Test
	void publicPackagesAreFreeOfCycles() {
		slices().matching("io.github.hfinference.core.(*)..")
			.should()
			.beFreeOfCycles()
			.ignoreDependency(DescribedPredicate.alwaysTrue(), JavaClass.Predicates.resideInAPackage("..core.internal.."))
			.ignoreDependency(JavaClass.Predicates.resideInAPackage("..core.internal.."), DescribedPredicate.alwaysTrue())
			.check(CORE);
	}

	@Test
	void internalPackagesAreFreeOfCycles() {
		slices().matching("io.github.hfinference.core.internal.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void publicApiDoesNotExposeInternals() {
		List<String> leaks = new ArrayList<>();
		CORE.stream().filter(ArchitectureTests::isApi).forEach((type) -> {
			Stream.concat(type.getRawSuperclass().stream(), type.getRawInterfaces().stream())
				.filter(ArchitectureTests::isInternal)
				.forEach((supertype) -> leaks.add(type.getName() + " extends " + supertype.getName()));
			Stream.concat(type.getFields().stream(), type.getCodeUnits().stream())
				.filter(ArchitectureTests::isVisible)
				.forEach((member) -> involvedTypes(member).stream()
					.filter(ArchitectureTests::isInternal)
					.forEach((internal) -> leaks.add(member.getFullName() + " exposes " + internal.getName())));
		});
		assertThat(leaks).as("core.internal types in core's public API").isEmpty();
	}

	static List<String> publicApiTypes(JavaClasses classes) {
		return classes.stream()
			.filter(JavaClass::isTopLevelClass)
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter((type) -> !type.getSimpleName().equals("package-info"))
			.filter((type) -> !type.getPackageName().contains(".internal"))
			.map(JavaClass::getName)
			.sorted()
			.toList();
	}

	private static boolean isApi(JavaClass type) {
		return type.getModifiers().contains(JavaModifier.PUBLIC) && !isInternal(type)
				&& (type.isTopLevelClass() || type.getEnclosingClass().map(ArchitectureTests::isApi).orElse(false));
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
		return type.getPackageName().startsWith("io.github.hfinference.core.internal");
	}

}
