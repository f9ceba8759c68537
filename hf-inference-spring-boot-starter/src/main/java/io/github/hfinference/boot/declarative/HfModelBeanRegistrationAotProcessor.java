package io.github.hfinference.boot.declarative;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;

/**
 * Registers the runtime hints an {@code @HfModel} client needs in a native image: a JDK
 * proxy of the interface with Spring's proxy interfaces, and reflection on its methods.
 */
class HfModelBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		if (!HfModelFactoryBean.class.isAssignableFrom(registeredBean.getBeanClass())) {
			return null;
		}
		Class<?> type = registeredBean.getBeanType().as(HfModelFactoryBean.class).getGeneric(0).resolve();
		if (type == null || !type.isInterface()) {
			return null;
		}
		return (generationContext, beanRegistrationCode) -> registerHints(generationContext.getRuntimeHints(), type);
	}

	private static void registerHints(RuntimeHints hints, Class<?> type) {
		hints.proxies().registerJdkProxy(AopProxyUtils.completeJdkProxyInterfaces(type));
		hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
	}

}
