package io.github.hfinference.core.declarative;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.StreamingRequest;
import io.github.hfinference.core.chat.ChatRequest;
import io.github.hfinference.core.chat.ChatTool;
import io.github.hfinference.core.chat.HfChatClient;
import io.github.hfinference.core.chat.StructuredOutput;
import io.github.hfinference.core.task.StreamingTask;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

/**
 * One parsed {@link HfModel @HfModel} method: which task it runs on which model, where
 * its input, parameters and options are, and how its result is returned. Built once by
 * {@link HfModelMethodParser}; each invocation only reads arguments and calls the client.
 */
final class HfModelMethod {

	private final String location;

	private final HfInferenceClient client;

	private final ModelDefinition model;

	private final Task<Object, Object, Object> task;

	private final Binding binding;

	private final boolean withMetadata;

	private final CallAdapter callAdapter;

	private final List<ChatTool> tools;

	private final HfChatClient chat;

	HfModelMethod(String location, HfInferenceClient client, ModelDefinition model,
			Binding binding, boolean withMetadata, CallAdapter callAdapter, List<ChatTool> tools) {
		this.location = location;
		this.client = client;
		this.model = model;
		this.task = binding.task();
		this.binding = binding;
		this.withMetadata = withMetadata;
		this.callAdapter = callAdapter;
		this.tools = List.copyOf(tools);
		this.chat = HfChatClient.of(client);
	}

	@Nullable Object invoke(@Nullable Object[] arguments) {
		Object input = arguments[this.binding.inputIndex()];
		if (input == null) {
			throw new IllegalArgumentException(
					this.location + ": the input (parameter #" + (this.binding.inputIndex() + 1) + ") must not be null");
		}
		Object parameters = (this.binding.parametersIndex() >= 0) ? arguments[this.binding.parametersIndex()] : null;
		Object options = (this.binding.optionsIndex() >= 0) ? arguments[this.binding.optionsIndex()] : null;
		CallOptions callOptions = (options != null) ? (CallOptions) options : CallOptions.defaults();
		Object taskInput = (this.binding.imagesIndex() >= 0)
				? Conversions.userMessageWithImages((String) input, arguments[this.binding.imagesIndex()])
				: this.binding.inputConversion().apply(input);
		if (!this.tools.isEmpty() || this.binding.structured() != null) {
			return invokeChat(new ChatRequest(this.model, castMessages(taskInput),
					(ChatCompletion.Parameters) parameters, this.tools, callOptions, null));
		}
		StreamingTask<Object, Object, Object> streamingTask = this.binding.streamingTask();
		if (streamingTask != null) {
			Flux<Object> chunks = this.client.executeStream(new StreamingRequest<>(streamingTask, this.model,
					taskInput, parameters, callOptions)).chunks();
			return this.callAdapter.adaptStream(this.binding.chunkConversion().apply(chunks));
		}
		InferenceRequest<Object, Object, Object> request = new InferenceRequest<>(this.task, this.model, taskInput,
				parameters, callOptions);
		Function<Object, Object> result = this.binding.resultConversion();
		Mono<InferenceResponse<Object>> response = this.client.execute(request);
		Mono<?> values = this.withMetadata
				? response.map((value) -> new InferenceResponse<>(result.apply(value.value()), value.metadata()))
				: response.map((value) -> result.apply(value.value()));
		return this.callAdapter.adapt(values);
	}

	/** A chat call with tools or a typed answer, through {@link HfChatClient}. */
	@SuppressWarnings("unchecked")
	private @Nullable Object invokeChat(ChatRequest request) {
		if (this.binding.streamingTask() != null) {
			Flux<Object> chunks = (Flux<Object>) (Flux<?>) this.chat.stream(request);
			return this.callAdapter.adaptStream(this.binding.chunkConversion().apply(chunks));
		}
		StructuredOutput<Object> structured = this.binding.structured();
		Mono<InferenceResponse<Object>> response;
		if (structured != null) {
			response = this.chat.entity(request, structured)
				.map((typed) -> new InferenceResponse<>(typed.value(), typed.metadata()));
		}
		else {
			Function<Object, Object> result = this.binding.resultConversion();
			response = this.chat.call(request)
				.map((answer) -> new InferenceResponse<>(result.apply(answer.value()), answer.metadata()));
		}
		return this.callAdapter.adapt(this.withMetadata ? response : response.map(InferenceResponse::value));
	}

	@SuppressWarnings("unchecked")
	private static List<ChatMessage> castMessages(Object input) {
		return (List<ChatMessage>) input;
	}

	@Override
	public String toString() {
		return this.location + " -> " + this.task.id() + ((this.binding.streamingTask() != null) ? " (streaming)" : "")
				+ " on " + this.model.alias();
	}

	/**
	 * How a method's parameters and value map onto a task.
	 *
	 * @param task the task
	 * @param inputIndex index of the input parameter
	 * @param parametersIndex index of the task's parameters object, or -1
	 * @param optionsIndex index of the {@link CallOptions} parameter, or -1
	 * @param inputConversion turns the argument into the task's input
	 * @param resultConversion turns the task's result into the method's value
	 * @param streamingTask the streaming variant of the task a {@code Flux} method runs,
	 * or null for a method that returns one result
	 * @param chunkConversion turns the streaming task's chunks into the method's elements
	 * @param imagesIndex index of the images ({@code BinaryInput} or
	 * {@code List<BinaryInput>}) sent with a chat method's {@code String} prompt in one user
	 * message, or -1
	 * @param structured the typed answer of a chat method returning a record or POJO, or
	 * null
	 */
	record Binding(Task<Object, Object, Object> task, int inputIndex, int parametersIndex, int optionsIndex,
			Function<Object, Object> inputConversion, Function<Object, Object> resultConversion,
			@Nullable StreamingTask<Object, Object, Object> streamingTask,
			Function<Flux<Object>, Flux<?>> chunkConversion, int imagesIndex,
			@Nullable StructuredOutput<Object> structured) {

	}

}
