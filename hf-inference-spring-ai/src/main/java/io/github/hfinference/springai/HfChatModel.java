package io.github.hfinference.springai;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import reactor.core.publisher.Flux;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.StreamingRequest;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ChatStreams;

/**
 * A Spring AI {@link ChatModel} over one configured Hugging Face model: every call goes
 * through the client's pipeline for that model (admission, target selection and
 * failover, circuit breakers, retries, revision pins, per-model meters).
 * <p>
 * As Spring AI 2.0's own chat models do, it sends the tool definitions of the prompt's
 * {@link org.springframework.ai.model.tool.ToolCallingChatOptions} (resolved by the
 * {@link ToolCallingManager}) and returns the model's tool calls; the tools are executed
 * by {@code ChatClient}'s tool-calling advisor, not here. An output schema passed by
 * Spring AI's native structured output is sent as {@code response_format}
 * {@code json_schema}. Each call is one Spring AI {@code gen_ai.client.operation}
 * observation ({@link ChatModelObservationDocumentation}).
 */
public final class HfChatModel implements ChatModel {

	/** The provider name observations carry ({@code gen_ai.provider.name}). */
	public static final String PROVIDER = "huggingface";

	private static final ChatModelObservationConvention DEFAULT_CONVENTION = new DefaultChatModelObservationConvention();

	private final HfInferenceClient client;

	private final ModelDefinition model;

	private final HfChatOptions options;

	private final HfChatMapping mapping;

	private final ObservationRegistry observationRegistry;

	private @Nullable ChatModelObservationConvention observationConvention;

	private HfChatModel(Builder builder) {
		this.client = Objects.requireNonNull(builder.client, "client");
		this.model = Objects.requireNonNull(builder.model, "model");
		HfChatOptions defaults = (builder.options != null) ? builder.options : HfChatOptions.builder().build();
		this.options = (defaults.getModel() != null) ? defaults : defaults.mutate().model(modelName(this.model)).build();
		this.mapping = new HfChatMapping((builder.toolCallingManager != null) ? builder.toolCallingManager
				: ToolCallingManager.builder().observationRegistry(builder.observationRegistry).build());
		this.observationRegistry = builder.observationRegistry;
	}

	/** A new builder. */
	public static Builder builder() {
		return new Builder();
	}

	/** The configured model this chat model calls. */
	public ModelDefinition model() {
		return this.model;
	}

	/** The default options (also what Spring AI's deprecated {@code getDefaultOptions()} returns). */
	@Override
	public HfChatOptions getOptions() {
		return this.options;
	}

	/**
	 * Sets a custom observation convention.
	 * @param convention the convention
	 */
	public void setObservationConvention(ChatModelObservationConvention convention) {
		this.observationConvention = Objects.requireNonNull(convention, "convention");
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		Call call = prepare(prompt, false);
		ChatModelObservationContext context = call.context();
		return observation(context).observe(() -> {
			InferenceResponse<ChatCompletionOutput> response = this.client.blocking()
				.execute(InferenceRequest.of(ChatCompletion.TASK, this.model, call.messages())
					.withParameters(call.parameters()));
			ChatResponse chatResponse = this.mapping.response(response.value(), response.metadata(), new HashMap<>());
			context.setResponse(chatResponse);
			return chatResponse;
		});
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.deferContextual((contextView) -> {
			Call call = prepare(prompt, true);
			ChatModelObservationContext context = call.context();
			Observation observation = observation(context);
			Observation parent = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			observation.parentObservation(parent);
			observation.start();
			Flux<ChatCompletionChunk> chunks = this.client
				.executeStream(StreamingRequest.of(ChatCompletion.STREAM, this.model, call.messages())
					.withParameters(call.parameters()))
				.chunks();
			// subscribed inside the observation's scope, so the call's own observation nests under it
			Flux<ChatCompletionChunk> scoped = Flux.from((subscriber) -> observation.scoped(() -> chunks.subscribe(subscriber)));
			Map<Integer, String> reasoning = new ConcurrentHashMap<>();
			Flux<ChatResponse> responses = withToolCallsWhole(scoped)
				.concatMap((group) -> ChatStreams.aggregate(Flux.fromIterable(group)))
				.map((completion) -> this.mapping.response(completion, null, reasoning));
			// the aggregated response is set first, then the observation stops, before the subscriber hears the end
			return new MessageAggregator().aggregate(responses, context::setResponse)
				.doOnComplete(observation::stop)
				.doOnError((ex) -> {
					observation.error(ex);
					observation.stop();
				})
				.doOnCancel(observation::stop)
				.contextWrite((reactorContext) -> reactorContext.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	/** The prompt with the default options, as messages and parameters, and its observation context. */
	private Call prepare(Prompt prompt, boolean streaming) {
		Prompt request = withOptions(prompt);
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(request)
			.provider(PROVIDER)
			.streaming(streaming)
			.build();
		return new Call(this.mapping.messages(request.getInstructions()),
				this.mapping.parameters(checked(request.getOptions())), context);
	}

	private record Call(List<ChatMessage> messages, ChatCompletion.Parameters parameters,
			ChatModelObservationContext context) {
	}

	/**
	 * Groups chunks as Spring AI's chat models emit them: each text chunk alone, and all
	 * the chunks of a choice's tool calls together, so that a response carrying tool calls
	 * carries them whole.
	 */
	private static Flux<List<ChatCompletionChunk>> withToolCallsWhole(Flux<ChatCompletionChunk> chunks) {
		return Flux.defer(() -> {
			AtomicBoolean insideToolCalls = new AtomicBoolean();
			return chunks.bufferUntil((chunk) -> {
				if (!chunk.choices().isEmpty() && chunk.choices().get(0).delta().toolCalls() != null) {
					insideToolCalls.set(true);
				}
				if (insideToolCalls.get()) {
					boolean finished = !chunk.choices().isEmpty() && chunk.choices().get(0).finishReason() != null;
					insideToolCalls.set(!finished);
					return finished;
				}
				return true;
			});
		});
	}

	private Observation observation(ChatModelObservationContext context) {
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(this.observationConvention,
				DEFAULT_CONVENTION, () -> context, this.observationRegistry);
	}

	/** As Spring AI's chat models do: a prompt without options gets the model's defaults. */
	private Prompt withOptions(Prompt prompt) {
		return (prompt.getOptions() != null) ? prompt : prompt.mutate().chatOptions(this.options).build();
	}

	private ChatOptions checked(@Nullable ChatOptions requested) {
		ChatOptions options = (requested != null) ? requested : this.options;
		String name = options.getModel();
		if (name != null && !name.equals(this.options.getModel()) && !name.equals(this.model.alias())) {
			throw new HfSpringAiRequestException("Chat option model '" + name + "' is not the model of this chat model ('"
					+ this.options.getModel() + "', alias '" + this.model.alias()
					+ "'); configure another alias and use its chat model instead");
		}
		return options;
	}

	private static String modelName(ModelDefinition model) {
		return (model.id() != null) ? model.id() : model.alias();
	}

	/** Builds an {@link HfChatModel}. */
	public static final class Builder {

		private @Nullable HfInferenceClient client;

		private @Nullable ModelDefinition model;

		private @Nullable HfChatOptions options;

		private @Nullable ToolCallingManager toolCallingManager;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private Builder() {
		}

		/** @param client the client that makes the calls @return this builder */
		public Builder client(HfInferenceClient client) {
			this.client = client;
			return this;
		}

		/** @param model the configured model (its id, targets and policy) @return this builder */
		public Builder model(ModelDefinition model) {
			this.model = model;
			return this;
		}

		/** @param options the default options; their model defaults to the model's id @return this builder */
		public Builder options(HfChatOptions options) {
			this.options = options;
			return this;
		}

		/** @param manager resolves the tool definitions sent with a prompt @return this builder */
		public Builder toolCallingManager(ToolCallingManager manager) {
			this.toolCallingManager = manager;
			return this;
		}

		/** @param registry the registry of the Spring AI observations @return this builder */
		public Builder observationRegistry(ObservationRegistry registry) {
			this.observationRegistry = Objects.requireNonNull(registry, "registry");
			return this;
		}

		/** Builds the chat model. */
		public HfChatModel build() {
			return new HfChatModel(this);
		}

	}

}
