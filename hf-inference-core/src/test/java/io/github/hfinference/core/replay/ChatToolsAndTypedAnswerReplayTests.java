package io.github.hfinference.core.replay;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import jakarta.validation.constraints.NotNull;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.chat.ChatRequest;
import io.github.hfinference.core.chat.ChatSettings;
import io.github.hfinference.core.chat.ChatTool;
import io.github.hfinference.core.chat.HfChatClient;
import io.github.hfinference.core.chat.HfTool;
import io.github.hfinference.core.chat.StructuredOutput;
import io.github.hfinference.core.chat.StructuredResponse;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfStructuredOutputException;
import io.github.hfinference.core.error.HfToolException;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ChatStreams;

import static io.github.hfinference.core.replay.ReplaySupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Typed answers and the tool loop against the hand-written exchanges of
 * {@code src/test/resources/chat-recordings}: the exact request bodies (the
 * {@code response_format} json_schema, the {@code tools}, the assistant and {@code tool}
 * messages of the second round), and the typed errors that end a call.
 */
class ChatToolsAndTypedAnswerReplayTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	private HfChatClient chat;

	@BeforeEach
	void start() {
		this.chat = HfChatClient.of(ReplaySupport.client(this.mock.server()));
	}

	@Test
	void aTypedAnswerSendsTheJsonSchemaAndBindsTheAnswer() throws Exception {
		List<Interaction> exchange = serve("structured_output.yaml");

		StructuredResponse<Invoice> response = this.chat
			.entity(ChatRequest.of(model("meta-llama/Llama-3.3-70B-Instruct"),
					List.of(ChatMessage.user("Invoice INV-7 for ACME (FR): 3 bolts, 12.50, paid."))),
					StructuredOutput.of(Invoice.class))
			.block(WAIT);

		assertSent(exchange);
		assertThat(response.value()).isEqualTo(new Invoice("INV-7", new Customer("ACME", "FR"),
				List.of(new Line("bolts", 3)), Status.PAID, Optional.empty(), 12.5));
		assertThat(response.mode()).isEqualTo(ChatSettings.StructuredOutputMode.JSON_SCHEMA);
		assertThat(response.repaired()).isFalse();
		assertThat(response.metadata().promptTokens()).isEqualTo(120);
	}

	@Test
	void aStreamedAnswerCarriesTheJsonSchemaAndItsAggregateBinds() throws Exception {
		List<Interaction> exchange = serve("structured_output_stream.yaml");
		StructuredOutput<Customer> customer = StructuredOutput.of(Customer.class);

		ChatCompletionOutput whole = ChatStreams.aggregate(this.chat.stream(ChatRequest
			.of(model("meta-llama/Llama-3.3-70B-Instruct"), List.of(ChatMessage.user("ACME, France")))
			.withParameters(ChatCompletion.Parameters.builder().responseFormat(customer.responseFormat()).build())))
			.block(WAIT);

		assertSent(exchange);
		assertThat(customer.parse(whole.content(), "meta-llama/Llama-3.3-70B-Instruct"))
			.isEqualTo(new Customer("ACME", "FR"));
	}

	@Test
	void withoutJsonSchemaSupportTheSchemaGoesInASystemMessageWithJsonObject() throws Exception {
		this.mock.server().enqueue(answer("```json\n{\"name\":\"ACME\",\"country\":\"FR\"}\n```"));
		ModelDefinition model = model("org/m").toBuilder()
			.chat(ChatSettings.defaults().withStructuredOutput(ChatSettings.StructuredOutputMode.JSON_OBJECT))
			.build();

		StructuredResponse<Customer> response = this.chat
			.entity(ChatRequest.of(model, List.of(ChatMessage.user("ACME, France"))), StructuredOutput.of(Customer.class))
			.block(WAIT);

		assertThat(response.value()).isEqualTo(new Customer("ACME", "FR"));
		assertThat(response.mode()).as("the metadata says the fallback was used")
			.isEqualTo(ChatSettings.StructuredOutputMode.JSON_OBJECT);
		JsonNode sent = json(this.mock.server().takeRequest().getBody().toByteArray());
		assertThat(sent.path("response_format").toString()).isEqualTo("{\"type\":\"json_object\"}");
		assertThat(sent.path("messages").get(0).path("role").asString()).isEqualTo("system");
		assertThat(sent.path("messages").get(0).path("content").asString())
			.contains(StructuredOutput.of(Customer.class).schema().toString());
		assertThat(sent.path("messages").get(1).path("content").asString()).isEqualTo("ACME, France");
	}

	@Test
	void brokenJsonFailsTypedWithTheRawTextTheModelAndTheType() {
		this.mock.server().enqueue(answer("{\"name\": \"ACME\", "));

		StepVerifier.create(this.chat.entity(model("org/m"), List.of(ChatMessage.user("ACME")), Customer.class))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(HfStructuredOutputException.class)
					.hasMessageStartingWith("The answer of model 'org/m' does not bind to ")
					.hasMessageContaining("Customer");
				HfStructuredOutputException typed = (HfStructuredOutputException) error;
				assertThat(typed.rawText()).isEqualTo("{\"name\": \"ACME\", ");
				assertThat(typed.model()).isEqualTo("org/m");
				assertThat(typed.targetType()).endsWith("Customer");
				assertThat(typed.getCause()).isNotNull();
			})
			.verify(WAIT);
		assertThat(this.mock.server().getRequestCount()).as("no repair round unless asked for").isEqualTo(1);
	}

	@Test
	void aRepairRoundSendsTheErrorBackOnceWhenTheModelAsksForIt() throws Exception {
		this.mock.server().enqueue(answer("Sorry, I cannot."));
		this.mock.server().enqueue(answer("{\"name\":\"ACME\",\"country\":\"FR\"}"));
		ModelDefinition model = model("org/m").toBuilder()
			.chat(ChatSettings.defaults().withRepairStructuredOutput(true))
			.build();

		StructuredResponse<Customer> response = this.chat
			.entity(ChatRequest.of(model, List.of(ChatMessage.user("ACME"))), StructuredOutput.of(Customer.class))
			.block(WAIT);

		assertThat(response.repaired()).isTrue();
		assertThat(response.value()).isEqualTo(new Customer("ACME", "FR"));
		this.mock.server().takeRequest();
		JsonNode retry = json(this.mock.server().takeRequest().getBody().toByteArray()).path("messages");
		assertThat(retry).hasSize(3);
		assertThat(retry.get(1).path("content").asString()).isEqualTo("Sorry, I cannot.");
		assertThat(retry.get(2).path("content").asString()).startsWith("That answer cannot be read: ");
	}

	@Test
	void typesWithoutAnObjectSchemaAreRefusedNamingThem() {
		assertThatExceptionOfType(HfConfigurationException.class).isThrownBy(() -> StructuredOutput.of(Object.class))
			.withMessage("Object says nothing about its JSON shape");
		assertThatExceptionOfType(HfConfigurationException.class).isThrownBy(() -> StructuredOutput.of(String.class))
			.withMessageStartingWith("String is not an object with properties");
		assertThatExceptionOfType(HfConfigurationException.class).isThrownBy(() -> StructuredOutput.of(Runnable.class))
			.withMessage("Runnable is abstract; JSON binds to a concrete class or record");
	}

	@Test
	void theToolLoopRunsBothCallsOfATurnConcurrentlyAndSendsTheirResultsBack() throws Exception {
		List<Interaction> exchange = serve("tools.yaml");
		WeatherTools tools = new WeatherTools(new CountDownLatch(2));

		String answer = this.chat
			.call(ChatRequest.of(model("Qwen/Qwen2.5-72B-Instruct"), List.of(ChatMessage.user("Weather in Paris?")))
				.withTools(ChatTool.fromBean(tools)))
			.block(WAIT)
			.value()
			.content();

		assertThat(answer).isEqualTo("It is 21.5 °C in Paris; no forecast is available.");
		assertSent(exchange);
	}

	@Test
	void streamedToolCallsAreAssembledBeforeTheToolRunsAndTextKeepsStreaming() throws Exception {
		List<Interaction> exchange = serve("tools_stream.yaml");

		List<ChatCompletionChunk> chunks = this.chat
			.stream(ChatRequest.of(model("Qwen/Qwen2.5-72B-Instruct"), List.of(ChatMessage.user("Weather in Oslo?")))
				.withTools(ChatTool.fromBean(new WeatherTools(new CountDownLatch(0)))))
			.collectList()
			.block(WAIT);

		assertThat(ChatStreams.textDeltas(reactor.core.publisher.Flux.fromIterable(chunks)).collectList().block(WAIT))
			.containsExactly("Checking. ", "Oslo: ", "-3.0 °C.");
		assertSent(exchange);
	}

	@Test
	void aToolLoopThatNeverEndsFailsNamingTheLastCalls() {
		for (int i = 0; i < 3; i++) {
			this.mock.server().enqueue(toolCall("temperature", "{\"city\":\"Rome\"}"));
		}
		ModelDefinition model = model("org/m").toBuilder().chat(ChatSettings.defaults().withMaxToolRounds(2)).build();

		StepVerifier
			.create(this.chat.call(ChatRequest.of(model, List.of(ChatMessage.user("?")))
				.withTools(ChatTool.fromBean(new WeatherTools(new CountDownLatch(0))))))
			.expectErrorSatisfies((error) -> {
				assertThat(error).isInstanceOf(HfToolException.class)
					.hasMessage("Model 'org/m' still asked for tools after 2 rounds (chat max-tool-rounds); last calls: "
							+ "temperature({\"city\":\"Rome\"})");
				assertThat(((HfToolException) error).lastCalls()).containsExactly("temperature({\"city\":\"Rome\"})");
			})
			.verify(WAIT);
		assertThat(this.mock.server().getRequestCount()).isEqualTo(3);
	}

	@Test
	void aThrowingToolFailsTheCallWhenTheModelSaysSo() {
		this.mock.server().enqueue(toolCall("forecast", "{\"city\":\"Rome\",\"days\":1}"));
		ModelDefinition model = model("org/m").toBuilder()
			.chat(ChatSettings.defaults().withToolErrors(ChatSettings.ToolErrors.FAIL))
			.build();

		StepVerifier
			.create(this.chat.call(ChatRequest.of(model, List.of(ChatMessage.user("?")))
				.withTools(ChatTool.fromBean(new WeatherTools(new CountDownLatch(0))))))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(HfToolException.class)
				.hasMessage("Tool call forecast({\"city\":\"Rome\",\"days\":1}) failed: no forecast service configured")
				.hasCauseInstanceOf(IllegalStateException.class))
			.verify(WAIT);
	}

	@Test
	void aToolWithAParameterThatCannotBeBoundIsRefusedNamingTheMethod() {
		assertThatExceptionOfType(HfConfigurationException.class)
			.isThrownBy(() -> ChatTool.fromBean(new UploadTools()))
			.withMessage("@HfTool method " + UploadTools.class.getName() + ".upload: parameter #2 (InputStream) "
					+ "cannot be bound from the model's JSON arguments: InputStream cannot be read from JSON");
	}

	static ModelDefinition model(String id) {
		return ReplaySupport.viaRouter(id, "hf-inference");
	}

	static MockResponse answer(String content) {
		return new MockResponse.Builder().setHeader("Content-Type", "application/json")
			.body("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
					+ ReplaySupport.JSON.writeValueAsString(content) + "},\"finish_reason\":\"stop\"}]}")
			.build();
	}

	static MockResponse toolCall(String name, String arguments) {
		return new MockResponse.Builder().setHeader("Content-Type", "application/json")
			.body("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\","
					+ "\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":"
					+ ReplaySupport.JSON.writeValueAsString(arguments) + "}}]},\"finish_reason\":\"tool_calls\"}]}")
			.build();
	}

	List<Interaction> serve(String cassette) {
		return ReplaySupport.serveCassette(this.mock.server(), cassette);
	}

	void assertSent(List<Interaction> exchange) throws InterruptedException {
		ReplaySupport.assertSentAsRecorded(this.mock.server(), exchange);
	}

	record Invoice(@JsonProperty("invoice_number") @JsonPropertyDescription("The invoice's number") @NotNull String number,
			@NotNull Customer customer, List<Line> lines, Status status, Optional<String> note, double total) {

	}

	record Customer(String name, @JsonPropertyDescription("ISO 3166 code") String country) {

	}

	record Line(String item, int quantity) {

	}

	enum Status {

		PAID, OPEN

	}

	/** Two tools; both wait until the other has started, so a sequential loop would fail. */
	static class WeatherTools {

		private final CountDownLatch bothStarted;

		WeatherTools(CountDownLatch bothStarted) {
			this.bothStarted = bothStarted;
		}

		@HfTool(description = "The current temperature of a city, in °C")
		double temperature(String city) throws InterruptedException {
			this.bothStarted.countDown();
			assertThat(this.bothStarted.await(5, TimeUnit.SECONDS)).as("the other tool of the turn runs meanwhile").isTrue();
			return city.equals("Oslo") ? -3.0 : 21.5;
		}

		@HfTool(description = "The forecast of a city for the next days")
		String forecast(String city, int days) throws InterruptedException {
			this.bothStarted.countDown();
			assertThat(this.bothStarted.await(5, TimeUnit.SECONDS)).as("the other tool of the turn runs meanwhile").isTrue();
			throw new IllegalStateException("no forecast service configured");
		}

	}

	static class UploadTools {

		@HfTool(description = "Uploads a file")
		String upload(String name, InputStream content) {
			return name;
		}

	}

}
