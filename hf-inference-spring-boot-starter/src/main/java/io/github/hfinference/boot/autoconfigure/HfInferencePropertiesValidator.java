package io.github.hfinference.boot.autoconfigure;

import java.time.Duration;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.github.hfinference.core.error.HfConfigurationException;

/**
 * Bind-time checks of {@link HfInferenceProperties}: a failure stops start-up before any
 * bean is built, and Spring Boot reports the property and the reason. The checks of the
 * connection and the models are {@link HfInferencePropertiesMapper#validate() the
 * mapper's}, so that they are written once; only whether an in-process provider is
 * registered waits for the beans.
 */
final class HfInferencePropertiesValidator implements Validator {

	@Override
	public boolean supports(Class<?> type) {
		return HfInferenceProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		HfInferenceProperties properties = (HfInferenceProperties) target;
		HfInferenceProperties.Health health = properties.getHealth();
		positive(errors, "health.token-ttl", health.getTokenTtl());
		positive(errors, "health.model-ttl", health.getModelTtl());
		positive(errors, "health.timeout", health.getTimeout());
		positive(errors, "health.deadline", health.getDeadline());
		positive(errors, "observations.cost.prices-ttl", properties.getObservations().getCost().getPricesTtl());
		try {
			new HfInferencePropertiesMapper(properties).validate();
		}
		catch (HfConfigurationException ex) {
			errors.reject("hf.inference", ex.getMessage());
		}
	}

	private static void positive(Errors errors, String property, Duration value) {
		if (value == null || value.isZero() || value.isNegative()) {
			errors.rejectValue(property, "positive", "must be positive, got " + value);
		}
	}

}
