package io.github.hfinference.samples.web;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import io.github.hfinference.test.HfArchitectureRules;

/** A sample is user code: it gets by with the public API, as the test kit's rule checks. */
class SampleArchitectureTests {

	@Test
	void sampleUsesOnlyThePublicApi() {
		HfArchitectureRules.ONLY_PUBLIC_API.check(new ClassFileImporter().importPackages("io.github.hfinference.samples"));
	}

}
