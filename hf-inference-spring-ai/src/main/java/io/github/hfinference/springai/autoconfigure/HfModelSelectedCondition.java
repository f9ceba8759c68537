package io.github.hfinference.springai.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the default Hugging Face model bean of a kind is wanted: when
 * {@code spring.ai.model.<kind>} is {@code huggingface} (its alias property is then
 * required), or when {@code spring.ai.model.<kind>} is not set and the alias property is.
 */
abstract class HfModelSelectedCondition extends SpringBootCondition {

	/** The value of {@code spring.ai.model.*} that selects these models. */
	static final String HUGGINGFACE = "huggingface";

	private final String selection;

	private final String alias;

	HfModelSelectedCondition(String selection, String alias) {
		this.selection = selection;
		this.alias = alias;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		String selected = environment.getProperty(this.selection);
		if (selected != null) {
			return HUGGINGFACE.equals(selected)
					? ConditionOutcome.match(this.selection + " is " + HUGGINGFACE)
					: ConditionOutcome.noMatch(this.selection + " is '" + selected + "'");
		}
		return environment.containsProperty(this.alias)
				? ConditionOutcome.match(this.selection + " is not set and " + this.alias + " is")
				: ConditionOutcome.noMatch("neither " + this.selection + " nor " + this.alias + " is set");
	}

	/** The default chat model. */
	static final class Chat extends HfModelSelectedCondition {

		Chat() {
			super("spring.ai.model.chat", "hf.inference.spring-ai.chat-model");
		}

	}

	/** The default embedding model. */
	static final class Embedding extends HfModelSelectedCondition {

		Embedding() {
			super("spring.ai.model.embedding", "hf.inference.spring-ai.embedding-model");
		}

	}

}
