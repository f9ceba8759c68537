package io.github.hfinference.test.internal;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;

import io.github.hfinference.test.AutoConfigureHfInferenceStub;
import io.github.hfinference.test.HfInferenceStub;

/**
 * Registered in {@code META-INF/spring.factories}: clears the stub's scripts and calls
 * before each test method of a class with {@link AutoConfigureHfInferenceStub}, so tests
 * sharing a cached context do not see each other's.
 */
public final class HfInferenceStubResetListener implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(), AutoConfigureHfInferenceStub.class)) {
			testContext.getApplicationContext().getBeanProvider(HfInferenceStub.class).ifAvailable(HfInferenceStub::reset);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

}
