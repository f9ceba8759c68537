package io.github.hfinference.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.github.hfinference.core.declarative.HfModelDefinitionException;
import io.github.hfinference.core.error.HfConfigurationException;

/**
 * Reports a startup failure caused by Hugging Face inference configuration (an
 * {@code hf.inference} property or an {@code @HfModel} interface) with its message and
 * what to fix.
 */
class HfConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<HfConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, HfConfigurationException cause) {
		String action = (cause instanceof HfModelDefinitionException)
				? "Fix the @HfModel interface named above, or the model it refers to under hf.inference.models."
				: "Fix the hf.inference configuration named above.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
