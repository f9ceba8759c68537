package io.github.hfinference.samples.web;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A sample is user code: it gets by with the public API and never reaches into
 * {@code io.github.hfinference.core.internal}.
 */
class SampleArchitectureTests {

	private static final JavaClasses SAMPLE = new ClassFileImporter().importPackages("io.github.hfinference.samples");

	@Test
	void sampleUsesOnlyThePublicApi() {
		noClasses().that()
			.resideOutsideOfPackage("..internal..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..core.internal..")
			.check(SAMPLE);
	}

}
