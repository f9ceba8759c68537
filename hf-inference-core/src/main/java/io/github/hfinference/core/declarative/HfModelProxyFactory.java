package io.github.hfinference.core.declarative;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.framework.ReflectiveMethodInvocation;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.internal.routing.HubIds;

/**
 * Creates the clients of {@link HfModel @HfModel} interfaces, much like Spring's
 * {@code HttpServiceProxyFactory}: every method is parsed and validated when the client
 * is created, and calls go through a Spring AOP proxy to the {@link HfInferenceClient}.
 *
 * <pre class="code">
 * HfModelProxyFactory factory = HfModelProxyFactory.builder(client)
 *         .modelResolver(ModelResolver.of(Map.of("sentiment", ConfiguredModel.of(definition))))
 *         .build();
 * SentimentClient sentiment = factory.createClient(SentimentClient.class);
 * </pre>
 *
 * Instances are thread-safe; so are the clients they create.
 */
public final class HfModelProxyFactory {

	private final HfInferenceClient client;

	private final ModelResolver modelResolver;

	private final List<CallAdapter.Factory> callAdapterFactories;

	private final Function<Class<?>, Object> toolResolver;

	private HfModelProxyFactory(Builder builder) {
		this.client = builder.client;
		this.modelResolver = builder.modelResolver;
		this.toolResolver = (builder.toolResolver != null) ? builder.toolResolver : builder::tool;
		List<CallAdapter.Factory> factories = new ArrayList<>(builder.callAdapterFactories);
		factories.addAll(CallAdapters.DEFAULTS);
		this.callAdapterFactories = List.copyOf(factories);
	}

	/**
	 * Starts a factory calling through the given client.
	 * @param client the client that executes the calls
	 * @return a builder
	 */
	public static Builder builder(HfInferenceClient client) {
		return new Builder(client);
	}

	/**
	 * Creates a client of an {@code @HfModel} interface.
	 * @param <T> the interface type
	 * @param type the interface
	 * @return the client
	 * @throws HfModelDefinitionException if the interface or one of its methods cannot be
	 * used, or its model is not configured
	 */
	@SuppressWarnings("unchecked")
	public <T> T createClient(Class<T> type) {
		Objects.requireNonNull(type, "type");
		ResolvedModel model = resolveModel(type);
		HfModelMethodParser parser = new HfModelMethodParser(type, model.configured(), model.name(), this.client,
				this.callAdapterFactories, this.toolResolver);
		Map<Method, HfModelMethod> methods = new LinkedHashMap<>();
		for (Method method : type.getMethods()) {
			if (Modifier.isAbstract(method.getModifiers()) && !ReflectionUtils.isObjectMethod(method)) {
				methods.put(method, parser.parse(method));
			}
		}
		String description = "HfModel client " + type.getName() + " (" + model.name() + ")";
		ProxyFactory proxyFactory = new ProxyFactory(type, new HfModelInterceptor(methods, description));
		return (T) proxyFactory.getProxy(type.getClassLoader());
	}

	private ResolvedModel resolveModel(Class<?> type) {
		if (!type.isInterface() || type.isAnnotation()) {
			throw HfModelDefinitionException.forInterface(type, "is not an interface; @HfModel clients are interfaces");
		}
		HfModel annotation = AnnotationUtils.findAnnotation(type, HfModel.class);
		if (annotation == null) {
			throw HfModelDefinitionException.forInterface(type, "is not annotated with @HfModel");
		}
		boolean hasAlias = StringUtils.hasText(annotation.value());
		boolean hasId = StringUtils.hasText(annotation.id());
		if (hasAlias == hasId) {
			throw HfModelDefinitionException.forInterface(type, "must set exactly one of @HfModel's value "
					+ "(a configured model alias) and id (a model id), " + (hasAlias ? "not both" : "but sets neither"));
		}
		if (hasId) {
			String problem = HubIds.modelIdProblem(annotation.id());
			if (problem != null) {
				throw HfModelDefinitionException.forInterface(type, "has @HfModel(id = ...) with a " + problem);
			}
			return new ResolvedModel(ConfiguredModel.of(ModelDefinition.of(annotation.id())),
					"model '" + annotation.id() + "'");
		}
		String alias = annotation.value();
		ConfiguredModel configured = this.modelResolver.resolve(alias).orElseThrow(() -> {
			String source = this.modelResolver.source();
			String configuredAliases = this.modelResolver.aliases().isEmpty() ? "no model is configured"
					: "configured models: " + String.join(", ", this.modelResolver.aliases());
			return HfModelDefinitionException.forInterface(type, "references model '" + alias
					+ "', which is not configured" + ((source != null) ? " under " + source : "") + " ("
					+ configuredAliases + ")");
		});
		return new ResolvedModel(configured, "model '" + alias + "'");
	}

	/** Builds an {@link HfModelProxyFactory}. */
	public static final class Builder {

		private final HfInferenceClient client;

		private ModelResolver modelResolver = ModelResolver.none();

		private final List<CallAdapter.Factory> callAdapterFactories = new ArrayList<>();

		private final List<Object> tools = new ArrayList<>();

		private @Nullable Function<Class<?>, Object> toolResolver;

		private Builder(HfInferenceClient client) {
			this.client = Objects.requireNonNull(client, "client");
		}

		/**
		 * Sets how {@code @HfModel("alias")} finds its configured model.
		 * @param modelResolver the resolver
		 * @return this builder
		 */
		public Builder modelResolver(ModelResolver modelResolver) {
			this.modelResolver = Objects.requireNonNull(modelResolver, "modelResolver");
			return this;
		}

		/**
		 * Adds a factory for return types, asked before those added later and before the
		 * built-in ones (blocking, {@code Mono}, {@code CompletableFuture}).
		 * @param factory the factory
		 * @return this builder
		 */
		public Builder callAdapterFactory(CallAdapter.Factory factory) {
			this.callAdapterFactories.add(Objects.requireNonNull(factory, "factory"));
			return this;
		}

		/**
		 * Registers the objects whose {@code @HfTool} methods {@link UseTools @UseTools}
		 * methods may call (used unless a {@link #toolResolver(Function) resolver} is set).
		 * @param beans the tool objects
		 * @return this builder
		 */
		public Builder tools(Object... beans) {
			this.tools.addAll(List.of(beans));
			return this;
		}

		/**
		 * Sets how the instance of a {@link UseTools @UseTools} class is found when a tool
		 * first runs (Spring Boot: the bean of that type).
		 * @param resolver returns the instance of a class
		 * @return this builder
		 */
		public Builder toolResolver(Function<Class<?>, Object> resolver) {
			this.toolResolver = Objects.requireNonNull(resolver, "resolver");
			return this;
		}

		private Object tool(Class<?> type) {
			return this.tools.stream().filter(type::isInstance).findFirst().orElseThrow(() -> new IllegalStateException(
					"No tool object of type " + type.getName() + " was registered with HfModelProxyFactory.Builder.tools"));
		}

		/** Builds the factory. */
		public HfModelProxyFactory build() {
			return new HfModelProxyFactory(this);
		}

	}

	private record ResolvedModel(ConfiguredModel configured, String name) {

	}

	/**
	 * Routes each call to its parsed method; default methods run as written.
	 */
	private static final class HfModelInterceptor implements MethodInterceptor {

		private final Map<Method, HfModelMethod> methods;

		private final String description;

		HfModelInterceptor(Map<Method, HfModelMethod> methods, String description) {
			this.methods = Map.copyOf(methods);
			this.description = description;
		}

		@Override
		public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Method method = invocation.getMethod();
			HfModelMethod modelMethod = this.methods.get(method);
			if (modelMethod != null) {
				return modelMethod.invoke(invocation.getArguments());
			}
			if (method.isDefault() && invocation instanceof ReflectiveMethodInvocation reflective) {
				return InvocationHandler.invokeDefault(reflective.getProxy(), method, invocation.getArguments());
			}
			if (ReflectionUtils.isToStringMethod(method)) {
				return this.description;
			}
			throw new IllegalStateException("Unexpected method invocation on " + this.description + ": " + method);
		}

	}

}
