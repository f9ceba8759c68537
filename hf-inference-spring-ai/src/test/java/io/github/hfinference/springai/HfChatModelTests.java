package io.github.hfinference.springai;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.AdvisorParams;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.converter.BeanOutputConverter;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.util.MimeTypeUtils;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.observation.InferenceObservationContext;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.Usage;
import io.github.hfinference.test.HfAnswers;
import io.github.hfinference.test.HfInferenceAssertions;
import io.github.hfinference.test.HfInferenceStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link HfChatModel} used through Spring AI's own API, as an application does, against an
 * OpenAI-compatible (TGI-style) endpoint of the {@code hf-inference-test} stub, which
 * records the exact requests.
 */
class HfChatModelTests {

	static final String MODEL_ID = "meta-llama/Llama-3.1-8B-Instruct";

	/** The stub's endpoint the chat model calls. */
	private static final String TGI = "tgi";

	private static final String FORECAST = "{\"city\":\"Paris\",\"temperatureCelsius\":21,\"summary\":\"sunny\"}";

	private static final JsonMapper JSON = JsonMapper.shared();

	private HfInferenceStub stub;

	@BeforeEach
	void start() {
		this.stub = HfInferenceStub.start();
	}

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void entityWithToolSendsToolsAndResponseFormatThenTheToolResult() throws Exception {
		this.stub.endpoint(TGI).chat()
			.answers(HfAnswers.chatToolCall(MODEL_ID, "call_1", "currentWeather", "{\"city\":\"Paris\"}"))
			.thenReplies(FORECAST);
		WeatherTools tools = new WeatherTools();

		Forecast forecast = ChatClient.create(chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user("What is the weather in Paris?")
			.tools(tools)
			.advisors(AdvisorParams.ENABLE_NATIVE_STRUCTURED_OUTPUT)
			.call()
			.entity(Forecast.class);

		assertThat(forecast).isEqualTo(new Forecast("Paris", 21, "sunny"));
		assertThat(tools.cities).containsExactly("Paris");
		ToolDefinition weather = ToolCallbacks.from(new WeatherTools())[0].getToolDefinition();
		Map<String, Object> toolsOnTheWire = Map.of("type", "function", "function", Map.of("name", "currentWeather",
				"description", weather.description(), "parameters", json(weather.inputSchema())));
		Map<String, Object> responseFormat = Map.of("type", "json_schema", "json_schema", Map.of("name", "json_schema",
				"schema", new BeanOutputConverter<>(Forecast.class).getJsonSchemaMap(), "strict", true));
		assertThat(this.stub.calls(TGI)).hasSize(2);
		Map<String, Object> first = body(0);
		assertThat(first).containsOnlyKeys("model", "messages", "tools", "response_format")
			.containsEntry("model", MODEL_ID)
			.containsEntry("messages", List.of(Map.of("role", "user", "content", "What is the weather in Paris?")))
			.containsEntry("tools", List.of(toolsOnTheWire))
			.containsEntry("response_format", responseFormat);
		Map<String, Object> second = body(1);
		assertThat(second).containsOnlyKeys("model", "messages", "tools", "response_format")
			.containsEntry("messages", List.of(Map.of("role", "user", "content", "What is the weather in Paris?"),
					Map.of("role", "assistant", "tool_calls",
							List.of(Map.of("id", "call_1", "type", "function", "function",
									Map.of("name", "currentWeather", "arguments", "{\"city\":\"Paris\"}")))),
					Map.of("role", "tool", "content", "21 °C, sunny", "tool_call_id", "call_1")))
			.containsEntry("response_format", responseFormat);
	}

	@Test
	void entityWithoutNativeStructuredOutputAsksForTheSchemaInThePromptAsSpringAiDoes() throws Exception {
		this.stub.endpoint(TGI).chat().replies(FORECAST);

		Forecast forecast = ChatClient.create(chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user("Weather in Paris?")
			.call()
			.entity(Forecast.class);

		assertThat(forecast).isEqualTo(new Forecast("Paris", 21, "sunny"));
		assertThat(this.stub.calls(TGI)).hasSize(1);
		Map<String, Object> body = body(0);
		assertThat(body).containsOnlyKeys("model", "messages");
		assertThat(body.get("messages")).isEqualTo(List.of(Map.of("role", "user", "content", "Weather in Paris?"
				+ System.lineSeparator() + new BeanOutputConverter<>(Forecast.class).getFormat())));
	}

	@Test
	void streamContentDeliversTheDeltasInOrder() throws Exception {
		this.stub.endpoint(TGI).chat().streams("Hel", "lo!");

		List<String> content = ChatClient.create(chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user("Say hello")
			.stream()
			.content()
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(content).containsExactly("Hel", "lo!");
		HfInferenceAssertions.assertThat(this.stub).receivedCalls(TGI).hasSize(1).first().isStream();
		assertThat(body(0)).containsOnlyKeys("model", "messages", "stream", "stream_options")
			.containsEntry("messages", List.of(Map.of("role", "user", "content", "Say hello")))
			.containsEntry("stream", true)
			.containsEntry("stream_options", Map.of("include_usage", true));
	}

	@Test
	void streamedToolCallFragmentsAreCalledWholeAndTheAnswerStreamsAfter() throws Exception {
		// The arguments arrive split mid-JSON, as providers stream them.
		this.stub.endpoint(TGI).chat()
			.streamsJson(
					chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":"
							+ "\"function\",\"function\":{\"name\":\"currentWeather\",\"arguments\":\"{\\\"city\\\":\"}}]}",
							null),
					chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}", null),
					chunk("{}", "tool_calls"))
			.thenStreams("Sunny, ", "21 °C.");
		WeatherTools tools = new WeatherTools();

		List<String> content = ChatClient.create(chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user("Weather in Paris?")
			.tools(tools)
			.stream()
			.content()
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(tools.cities).containsExactly("Paris");
		assertThat(String.join("", content)).isEqualTo("Sunny, 21 °C.");
		assertThat(this.stub.calls(TGI)).hasSize(2);
		assertThat(body(1).get("messages")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.last()
			.isEqualTo(Map.of("role", "tool", "content", "21 °C, sunny", "tool_call_id", "call_1"));
	}

	@Test
	void usageFinishReasonAndServingTargetReachTheChatResponse() {
		this.stub.endpoint(TGI).chat().answers(paris());

		ChatResponse response = ChatClient.create(chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user("Capital of France?")
			.call()
			.chatResponse();

		assertThat(response.getResult().getOutput().getText()).isEqualTo("Paris.");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(20);
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(5);
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(25);
		assertThat(response.getMetadata().getModel()).isEqualTo(MODEL_ID);
		assertThat((Object) response.getMetadata().get("hf.target")).isEqualTo("localhost");
		assertThat((Object) response.getMetadata().get("hf.attempts")).isEqualTo(1);
	}

	@Test
	void mediaMessageGoesAsTextAndImageParts() throws Exception {
		this.stub.endpoint(TGI).chat().replies("Two cats.");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };

		String answer = ChatClient.create(chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user((user) -> user.text("What is in these pictures?")
				.media(new Media(MimeTypeUtils.IMAGE_PNG, java.net.URI.create("https://example.com/cat.png")))
				.media(MimeTypeUtils.IMAGE_PNG, new org.springframework.core.io.ByteArrayResource(png)))
			.call()
			.content();

		assertThat(answer).isEqualTo("Two cats.");
		assertThat(this.stub.calls(TGI)).hasSize(1);
		assertThat(body(0).get("messages")).isEqualTo(List.of(Map.of("role", "user", "content",
				List.of(Map.of("type", "text", "text", "What is in these pictures?"),
						Map.of("type", "image_url", "image_url", Map.of("url", "https://example.com/cat.png")),
						Map.of("type", "image_url", "image_url", Map.of("url", "data:image/png;base64,iVBORw=="))))));
	}

	@Test
	void mediaOfAnotherTypeIsRefusedBeforeAnyRequestNamingTheMessageAndType() {
		UserMessage withPdf = UserMessage.builder()
			.text("Summarise this")
			.media(new Media(MimeTypeUtils.parseMimeType("application/pdf"),
					new org.springframework.core.io.ByteArrayResource(new byte[] { 1 })))
			.build();

		assertThatExceptionOfType(HfSpringAiRequestException.class)
			.isThrownBy(() -> chatModel(ObservationRegistry.NOOP).call(new Prompt(withPdf)))
			.withMessage("Prompt message 0 (user) carries media of type 'application/pdf'; Hugging Face chat "
					+ "models take images (image/*) and WAV or MP3 audio");
		assertThat(this.stub.calls()).isEmpty();
	}

	@Test
	void reasoningAndCachedTokensReachSpringAiMetadata() {
		// reasoning_content and the usage details as TGI and vLLM write them
		this.stub.endpoint(TGI).chat().answersJson("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":"
				+ "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"42\",\"reasoning_content\":"
				+ "\"Six times seven.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":30,"
				+ "\"completion_tokens\":12,\"total_tokens\":42,\"prompt_tokens_details\":{\"cached_tokens\":16},"
				+ "\"completion_tokens_details\":{\"reasoning_tokens\":10}}}");

		ChatResponse response = chatModel(ObservationRegistry.NOOP).call(new Prompt("6 x 7?"));

		assertThat(response.getResult().getOutput().getText()).isEqualTo("42");
		assertThat(response.getResult().getOutput().getMetadata()).containsEntry("reasoningContent", "Six times seven.");
		assertThat(response.getMetadata().getUsage().getCacheReadInputTokens()).isEqualTo(16L);
	}

	@Test
	void streamedReasoningAccumulatesAcrossResponses() {
		this.stub.endpoint(TGI).chat()
			.streamsJson(chunk("{\"role\":\"assistant\",\"reasoning_content\":\"Six \"}", null),
					chunk("{\"reasoning_content\":\"times seven.\"}", null), chunk("{\"content\":\"42\"}", "stop"));

		List<ChatResponse> responses = chatModel(ObservationRegistry.NOOP)
			.stream(new Prompt("6 x 7?"))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(responses).last()
			.satisfies((last) -> assertThat(last.getResult().getOutput().getMetadata())
				.containsEntry("reasoningContent", "Six times seven."));
	}

	@Test
	void chatOptionsGoOnTheWireWithTheirOpenAiNames() throws Exception {
		this.stub.endpoint(TGI).chat().replies("Hi.");

		ChatClient.create(chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user("Hi")
			.options(HfChatOptions.builder()
				.temperature(0.2)
				.topP(0.9)
				.maxTokens(64)
				.stopSequences(List.of("END"))
				.seed(7L)
				.toolChoice("none")
				.reasoningEffort("low"))
			.call()
			.content();

		assertThat(this.stub.calls(TGI)).hasSize(1);
		assertThat(body(0)).isEqualTo(Map.of("model", MODEL_ID, "messages",
				List.of(Map.of("role", "user", "content", "Hi")), "temperature", 0.2, "top_p", 0.9, "max_tokens", 64,
				"stop", List.of("END"), "seed", 7, "tool_choice", "none", "reasoning_effort", "low"));
	}

	@Test
	void topKIsRefusedNamingTheOption() {
		assertThatExceptionOfType(HfSpringAiRequestException.class)
			.isThrownBy(() -> ChatClient.create(chatModel(ObservationRegistry.NOOP))
				.prompt()
				.user("hi")
				.options(HfChatOptions.builder().topK(5))
				.call()
				.content())
			.withMessageContaining("Chat option topK (5)");
		assertThat(this.stub.calls()).isEmpty();
	}

	@Test
	void oneCallIsOneSpringAiChatObservationAndNotAlsoTheClientsOwn() {
		this.stub.endpoint(TGI).chat().answers(paris());
		TestObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationPredicate(new HfNestedObservationPredicate());

		chatModel(registry).call(new Prompt("Capital of France?"));

		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("chat " + MODEL_ID)
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.system", "huggingface")
			.hasLowCardinalityKeyValue("gen_ai.request.model", MODEL_ID)
			.hasLowCardinalityKeyValue("gen_ai.response.model", MODEL_ID)
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "20")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "5")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "[\"STOP\"]")
			.isNotInstanceOf(InferenceObservationContext.class);
	}

	@Test
	void oneStreamIsOneSpringAiChatObservation() {
		this.stub.endpoint(TGI).chat().streams("Paris.");
		TestObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationPredicate(new HfNestedObservationPredicate());

		List<ChatResponse> responses = chatModel(registry)
			.stream(new Prompt("Capital of France?"))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(responses).isNotEmpty();
		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasBeenStopped()
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "[\"STOP\"]")
			.isNotInstanceOf(InferenceObservationContext.class);
	}

	@Test
	void withoutThePredicateTheClientsObservationNestsUnderSpringAis() {
		this.stub.endpoint(TGI).chat().answers(paris());
		TestObservationRegistry registry = TestObservationRegistry.create();

		chatModel(registry).call(new Prompt("Capital of France?"));

		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 2)
			.hasAnObservation((observation) -> observation
				.hasParentObservationContextMatching((parent) -> parent instanceof ChatModelObservationContext)
				.isInstanceOf(InferenceObservationContext.class));
	}

	/** A client with a fake token, observed by the registry, and a chat model on the stub's endpoint. */
	private HfChatModel chatModel(ObservationRegistry registry) {
		HfInferenceClient client = HfInferenceClient.builder()
			.token("hf_test")
			.noTokenLookup()
			.baseUrl(this.stub.baseUrl())
			.hubUrl(this.stub.hubUrl())
			.observationRegistry(registry)
			.build();
		ModelDefinition model = ModelDefinition.builder("chat")
			.id(MODEL_ID)
			.target(InferenceTarget.Endpoint.of(this.stub.endpointUrl(TGI)))
			.build();
		return HfChatModel.builder().client(client).model(model).observationRegistry(registry).build();
	}

	/** "Paris.", with a usage of 20 prompt and 5 completion tokens. */
	private static ChatCompletionOutput paris() {
		return HfAnswers.chatReply(MODEL_ID, "Paris.", new Usage(20, 5, 25));
	}

	/** The JSON body of the endpoint's call at an index, as maps and lists. */
	private Map<String, Object> body(int index) {
		return JSON.readValue(this.stub.calls(TGI).get(index).body(), new TypeReference<>() {
		});
	}

	private static Map<String, Object> json(String text) {
		return JSON.readValue(text, new TypeReference<>() {
		});
	}

	/** A streamed {@code chat.completion.chunk} with one choice's delta, as JSON. */
	private static String chunk(String delta, String finishReason) {
		return "{\"id\":\"chatcmpl-2\",\"object\":\"chat.completion.chunk\",\"created\":1732000000,\"model\":\""
				+ MODEL_ID + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
				+ ((finishReason != null) ? "\"" + finishReason + "\"" : "null") + "}]}";
	}

	record Forecast(String city, int temperatureCelsius, String summary) {

	}

	static class WeatherTools {

		final List<String> cities = new CopyOnWriteArrayList<>();

		@Tool(description = "The current weather of a city")
		String currentWeather(@ToolParam(description = "The city") String city) {
			this.cities.add(city);
			return "21 °C, sunny";
		}

	}

}
