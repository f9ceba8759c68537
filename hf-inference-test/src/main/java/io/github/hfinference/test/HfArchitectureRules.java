package io.github.hfinference.test;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * ArchUnit rules for an application that uses hf-inference (needs
 * {@code com.tngtech.archunit:archunit} on the test class path):
 * <pre class="code">
 * HfArchitectureRules.ONLY_PUBLIC_API.check(new ClassFileImporter().importPackages("com.example"));
 * </pre>
 */
public final class HfArchitectureRules {

	/**
	 * No class of the application depends on a type in one of hf-inference's
	 * {@code ..internal..} packages: those are public only for the library's own modules
	 * and change without notice.
	 */
	public static final ArchRule ONLY_PUBLIC_API = noClasses().that()
		.resideOutsideOfPackage("io.github.hfinference..internal..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("io.github.hfinference..internal..")
		.because("hf-inference's internal packages are not its API and change without notice");

	private HfArchitectureRules() {
	}

}
