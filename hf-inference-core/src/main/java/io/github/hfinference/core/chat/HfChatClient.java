package io.github.hfinference.core.chat;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.StreamingRequest;
import io.github.hfinference.core.chat.ChatSettings.StructuredOutputMode;
import io.github.hfinference.core.error.HfStructuredOutputException;
import io.github.hfinference.core.error.HfToolException;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ChatStreams;
import io.github.hfinference.core.task.chat.Tool;
import io.github.hfinference.core.task.chat.ToolCall;

/**
 * Chat on top of {@link HfInferenceClient}: tools that run and typed answers.
 *
 * <pre class="code">
 * HfChatClient chat = HfChatClient.of(client);
 * Mono&lt;Invoice&gt; invoice = chat.entity(model, List.of(ChatMessage.user(text)), Invoice.class);
 * Mono&lt;InferenceResponse&lt;ChatCompletionOutput&gt;&gt; answer = chat.call(ChatRequest.of(model, messages)
 *         .withTools(ChatTool.fromBean(weatherTools)));
 * </pre>
 *
 * <b>The tool loop.</b> When the model answers with tool calls, each call's arguments are
 * bound to its Java method's parameters and the method runs (calls of one turn
 * concurrently; blocking methods on Reactor's bounded elastic scheduler); the assistant
 * message and one {@code tool} message per call are added to the conversation and the
 * model is asked again, at most {@link ChatSettings#maxToolRounds()} times, after which
 * the call fails with {@link HfToolException} naming the last calls. A tool that throws
 * (or an unknown tool, or arguments that do not bind) sends {@code "error: <message>"}
 * back as its result, or fails the call ({@link ChatSettings#toolErrors()}). Streamed,
 * every chunk of every round is passed on as it arrives (text deltas keep streaming); the
 * tool-call fragments of a round are assembled into whole calls when the round ends.
 * <p>
 * <b>Typed answers.</b> {@code entity} sends the type's JSON schema as
 * {@code response_format} json_schema (or, in {@code JSON_OBJECT} mode, json_object plus
 * the schema in a system message) and reads the answer into the type; an answer that is
 * not valid JSON or does not bind fails with {@link HfStructuredOutputException}, after
 * one repair round if the model's settings ask for it.
 */
public final class HfChatClient {

	private static final Map<Type, StructuredOutput<?>> OUTPUTS = new ConcurrentHashMap<>();

	private final HfInferenceClient client;

	private HfChatClient(HfInferenceClient client) {
		this.client = Objects.requireNonNull(client, "client");
	}

	/**
	 * The chat client of an inference client.
	 * @param client the client that sends the calls
	 * @return the chat client
	 */
	public static HfChatClient of(HfInferenceClient client) {
		return new HfChatClient(client);
	}

	/**
	 * A chat call, running the tool loop when the request has tools.
	 * @param request the request
	 * @return the final answer and its metadata (that of the last round)
	 */
	public Mono<InferenceResponse<ChatCompletionOutput>> call(ChatRequest request) {
		return round(request, request.messages(), 0);
	}

	/**
	 * A streamed chat call, running the tool loop when the request has tools.
	 * @param request the request
	 * @return the chunks of every round, in order
	 */
	public Flux<ChatCompletionChunk> stream(ChatRequest request) {
		return streamRound(request, request.messages(), 0);
	}

	/**
	 * A typed answer.
	 * @param <T> the type
	 * @param model the model
	 * @param messages the conversation
	 * @param type a record or POJO
	 * @return the answer
	 */
	public <T> Mono<T> entity(ModelDefinition model, List<ChatMessage> messages, Class<T> type) {
		return entity(ChatRequest.of(model, messages), HfChatClient.<T>structuredOutput(type)).map(StructuredResponse::value);
	}

	/**
	 * A typed answer with how it was obtained.
	 * @param <T> the type
	 * @param request the request (its tools run first, if any)
	 * @param output the structured output ({@link #structuredOutput(Type)})
	 * @return the answer, its raw text, the mode used and the metadata
	 */
	public <T> Mono<StructuredResponse<T>> entity(ChatRequest request, StructuredOutput<T> output) {
		StructuredOutputMode mode = (request.structuredOutput() != null) ? request.structuredOutput()
				: request.model().chat().structuredOutput();
		ChatCompletion.Parameters.Builder parameters = parameters(request.parameters()).toBuilder();
		ChatRequest typed;
		if (mode == StructuredOutputMode.JSON_SCHEMA) {
			typed = request.withParameters(parameters.responseFormat(output.responseFormat()).build());
		}
		else {
			List<ChatMessage> messages = new ArrayList<>();
			messages.add(output.schemaInstructions());
			messages.addAll(request.messages());
			typed = request.withParameters(parameters.responseFormat(output.jsonObjectFormat()).build())
				.withMessages(messages);
		}
		String model = request.model().displayName();
		return call(typed).flatMap((response) -> {
			String text = response.value().content();
			try {
				return Mono.just(new StructuredResponse<>(output.parse(text, model), text, mode, false,
						response.metadata()));
			}
			catch (HfStructuredOutputException ex) {
				if (!request.model().chat().repairStructuredOutput()) {
					return Mono.error(ex);
				}
				List<ChatMessage> retry = new ArrayList<>(typed.messages());
				retry.add(ChatMessage.assistant((text != null) ? text : ""));
				retry.add(ChatMessage.user("That answer cannot be read: " + ((ex.getCause() != null)
						? ex.getCause().getMessage() : "no text") + ". Answer again with only the JSON object."));
				return call(typed.withMessages(retry)).map((repaired) -> new StructuredResponse<>(
						output.parse(repaired.value().content(), model), repaired.value().content(), mode, true,
						repaired.metadata()));
			}
		});
	}

	/**
	 * The structured output of a type, generated once per type.
	 * @param <T> the type
	 * @param type a record or POJO
	 * @return its structured output
	 * @throws io.github.hfinference.core.error.HfConfigurationException if no object schema
	 * can be generated from it
	 */
	@SuppressWarnings("unchecked")
	public static <T> StructuredOutput<T> structuredOutput(Type type) {
		StructuredOutput<?> output = OUTPUTS.get(type);
		if (output == null) {
			output = StructuredOutput.ofType(type);
			OUTPUTS.putIfAbsent(type, output);
		}
		return (StructuredOutput<T>) output;
	}

	private Mono<InferenceResponse<ChatCompletionOutput>> round(ChatRequest request, List<ChatMessage> messages,
			int round) {
		return this.client
			.execute(new InferenceRequest<>(ChatCompletion.TASK, request.model(), messages, withTools(request),
					request.options()))
			.flatMap((response) -> {
				ChatMessage answer = firstMessage(response.value());
				if (!asksForTools(request, answer)) {
					return Mono.just(response);
				}
				return runTools(request, messages, answer, round).flatMap((next) -> round(request, next, round + 1));
			});
	}

	private Flux<ChatCompletionChunk> streamRound(ChatRequest request, List<ChatMessage> messages, int round) {
		return Flux.defer(() -> {
			Flux<ChatCompletionChunk> chunks = this.client
				.executeStream(new StreamingRequest<>(ChatCompletion.STREAM, request.model(), messages,
						withTools(request), request.options()))
				.chunks();
			if (request.tools().isEmpty()) {
				return chunks;
			}
			List<ChatCompletionChunk> seen = new ArrayList<>();
			return chunks.doOnNext(seen::add)
				.concatWith(Flux.defer(() -> ChatStreams.aggregate(Flux.fromIterable(seen)).flatMapMany((output) -> {
					ChatMessage answer = firstMessage(output);
					if (!asksForTools(request, answer)) {
						return Flux.empty();
					}
					return runTools(request, messages, answer, round)
						.flatMapMany((next) -> streamRound(request, next, round + 1));
				})));
		});
	}

	private static boolean asksForTools(ChatRequest request, @Nullable ChatMessage answer) {
		return !request.tools().isEmpty() && answer != null && answer.toolCalls() != null
				&& !answer.toolCalls().isEmpty();
	}

	private Mono<List<ChatMessage>> runTools(ChatRequest request, List<ChatMessage> messages, ChatMessage answer,
			int round) {
		List<ToolCall> calls = answer.toolCalls();
		int maxRounds = request.model().chat().maxToolRounds();
		if (round >= maxRounds) {
			return Mono.error(new HfToolException("Model '" + request.model().displayName() + "' still asked for tools "
					+ "after " + maxRounds + " rounds (chat max-tool-rounds); last calls: " + describe(calls),
					calls.stream().map(HfChatClient::describe).toList(), null));
		}
		return Flux.fromIterable(calls)
			.flatMapSequential((call) -> runTool(request, call))
			.collectList()
			.map((results) -> {
				List<ChatMessage> next = new ArrayList<>(messages);
				next.add(new ChatMessage("assistant", answer.content(), null, calls, null));
				next.addAll(results);
				return next;
			});
	}

	private Mono<ChatMessage> runTool(ChatRequest request, ToolCall call) {
		String name = call.function().name();
		ChatTool tool = request.tools().stream().filter((candidate) -> candidate.name().equals(name)).findFirst()
			.orElse(null);
		Mono<String> result = (tool != null) ? tool.call(call.function().arguments())
				: Mono.error(new IllegalArgumentException("no tool is named '" + name + "'; tools: "
						+ request.tools().stream().map(ChatTool::name).collect(Collectors.joining(", "))));
		return result.map((text) -> ChatMessage.tool(call.id(), text)).onErrorResume((ex) -> {
			Throwable cause = (ex instanceof java.lang.reflect.UndeclaredThrowableException && ex.getCause() != null)
					? ex.getCause() : ex;
			String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
			if (request.model().chat().toolErrors() == ChatSettings.ToolErrors.FAIL) {
				return Mono.error(new HfToolException("Tool call " + describe(call) + " failed: " + message,
						List.of(describe(call)), cause));
			}
			return Mono.just(ChatMessage.tool(call.id(), "error: " + message));
		});
	}

	private static ChatCompletion.Parameters parameters(ChatCompletion.@Nullable Parameters parameters) {
		return (parameters != null) ? parameters : ChatCompletion.Parameters.defaults();
	}

	private static ChatCompletion.@Nullable Parameters withTools(ChatRequest request) {
		if (request.tools().isEmpty()) {
			return request.parameters();
		}
		ChatCompletion.Parameters parameters = parameters(request.parameters());
		List<Tool> tools = new ArrayList<>((parameters.tools() != null) ? parameters.tools() : List.of());
		request.tools().forEach((tool) -> tools.add(tool.definition()));
		return parameters.toBuilder().tools(tools).build();
	}

	private static @Nullable ChatMessage firstMessage(ChatCompletionOutput output) {
		return output.choices().isEmpty() ? null : output.choices().get(0).message();
	}

	private static String describe(List<ToolCall> calls) {
		return calls.stream().map(HfChatClient::describe).collect(Collectors.joining(", "));
	}

	private static String describe(ToolCall call) {
		String arguments = (call.function().arguments() != null) ? call.function().arguments() : "";
		if (arguments.length() > 200) {
			arguments = arguments.substring(0, 200) + "...";
		}
		return (call.function().name() + "(" + arguments + ")").replaceAll("\\p{Cntrl}", "\uFFFD");
	}

}
