package io.github.hfinference.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.github.hfinference.core.declarative.HfModelDefinitionException;
import io.github.hfinference.core.error.HfConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;

class HfConfigurationFailureAnalyzerTests {

	private final HfConfigurationFailureAnalyzer analyzer = new HfConfigurationFailureAnalyzer();

	@Test
	void propertyProblemIsDescribedWithItsMessage() {
		HfConfigurationException cause = new HfConfigurationException("hf.inference.timeout must be positive, got PT0S");
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("hfInferenceClient", "failed", cause));
		assertThat(analysis.getDescription()).isEqualTo("hf.inference.timeout must be positive, got PT0S");
		assertThat(analysis.getAction()).isEqualTo("Fix the hf.inference configuration named above.");
	}

	@Test
	void interfaceProblemPointsAtTheInterface() {
		HfModelDefinitionException cause = new HfModelDefinitionException("HfModel interface x.Chat, method ask(): ...");
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("chat", "failed", cause));
		assertThat(analysis.getDescription()).isEqualTo("HfModel interface x.Chat, method ask(): ...");
		assertThat(analysis.getAction()).startsWith("Fix the @HfModel interface named above");
	}

}
