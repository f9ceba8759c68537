package io.github.hfinference.local;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects one {@link LocalInferenceProvider} with the bundled model into the test classes
 * that ask for it, loaded once for the whole run and closed by JUnit at its end.
 */
class SharedLocalProvider implements ParameterResolver {

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(SharedLocalProvider.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalInferenceProvider.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(LocalInferenceProvider.class, (key) -> LocalInferenceProvider.builder().build(),
					LocalInferenceProvider.class);
	}

}
