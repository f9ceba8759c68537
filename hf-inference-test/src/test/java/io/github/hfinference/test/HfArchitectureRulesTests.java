package io.github.hfinference.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HfArchitectureRulesTests {

	@Test
	void applicationCodeUsingAnInternalTypeIsReportedWithTheTypeItUses() {
		JavaClasses application = new ClassFileImporter().importPackages("io.github.hfinference.test.archfixture");

		EvaluationResult result = HfArchitectureRules.ONLY_PUBLIC_API.evaluate(application);

		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails())
			.anySatisfy((line) -> assertThat(line).contains("ReachesIntoInternals")
				.contains("io.github.hfinference.core.internal.http.SseEventDecoder"));
	}

	@Test
	void applicationCodeUsingThePublicApiPasses() {
		JavaClasses application = new ClassFileImporter().importClasses(StubClients.class);

		assertThat(HfArchitectureRules.ONLY_PUBLIC_API.evaluate(application).hasViolation()).isFalse();
	}

}
