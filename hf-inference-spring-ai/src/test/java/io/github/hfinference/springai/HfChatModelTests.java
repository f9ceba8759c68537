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

import io.github.hfinference.core.observation.InferenceObservationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link HfChatModel} used through Spring AI's own API, as an application does, against a
 * local OpenAI-compatible endpoint that records the exact requests.
 */
class HfChatModelTests {

	private static final String TOOL_CALL = "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\","
			+ "\"type\":\"function\",\"function\":{\"name\":\"currentWeather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}";

	private static final String FORECAST = "{\"city\":\"Paris\",\"temperatureCelsius\":21,\"summary\":\"sunny\"}";

	private ChatStub stub;

	@BeforeEach
	void start() throws Exception {
		this.stub = new ChatStub();
	}

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void entityWithToolSendsToolsAndResponseFormatThenTheToolResult() throws Exception {
		this.stub.answer(ChatStub.completion(TOOL_CALL, "tool_calls"));
		this.stub.answer(ChatStub.completion("{\"role\":\"assistant\",\"content\":" + quoted(FORECAST) + "}", "stop"));
		WeatherTools tools = new WeatherTools();

		Forecast forecast = ChatClient.create(this.stub.chatModel(ObservationRegistry.NOOP))
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
				"description", weather.description(), "parameters", ChatStub.json(weather.inputSchema())));
		Map<String, Object> responseFormat = Map.of("type", "json_schema", "json_schema", Map.of("name", "json_schema",
				"schema", new BeanOutputConverter<>(Forecast.class).getJsonSchemaMap(), "strict", true));
		Map<String, Object> first = this.stub.takeBody();
		assertThat(first).containsOnlyKeys("model", "messages", "tools", "response_format")
			.containsEntry("model", ChatStub.MODEL_ID)
			.containsEntry("messages", List.of(Map.of("role", "user", "content", "What is the weather in Paris?")))
			.containsEntry("tools", List.of(toolsOnTheWire))
			.containsEntry("response_format", responseFormat);
		Map<String, Object> second = this.stub.takeBody();
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
		this.stub.answer(ChatStub.completion("{\"role\":\"assistant\",\"content\":" + quoted(FORECAST) + "}", "stop"));

		Forecast forecast = ChatClient.create(this.stub.chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user("Weather in Paris?")
			.call()
			.entity(Forecast.class);

		assertThat(forecast).isEqualTo(new Forecast("Paris", 21, "sunny"));
		Map<String, Object> body = this.stub.takeBody();
		assertThat(body).containsOnlyKeys("model", "messages");
		assertThat(body.get("messages")).isEqualTo(List.of(Map.of("role", "user", "content", "Weather in Paris?"
				+ System.lineSeparator() + new BeanOutputConverter<>(Forecast.class).getFormat())));
	}

	@Test
	void streamContentDeliversTheDeltasInOrder() throws Exception {
		this.stub.stream(ChatStub.chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", null),
				ChatStub.chunk("{\"content\":\"lo!\"}", null), ChatStub.chunk("{}", "stop"));

		List<String> content = ChatClient.create(this.stub.chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user("Say hello")
			.stream()
			.content()
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(content).containsExactly("Hel", "lo!");
		assertThat(this.stub.takeBody()).containsOnlyKeys("model", "messages", "stream", "stream_options")
			.containsEntry("messages", List.of(Map.of("role", "user", "content", "Say hello")))
			.containsEntry("stream", true)
			.containsEntry("stream_options", Map.of("include_usage", true));
	}

	@Test
	void streamedToolCallFragmentsAreCalledWholeAndTheAnswerStreamsAfter() throws Exception {
		this.stub.stream(
				ChatStub.chunk("{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":"
						+ "\"function\",\"function\":{\"name\":\"currentWeather\",\"arguments\":\"{\\\"city\\\":\"}}]}",
						null),
				ChatStub.chunk("{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}]}",
						null),
				ChatStub.chunk("{}", "tool_calls"));
		this.stub.stream(ChatStub.chunk("{\"role\":\"assistant\",\"content\":\"Sunny, \"}", null),
				ChatStub.chunk("{\"content\":\"21 °C.\"}", "stop"));
		WeatherTools tools = new WeatherTools();

		List<String> content = ChatClient.create(this.stub.chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user("Weather in Paris?")
			.tools(tools)
			.stream()
			.content()
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(tools.cities).containsExactly("Paris");
		assertThat(String.join("", content)).isEqualTo("Sunny, 21 °C.");
		this.stub.takeBody();
		assertThat(this.stub.takeBody().get("messages")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.last()
			.isEqualTo(Map.of("role", "tool", "content", "21 °C, sunny", "tool_call_id", "call_1"));
	}

	@Test
	void usageFinishReasonAndServingTargetReachTheChatResponse() {
		this.stub.answer(ChatStub.completion("{\"role\":\"assistant\",\"content\":\"Paris.\"}", "stop"));

		ChatResponse response = ChatClient.create(this.stub.chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user("Capital of France?")
			.call()
			.chatResponse();

		assertThat(response.getResult().getOutput().getText()).isEqualTo("Paris.");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("STOP");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(20);
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(5);
		assertThat(response.getMetadata().getUsage().getTotalTokens()).isEqualTo(25);
		assertThat(response.getMetadata().getModel()).isEqualTo(ChatStub.MODEL_ID);
		assertThat((Object) response.getMetadata().get("hf.target")).isEqualTo("localhost");
		assertThat((Object) response.getMetadata().get("hf.attempts")).isEqualTo(1);
	}

	@Test
	void mediaMessageGoesAsTextAndImageParts() throws Exception {
		this.stub.answer(ChatStub.completion("{\"role\":\"assistant\",\"content\":\"Two cats.\"}", "stop"));
		byte[] png = { (byte) 0x89, 'P', 'N', 'G' };

		String answer = ChatClient.create(this.stub.chatModel(ObservationRegistry.NOOP))
			.prompt()
			.user((user) -> user.text("What is in these pictures?")
				.media(new Media(MimeTypeUtils.IMAGE_PNG, java.net.URI.create("https://example.com/cat.png")))
				.media(MimeTypeUtils.IMAGE_PNG, new org.springframework.core.io.ByteArrayResource(png)))
			.call()
			.content();

		assertThat(answer).isEqualTo("Two cats.");
		assertThat(this.stub.takeBody().get("messages")).isEqualTo(List.of(Map.of("role", "user", "content",
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
			.isThrownBy(() -> this.stub.chatModel(ObservationRegistry.NOOP).call(new Prompt(withPdf)))
			.withMessage("Prompt message 0 (user) carries media of type 'application/pdf'; Hugging Face chat "
					+ "models take images (image/*) and WAV or MP3 audio");
		assertThat(this.stub.server.getRequestCount()).isZero();
	}

	@Test
	void reasoningAndCachedTokensReachSpringAiMetadata() {
		this.stub.answer("{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":"
				+ "[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"42\",\"reasoning_content\":"
				+ "\"Six times seven.\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":30,"
				+ "\"completion_tokens\":12,\"total_tokens\":42,\"prompt_tokens_details\":{\"cached_tokens\":16},"
				+ "\"completion_tokens_details\":{\"reasoning_tokens\":10}}}");

		ChatResponse response = this.stub.chatModel(ObservationRegistry.NOOP).call(new Prompt("6 x 7?"));

		assertThat(response.getResult().getOutput().getText()).isEqualTo("42");
		assertThat(response.getResult().getOutput().getMetadata()).containsEntry("reasoningContent", "Six times seven.");
		assertThat(response.getMetadata().getUsage().getCacheReadInputTokens()).isEqualTo(16L);
	}

	@Test
	void streamedReasoningAccumulatesAcrossResponses() {
		this.stub.stream(ChatStub.chunk("{\"role\":\"assistant\",\"reasoning_content\":\"Six \"}", null),
				ChatStub.chunk("{\"reasoning_content\":\"times seven.\"}", null),
				ChatStub.chunk("{\"content\":\"42\"}", "stop"));

		List<ChatResponse> responses = this.stub.chatModel(ObservationRegistry.NOOP)
			.stream(new Prompt("6 x 7?"))
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(responses).last()
			.satisfies((last) -> assertThat(last.getResult().getOutput().getMetadata())
				.containsEntry("reasoningContent", "Six times seven."));
	}

	@Test
	void chatOptionsGoOnTheWireWithTheirOpenAiNames() throws Exception {
		this.stub.answer(ChatStub.completion("{\"role\":\"assistant\",\"content\":\"Hi.\"}", "stop"));

		ChatClient.create(this.stub.chatModel(ObservationRegistry.NOOP))
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

		assertThat(this.stub.takeBody()).isEqualTo(Map.of("model", ChatStub.MODEL_ID, "messages",
				List.of(Map.of("role", "user", "content", "Hi")), "temperature", 0.2, "top_p", 0.9, "max_tokens", 64,
				"stop", List.of("END"), "seed", 7, "tool_choice", "none", "reasoning_effort", "low"));
	}

	@Test
	void topKIsRefusedNamingTheOption() {
		assertThatExceptionOfType(HfSpringAiRequestException.class)
			.isThrownBy(() -> ChatClient.create(this.stub.chatModel(ObservationRegistry.NOOP))
				.prompt()
				.user("hi")
				.options(HfChatOptions.builder().topK(5))
				.call()
				.content())
			.withMessageContaining("Chat option topK (5)");
		assertThat(this.stub.server.getRequestCount()).isZero();
	}

	@Test
	void oneCallIsOneSpringAiChatObservationAndNotAlsoTheClientsOwn() {
		this.stub.answer(ChatStub.completion("{\"role\":\"assistant\",\"content\":\"Paris.\"}", "stop"));
		TestObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationPredicate(new HfNestedObservationPredicate());

		this.stub.chatModel(registry).call(new Prompt("Capital of France?"));

		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 1)
			.hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasContextualNameEqualTo("chat " + ChatStub.MODEL_ID)
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.system", "huggingface")
			.hasLowCardinalityKeyValue("gen_ai.request.model", ChatStub.MODEL_ID)
			.hasLowCardinalityKeyValue("gen_ai.response.model", ChatStub.MODEL_ID)
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", "20")
			.hasHighCardinalityKeyValue("gen_ai.usage.output_tokens", "5")
			.hasHighCardinalityKeyValue("gen_ai.response.finish_reasons", "[\"STOP\"]")
			.isNotInstanceOf(InferenceObservationContext.class);
	}

	@Test
	void oneStreamIsOneSpringAiChatObservation() {
		this.stub.stream(ChatStub.chunk("{\"role\":\"assistant\",\"content\":\"Paris.\"}", "stop"));
		TestObservationRegistry registry = TestObservationRegistry.create();
		registry.observationConfig().observationPredicate(new HfNestedObservationPredicate());

		List<ChatResponse> responses = this.stub.chatModel(registry)
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
		this.stub.answer(ChatStub.completion("{\"role\":\"assistant\",\"content\":\"Paris.\"}", "stop"));
		TestObservationRegistry registry = TestObservationRegistry.create();

		this.stub.chatModel(registry).call(new Prompt("Capital of France?"));

		TestObservationRegistryAssert.assertThat(registry)
			.hasNumberOfObservationsWithNameEqualTo("gen_ai.client.operation", 2)
			.hasAnObservation((observation) -> observation
				.hasParentObservationContextMatching((parent) -> parent instanceof ChatModelObservationContext)
				.isInstanceOf(InferenceObservationContext.class));
	}

	private static String quoted(String json) {
		return "\"" + json.replace("\"", "\\\"") + "\"";
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
