package io.github.hfinference.boot.declarative;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartFactoryBean;
import org.springframework.util.Assert;

import io.github.hfinference.core.declarative.HfModelProxyFactory;

/**
 * Creates the client of one {@link io.github.hfinference.core.declarative.HfModel @HfModel}
 * interface from the context's {@link HfModelProxyFactory}. The client is created eagerly,
 * so every method is validated at startup.
 *
 * @param <T> the interface type
 */
public final class HfModelFactoryBean<T> implements SmartFactoryBean<T>, BeanFactoryAware {

	private final Class<T> type;

	private @Nullable BeanFactory beanFactory;

	/**
	 * Creates a factory bean.
	 * @param type the {@code @HfModel} interface
	 */
	public HfModelFactoryBean(Class<T> type) {
		this.type = Objects.requireNonNull(type, "type");
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public T getObject() {
		Assert.state(this.beanFactory != null, "BeanFactory has not been set");
		return this.beanFactory.getBean(HfModelProxyFactory.class).createClient(this.type);
	}

	@Override
	public Class<T> getObjectType() {
		return this.type;
	}

	@Override
	public boolean isEagerInit() {
		return true;
	}

}
