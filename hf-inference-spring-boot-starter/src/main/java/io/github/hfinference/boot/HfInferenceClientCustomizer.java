package io.github.hfinference.boot;

import io.github.hfinference.core.HfInferenceClient;

/**
 * Callback that customizes the {@link HfInferenceClient.Builder} of the auto-configured
 * {@link HfInferenceClient}, after the {@code hf.inference} properties are applied.
 * Customizers are applied in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface HfInferenceClientCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(HfInferenceClient.Builder builder);

}
