package io.github.hfinference.test.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

import io.github.hfinference.test.AutoConfigureHfInferenceStub;
import io.github.hfinference.test.HfInferenceStub;

/**
 * Registered in {@code META-INF/spring.factories}: for a test class with
 * {@link AutoConfigureHfInferenceStub}, starts a stub before the context refreshes, puts
 * its URL and the token first among the property sources, registers it as a bean and
 * stops it with the context.
 */
public final class HfInferenceStubContextCustomizerFactory implements ContextCustomizerFactory {

	/** The stub's bean name. */
	public static final String BEAN_NAME = "hfInferenceStub";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureHfInferenceStub annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureHfInferenceStub.class);
		return (annotation != null) ? new StubCustomizer(annotation.port(), annotation.token()) : null;
	}

	private static final class StubCustomizer implements ContextCustomizer {

		private final int port;

		private final String token;

		StubCustomizer(int port, String token) {
			this.port = port;
			this.token = token;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			HfInferenceStub stub = HfInferenceStub.start(this.port);
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("hfInferenceStub",
						Map.of("hf.inference.base-url", stub.baseUrl().toString(), "hf.inference.hub-url",
								stub.hubUrl().toString(), "hf.inference.token", this.token)));
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			beanFactory.registerSingleton(BEAN_NAME, stub);
			if (beanFactory instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean(BEAN_NAME, stub::close);
			}
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof StubCustomizer that && this.port == that.port && this.token.equals(that.token);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.port, this.token);
		}

	}

}
