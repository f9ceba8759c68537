package io.github.hfinference.boot;

import io.github.hfinference.core.declarative.HfModelProxyFactory;

/**
 * Callback that customizes the {@link HfModelProxyFactory.Builder} used to create the
 * clients of {@code @HfModel} interfaces, for example to add a
 * {@link io.github.hfinference.core.declarative.CallAdapter.Factory}. Customizers are
 * applied in {@link org.springframework.core.Ordered order}.
 */
@FunctionalInterface
public interface HfModelProxyFactoryCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder
	 */
	void customize(HfModelProxyFactory.Builder builder);

}
