package io.github.hfinference.core.chat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ReflectionUtils;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.task.chat.Tool;

/**
 * A tool that runs: its definition (name, description, JSON schema of its arguments) and
 * the Java method it calls with the model's arguments bound to the method's parameter
 * types. Built from {@link HfTool @HfTool} methods with {@link #fromBean(Object)}.
 * Methods returning a {@code Mono} run as they are; others are blocking and run on
 * Reactor's bounded elastic scheduler.
 */
public final class ChatTool {

	private final String name;

	private final String description;

	private final ObjectNode parameters;

	private final Method method;

	private final List<Type> parameterTypes;

	private final List<String> parameterNames;

	private final Supplier<Object> target;

	private ChatTool(Method method, HfTool annotation, Supplier<Object> target) {
		this.method = method;
		this.name = annotation.name().isEmpty() ? method.getName() : annotation.name();
		this.description = annotation.description();
		this.target = target;
		ObjectNode schema = JsonSchemas.MAPPER.createObjectNode();
		schema.put("type", "object");
		ObjectNode properties = schema.putObject("properties");
		List<Type> types = new ArrayList<>();
		List<String> names = new ArrayList<>();
		Parameter[] parameters = method.getParameters();
		for (int i = 0; i < parameters.length; i++) {
			Type type = method.getGenericParameterTypes()[i];
			String problem = JsonSchemas.unbindable(type);
			if (problem != null) {
				throw new HfConfigurationException(location(method) + ": parameter #" + (i + 1) + " ("
						+ JsonSchemas.name(type) + ") cannot be bound from the model's JSON arguments: " + problem);
			}
			if (!parameters[i].isNamePresent()) {
				throw new HfConfigurationException(location(method) + ": parameter names are not in the class file; "
						+ "compile with -parameters so that the tool's arguments can be named");
			}
			properties.set(parameters[i].getName(), JsonSchemas.valueSchema(type));
			types.add(type);
			names.add(parameters[i].getName());
		}
		schema.putArray("required").addAll(names.stream().map(JsonSchemas.MAPPER.getNodeFactory()::stringNode).toList());
		schema.put("additionalProperties", false);
		this.parameters = schema;
		this.parameterTypes = List.copyOf(types);
		this.parameterNames = List.copyOf(names);
	}

	/**
	 * The tools of a bean: one per {@link HfTool @HfTool} method.
	 * @param bean the bean (a Spring proxy is looked through for the annotations)
	 * @return the tools
	 * @throws HfConfigurationException naming the method if a parameter cannot be bound or
	 * the bean has no {@code @HfTool} method
	 */
	public static List<ChatTool> fromBean(Object bean) {
		Objects.requireNonNull(bean, "bean");
		return of(AopUtils.getTargetClass(bean), () -> bean);
	}

	/**
	 * The tools a class declares, calling the instance supplied when they run (looked up
	 * lazily, so that a tool bean may itself depend on a chat client).
	 * @param type the class with {@link HfTool @HfTool} methods
	 * @param instance supplies the instance to call
	 * @return the tools
	 * @throws HfConfigurationException naming the method if a parameter cannot be bound or
	 * the class has no {@code @HfTool} method
	 */
	public static List<ChatTool> of(Class<?> type, Supplier<Object> instance) {
		List<ChatTool> tools = new ArrayList<>();
		ReflectionUtils.doWithMethods(type, (method) -> {
			HfTool annotation = AnnotatedElementUtils.findMergedAnnotation(method, HfTool.class);
			if (annotation != null && tools.stream().noneMatch((tool) -> tool.method.getName().equals(method.getName())
					&& java.util.Arrays.equals(tool.method.getParameterTypes(), method.getParameterTypes()))) {
				ReflectionUtils.makeAccessible(method);
				tools.add(new ChatTool(method, annotation, instance));
			}
		}, ReflectionUtils.USER_DECLARED_METHODS);
		if (tools.isEmpty()) {
			throw new HfConfigurationException(type.getName() + " has no @HfTool method");
		}
		tools.sort(java.util.Comparator.comparing(ChatTool::name));
		return List.copyOf(tools);
	}

	/** The tool's name. */
	public String name() {
		return this.name;
	}

	/** What the tool does. */
	public String description() {
		return this.description;
	}

	/** The JSON schema of its arguments (a copy). */
	public ObjectNode parameters() {
		return this.parameters.deepCopy();
	}

	/** The tool as sent in a request's {@code tools}. */
	@SuppressWarnings("unchecked")
	public Tool definition() {
		return Tool.function(this.name, this.description, JsonSchemas.MAPPER.convertValue(this.parameters, Map.class));
	}

	/**
	 * Runs the tool with the model's arguments.
	 * @param arguments the arguments' JSON text (an object; empty or null for none)
	 * @return the result's text; fails with {@link IllegalArgumentException} if the
	 * arguments do not bind, or with what the method threw
	 */
	public Mono<String> call(@Nullable String arguments) {
		return Mono.defer(() -> {
			Object[] values = bind(arguments);
			Object instance = this.target.get();
			if (Mono.class.isAssignableFrom(this.method.getReturnType())) {
				return ((Mono<?>) invoke(instance, values)).map(JsonSchemas::text).defaultIfEmpty("");
			}
			return Mono.fromCallable(() -> {
				Object result = invoke(instance, values);
				return (this.method.getReturnType() == void.class) ? "done" : JsonSchemas.text(result);
			}).subscribeOn(Schedulers.boundedElastic());
		});
	}

	private Object[] bind(@Nullable String arguments) {
		JsonNode node;
		try {
			node = (arguments == null || arguments.isBlank()) ? JsonSchemas.MAPPER.createObjectNode()
					: JsonSchemas.MAPPER.readTree(arguments);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("the arguments are not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (!node.isObject()) {
			throw new IllegalArgumentException("the arguments are not a JSON object");
		}
		Object[] values = new Object[this.parameterTypes.size()];
		for (int i = 0; i < values.length; i++) {
			JsonNode value = node.get(this.parameterNames.get(i));
			try {
				values[i] = (value == null || value.isNull()) ? nullValue(this.parameterTypes.get(i))
						: JsonSchemas.MAPPER.treeToValue(value,
								JsonSchemas.MAPPER.constructType(this.parameterTypes.get(i)));
			}
			catch (JacksonException ex) {
				throw new IllegalArgumentException("argument '" + this.parameterNames.get(i) + "' does not bind to "
						+ JsonSchemas.name(this.parameterTypes.get(i)) + ": " + ex.getOriginalMessage(), ex);
			}
		}
		return values;
	}

	private Object nullValue(Type type) {
		Class<?> raw = org.springframework.core.ResolvableType.forType(type).toClass();
		if (raw == java.util.Optional.class) {
			return java.util.Optional.empty();
		}
		if (raw.isPrimitive()) {
			throw new IllegalArgumentException("argument of type " + raw + " is missing");
		}
		return null;
	}

	private Object invoke(Object instance, Object[] values) {
		try {
			return this.method.invoke(instance, values);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new java.lang.reflect.UndeclaredThrowableException(cause, cause.getMessage());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String location(Method method) {
		return "@HfTool method " + method.getDeclaringClass().getName() + "." + method.getName();
	}

	@Override
	public String toString() {
		return "ChatTool[" + this.name + " -> " + location(this.method) + "]";
	}

}
