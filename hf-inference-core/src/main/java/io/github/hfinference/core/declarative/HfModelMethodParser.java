package io.github.hfinference.core.declarative;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import reactor.core.publisher.Flux;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.chat.ChatTool;
import io.github.hfinference.core.chat.HfChatClient;
import io.github.hfinference.core.chat.StructuredOutput;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.declarative.HfModelMethod.Binding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.NoParameters;
import io.github.hfinference.core.task.StreamingTask;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Tasks;
import io.github.hfinference.core.task.responses.Responses;

/**
 * Parses the methods of one {@link HfModel @HfModel} interface, failing with an
 * {@link HfModelDefinitionException} that names the method and the problem. The task
 * comes from {@link InferenceTask @InferenceTask}, else from the model's configuration,
 * else from the one known task whose input and result types match the method's. A
 * {@code Flux<C>} method binds to the streaming variant of that task
 * ({@link Tasks#streamingFor(Task)}).
 */
final class HfModelMethodParser {

	private static final String SHAPE = "a method takes exactly one input, optionally the task's parameters "
			+ "object and optionally a CallOptions";

	private final Class<?> type;

	private final ConfiguredModel model;

	private final String modelName;

	private final HfInferenceClient client;

	private final List<CallAdapter.Factory> callAdapterFactories;

	private final Function<Class<?>, Object> toolResolver;

	HfModelMethodParser(Class<?> type, ConfiguredModel model, String modelName, HfInferenceClient client,
			List<CallAdapter.Factory> callAdapterFactories, Function<Class<?>, Object> toolResolver) {
		this.type = type;
		this.model = model;
		this.modelName = modelName;
		this.client = client;
		this.callAdapterFactories = callAdapterFactories;
		this.toolResolver = toolResolver;
	}

	/** The tasks a method may run: every known task and its batch variants. */
	static List<Task<?, ?, ?>> candidateTasks() {
		Set<Task<?, ?, ?>> tasks = new LinkedHashSet<>(Tasks.all());
		tasks.add(FeatureExtraction.BATCH);
		return List.copyOf(tasks);
	}

	HfModelMethod parse(Method method) {
		CallAdapter callAdapter = callAdapter(method);
		ResolvableType valueType = callAdapter.valueType();
		boolean withMetadata = valueType.toClass() == InferenceResponse.class;
		if (withMetadata && callAdapter.streaming()) {
			throw error(method, "streams " + TypeNames.of(valueType) + ", but a streaming method returns its chunks "
					+ "(Flux<ChatCompletionChunk>, Flux<TextGeneration.StreamOutput>) or their text (Flux<String>); "
					+ "use HfInferenceClient.executeStream for the response metadata");
		}
		if (withMetadata) {
			if (CallAdapters.isRaw(valueType)) {
				throw error(method, "returns a raw InferenceResponse; declare its value type, for example "
						+ "InferenceResponse<List<ClassificationOutput>>");
			}
			valueType = valueType.getGeneric(0);
		}
		Signature signature = signature(method);
		Binding binding = bind(method, signature, new Returned(valueType, callAdapter.streaming()));
		return new HfModelMethod(location(method), this.client, this.model.definition(), binding,
				withMetadata, callAdapter, tools(method, binding));
	}

	private List<ChatTool> tools(Method method, Binding binding) {
		UseTools annotation = AnnotatedElementUtils.findMergedAnnotation(method, UseTools.class);
		if (annotation == null) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(this.type, UseTools.class);
		}
		if (annotation == null) {
			return List.of();
		}
		if (!Conversions.takesMessages(binding.task())) {
			throw error(method, "uses tools (@UseTools), but runs task " + binding.task().id()
					+ "; only chat-completion calls tools");
		}
		List<ChatTool> tools = new ArrayList<>();
		for (Class<?> toolType : annotation.value()) {
			try {
				tools.addAll(ChatTool.of(toolType, () -> this.toolResolver.apply(toolType)));
			}
			catch (HfConfigurationException ex) {
				throw error(method, "uses tools (@UseTools) that cannot be called: " + ex.getMessage());
			}
		}
		return tools;
	}

	private CallAdapter callAdapter(Method method) {
		ResolvableType returnType = ResolvableType.forMethodReturnType(method, this.type);
		for (CallAdapter.Factory factory : this.callAdapterFactories) {
			CallAdapter adapter;
			try {
				adapter = factory.get(returnType, method);
			}
			catch (IllegalArgumentException ex) {
				throw error(method, ex.getMessage());
			}
			if (adapter != null) {
				return adapter;
			}
		}
		throw error(method, "has the unsupported return type " + TypeNames.of(returnType));
	}

	private Signature signature(Method method) {
		List<ResolvableType> types = IntStream.range(0, method.getParameterCount())
			.mapToObj((index) -> ResolvableType.forMethodParameter(method, index, this.type))
			.toList();
		List<Integer> options = IntStream.range(0, types.size())
			.filter((index) -> types.get(index).toClass() == CallOptions.class)
			.boxed()
			.toList();
		if (options.size() > 1) {
			throw HfModelDefinitionException.forParameter(this.type, method, options.get(1),
					"is a second CallOptions; " + SHAPE);
		}
		List<Integer> others = IntStream.range(0, types.size()).filter((index) -> !options.contains(index)).boxed().toList();
		if (others.isEmpty()) {
			throw error(method, "has no input parameter; " + SHAPE);
		}
		if (others.size() > 3 || (others.size() == 3
				&& others.stream().noneMatch((index) -> Conversions.isImages(types.get(index))))) {
			throw error(method, "has " + others.size() + " parameters besides CallOptions; " + SHAPE);
		}
		return new Signature(types, others, options.isEmpty() ? -1 : options.get(0));
	}

	private Binding bind(Method method, Signature signature, Returned valueType) {
		InferenceTask annotation = AnnotatedElementUtils.findMergedAnnotation(method, InferenceTask.class);
		if (annotation != null) {
			Task<?, ?, ?> named = Tasks.byId(annotation.value())
				.orElseThrow(() -> error(method, "names the unknown task '" + annotation.value()
						+ "' in @InferenceTask; known tasks: " + String.join(", ", Tasks.ids())));
			return bindNamed(method, signature, valueType, named,
					"task named by @InferenceTask(\"" + annotation.value() + "\")");
		}
		Task<?, ?, ?> configured = this.model.task();
		if (configured != null) {
			return bindNamed(method, signature, valueType, configured,
					"task configured for " + this.modelName);
		}
		return infer(method, signature, valueType);
	}

	private Binding bindNamed(Method method, Signature signature, Returned valueType, Task<?, ?, ?> task,
			String source) {
		List<Task<?, ?, ?>> variants = new ArrayList<>();
		variants.add(task);
		candidateTasks().stream().filter((candidate) -> candidate.id().equals(task.id()) && candidate != task)
			.forEach(variants::add);
		Attempt best = null;
		for (Task<?, ?, ?> variant : variants) {
			Attempt attempt = attempt(method, signature, valueType, variant);
			if (attempt.binding() != null) {
				return attempt.binding();
			}
			if (best == null || (attempt.inputMatched() && !best.inputMatched())) {
				best = attempt;
			}
		}
		throw error(method, best.problem() + " (" + source + ")");
	}

	private Binding infer(Method method, Signature signature, Returned valueType) {
		// responses takes and returns text like chat: it runs only when named, so that a
		// String-to-String method keeps meaning chat-completion
		List<Task<?, ?, ?>> tasks = candidateTasks().stream().filter((task) -> task != Responses.TASK).toList();
		if (signature.others().size() == 2 && tasks.stream()
			.noneMatch((task) -> signature.others().stream().anyMatch((index) -> isParameters(task, signature, index))
					|| imagesIndex(task, signature, signature.others()) >= 0)) {
			throw error(method, "has two input parameters (" + describeParameters(method, signature.others()) + "); "
					+ SHAPE);
		}
		List<Binding> matches = tasks.stream()
			.map((task) -> attempt(method, signature, valueType, task, false).binding())
			.filter((binding) -> binding != null)
			.toList();
		if (matches.isEmpty()) {
			matches = tasks.stream()
				.filter(Conversions::takesMessages)
				.map((task) -> attempt(method, signature, valueType, task, true).binding())
				.filter((binding) -> binding != null)
				.toList();
		}
		if (matches.size() == 1) {
			return matches.get(0);
		}
		Function<Task<?, ?, ?>, String> describe = valueType.streaming() ? HfModelMethodParser::describeStreaming
				: HfModelMethodParser::describe;
		String inputs = signature.others().stream().map((index) -> TypeNames.of(signature.types().get(index)))
			.collect(Collectors.joining(", "));
		if (matches.isEmpty()) {
			List<Task<?, ?, ?>> sameInput = tasks.stream()
				.filter((task) -> signature.others()
					.stream()
					.anyMatch((index) -> ResolvableType.forType(task.inputType())
						.isAssignableFrom(signature.types().get(index))))
				.toList();
			if (valueType.streaming()) {
				sameInput = sameInput.stream().filter((task) -> Tasks.streamingFor(task).isPresent()).toList();
			}
			throw error(method, "cannot infer its task: no task takes (" + inputs + ") and " + valueType.verb() + "s "
					+ TypeNames.of(valueType.type()) + "; name the task with @InferenceTask or configure a task for "
					+ this.modelName + ". " + (sameInput.isEmpty() ? "Known tasks: " : "Tasks taking (" + inputs + "): ")
					+ (sameInput.isEmpty() ? tasks : sameInput).stream()
						.map(describe)
						.collect(Collectors.joining(", ")));
		}
		throw error(method, "cannot infer its task, several tasks take (" + inputs + ") and " + valueType.verb() + " "
				+ TypeNames.of(valueType.type()) + ": " + matches.stream().map((binding) -> describe.apply(binding.task()))
					.collect(Collectors.joining(", "))
				+ "; name one with @InferenceTask or configure a task for " + this.modelName);
	}

	private Attempt attempt(Method method, Signature signature, Returned returned, Task<?, ?, ?> task) {
		return attempt(method, signature, returned, task, true);
	}

	/**
	 * Binds a method to one task; a chat method returning a record or POJO binds to a
	 * typed answer only when {@code typedAnswers} (the task was named, or no other task
	 * matched).
	 */
	@SuppressWarnings("unchecked")
	private Attempt attempt(Method method, Signature signature, Returned returned, Task<?, ?, ?> task,
			boolean typedAnswers) {
		List<Integer> parameters = signature.others().stream()
			.filter((index) -> isParameters(task, signature, index))
			.toList();
		if (parameters.size() > 1) {
			return Attempt.failed("parameters " + describeParameters(method, parameters) + " are both "
					+ TypeNames.of(task.parametersType()) + "; " + SHAPE, false);
		}
		List<Integer> inputs = signature.others().stream().filter((index) -> !parameters.contains(index)).toList();
		int images = imagesIndex(task, signature, inputs);
		if (images >= 0) {
			inputs = inputs.stream().filter((index) -> index != images).toList();
		}
		if (inputs.isEmpty()) {
			return Attempt.failed("has no input parameter besides the parameters of task " + task.id() + "; " + SHAPE,
					false);
		}
		if (inputs.size() > 1) {
			return Attempt.failed("has two input parameters (" + describeParameters(method, inputs) + "), but task "
					+ task.id() + " takes one input (" + TypeNames.of(task.inputType()) + "), optionally its "
					+ "parameters (" + TypeNames.of(task.parametersType()) + ") and a CallOptions", false);
		}
		int input = inputs.get(0);
		Function<Object, Object> inputConversion = Conversions.input(task, signature.types().get(input));
		if (inputConversion == null) {
			return Attempt.failed(describeParameter(method, input) + " is not an input of task " + task.id()
					+ ", which takes " + TypeNames.of(task.inputType()), false);
		}
		ResolvableType valueType = returned.type();
		if (returned.streaming()) {
			StreamingTask<?, ?, ?> streaming = Tasks.streamingFor(task).orElse(null);
			if (streaming == null) {
				return Attempt.failed("streams " + TypeNames.of(valueType) + ", but task " + task.id()
						+ " cannot stream; streaming tasks: " + Tasks.streaming().stream()
							.map(HfModelMethodParser::describeStreaming)
							.collect(Collectors.joining(", ")), true);
			}
			Function<Flux<Object>, Flux<?>> chunkConversion = Conversions.chunks(streaming, valueType);
			if (chunkConversion == null) {
				return Attempt.failed("streams " + TypeNames.of(valueType) + ", but task " + task.id()
						+ " streams " + TypeNames.of(streaming.chunkType()) + " (or their text as String)"
						+ (Conversions.takesMessages(task) ? "; a typed (structured output) chat answer cannot stream, "
								+ "it is read once complete: return Mono<" + TypeNames.of(valueType) + "> or "
								+ TypeNames.of(valueType) : ""), true);
			}
			return new Attempt(new Binding((Task<Object, Object, Object>) task, input,
					parameters.isEmpty() ? -1 : parameters.get(0), signature.options(), inputConversion,
					Function.identity(), (StreamingTask<Object, Object, Object>) streaming, chunkConversion, images, null),
					"", true);
		}
		Function<Object, Object> resultConversion = Conversions.result(task, valueType);
		StructuredOutput<Object> structured = null;
		if (resultConversion == null && typedAnswers && Conversions.takesMessages(task)) {
			try {
				structured = HfChatClient.structuredOutput(valueType.getType());
			}
			catch (HfConfigurationException ex) {
				return Attempt.failed("returns " + TypeNames.of(valueType) + ", which cannot be a typed (structured "
						+ "output) chat answer: " + ex.getMessage(), true);
			}
			resultConversion = Function.identity();
		}
		if (resultConversion == null) {
			return Attempt.failed("returns " + TypeNames.of(valueType) + ", but task " + task.id() + " returns "
					+ TypeNames.of(task.resultType()), true);
		}
		return new Attempt(new Binding((Task<Object, Object, Object>) task, input,
				parameters.isEmpty() ? -1 : parameters.get(0), signature.options(), inputConversion, resultConversion,
				null, (chunks) -> chunks, images, structured), "", true);
	}

	/**
	 * The index of the images of a chat method taking a {@code String} prompt and a
	 * {@code BinaryInput} or {@code List<BinaryInput>}, or -1.
	 */
	private static int imagesIndex(Task<?, ?, ?> task, Signature signature, List<Integer> inputs) {
		if (inputs.size() != 2 || !Conversions.takesMessages(task)) {
			return -1;
		}
		for (int i = 0; i < 2; i++) {
			int images = inputs.get(i);
			int text = inputs.get(1 - i);
			if (Conversions.isImages(signature.types().get(images))
					&& signature.types().get(text).toClass() == String.class) {
				return images;
			}
		}
		return -1;
	}

	private static boolean isParameters(Task<?, ?, ?> task, Signature signature, int index) {
		return task.parametersType() != NoParameters.class
				&& signature.types().get(index).toClass() == task.parametersType();
	}

	private static String describe(Task<?, ?, ?> task) {
		return task.id() + " (" + TypeNames.of(task.inputType()) + " -> " + TypeNames.of(task.resultType()) + ")";
	}

	private static String describeStreaming(Task<?, ?, ?> task) {
		return Tasks.streamingFor(task)
			.map((streaming) -> task.id() + " (" + TypeNames.of(task.inputType()) + " -> "
					+ TypeNames.of(streaming.chunkType()) + " chunks)")
			.orElseGet(() -> describe(task));
	}

	private static String describeStreaming(StreamingTask<?, ?, ?> task) {
		return describeStreaming(task.task());
	}

	private static String describeParameter(Method method, int index) {
		return "parameter #" + (index + 1) + " (" + TypeNames.of(method.getGenericParameterTypes()[index]) + ")";
	}

	private static String describeParameters(Method method, List<Integer> indexes) {
		return indexes.stream().map((index) -> describeParameter(method, index)).collect(Collectors.joining(" and "));
	}

	private String location(Method method) {
		return HfModelDefinitionException.location(this.type, method);
	}

	private HfModelDefinitionException error(Method method, @Nullable String problem) {
		return HfModelDefinitionException.forMethod(this.type, method, String.valueOf(problem));
	}

	/**
	 * A method's parameter types, which of them are not {@link CallOptions}, and where
	 * its {@code CallOptions} is.
	 */
	private record Signature(List<ResolvableType> types, List<Integer> others, int options) {

	}

	/**
	 * What a method gives back: the value type ({@code R}) of a method returning one
	 * result, or the element type ({@code C}) of a {@code Flux<C>} method.
	 */
	private record Returned(ResolvableType type, boolean streaming) {

		String verb() {
			return this.streaming ? "stream" : "return";
		}

	}

	/**
	 * Binding a method to one task: the binding, or why it failed and whether the input
	 * matched (a result mismatch is the more telling error then).
	 */
	private record Attempt(@Nullable Binding binding, String problem, boolean inputMatched) {

		static Attempt failed(String problem, boolean inputMatched) {
			return new Attempt(null, problem, inputMatched);
		}

	}

}
