package io.github.hfinference.core.task.responses;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.declarative.ConfiguredModel;
import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.declarative.HfModelProxyFactory;
import io.github.hfinference.core.declarative.InferenceTask;
import io.github.hfinference.core.declarative.ModelResolver;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfUnsupportedProviderException;
import io.github.hfinference.core.json.JsonCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Responses API ({@code POST /v1/responses}) against a mock router. No real exchange is
 * recorded: the answers below are hand-written after the OpenAI Responses API reference the
 * router follows (object {@code response}, {@code output[].content[].output_text},
 * {@code usage.input_tokens}/{@code output_tokens}; streamed {@code event:} names equal to
 * each event's {@code type}).
 */
class ResponsesTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	static final String RESPONSE = "{\"id\":\"resp_1\",\"object\":\"response\",\"created_at\":1764800000,"
			+ "\"status\":\"completed\",\"model\":\"openai/gpt-oss-120b\",\"output\":["
			+ "{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[{\"type\":\"summary_text\",\"text\":\"Easy.\"}]},"
			+ "{\"type\":\"message\",\"id\":\"msg_1\",\"role\":\"assistant\",\"status\":\"completed\",\"content\":["
			+ "{\"type\":\"output_text\",\"text\":\"{\\\"city\\\":\\\"Paris\\\"}\",\"annotations\":[]}]}],"
			+ "\"usage\":{\"input_tokens\":21,\"output_tokens\":9,\"total_tokens\":30}}";

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	@Test
	void typedRequestGoesToTheRouterAndTheResponseIsDecodedWithItsUsage() throws Exception {
		json(200, "{\"object\":\"list\",\"data\":[]}");
		json(200, RESPONSE);
		Responses.Parameters parameters = new Responses.Parameters("Answer in JSON.", 200, null, null,
				List.of(Responses.FunctionTool.function("weather", "Current weather",
						Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))))),
				"auto", Responses.TextConfig.jsonSchema("city", Map.of("type", "object")),
				new Responses.Reasoning("low", null), null, null)
			.withPreviousResponseId("resp_0");

		InferenceResponse<ResponseOutput> response = this.mock.client().blocking()
			.execute(InferenceRequest.of(Responses.TASK, ModelDefinition.of("openai/gpt-oss-120b"),
					Responses.Input.text("Capital of France?")).withParameters(parameters));

		assertThat(response.value().outputText()).isEqualTo("{\"city\":\"Paris\"}");
		assertThat(response.value().id()).isEqualTo("resp_1");
		assertThat(response.value().output()).extracting(ResponseOutput.OutputItem::type)
			.containsExactly("reasoning", "message");
		assertThat(response.metadata().promptTokens()).isEqualTo(21);
		assertThat(response.metadata().generatedTokens()).isEqualTo(9);
		assertThat(this.mock.server().takeRequest().getTarget()).as("tools and a JSON schema: auto reads the catalogue, "
				+ "which does not list the model, so the router chooses").isEqualTo("/v1/models");
		RecordedRequest sent = this.mock.server().takeRequest();
		assertThat(sent.getTarget()).isEqualTo("/v1/responses");
		assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
		assertThat(body(sent)).isEqualTo(JsonCodec.get().parse(("{\"model\":\"openai/gpt-oss-120b\","
				+ "\"input\":\"Capital of France?\",\"instructions\":\"Answer in JSON.\",\"max_output_tokens\":200,"
				+ "\"tools\":[{\"type\":\"function\",\"name\":\"weather\",\"description\":\"Current weather\","
				+ "\"parameters\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}],"
				+ "\"tool_choice\":\"auto\",\"text\":{\"format\":{\"type\":\"json_schema\",\"name\":\"city\","
				+ "\"schema\":{\"type\":\"object\"},\"strict\":true}},\"reasoning\":{\"effort\":\"low\"},"
				+ "\"previous_response_id\":\"resp_0\"}").getBytes()));
	}

	@Test
	void itemsInputAndAnExplicitProviderBecomeTheModelSuffix() throws Exception {
		json(200, RESPONSE);

		this.mock.client().call(Responses.TASK, ModelDefinition.of("openai/gpt-oss-120b", "cerebras"),
				Responses.Input.items(List.of(Responses.InputItem.message("user", "Hi"),
						Responses.InputItem.functionCallOutput("call_1", "{\"t\":21}"))),
				null)
			.block(WAIT);

		JsonNode body = body(this.mock.server().takeRequest());
		assertThat(body.path("model").asString()).isEqualTo("openai/gpt-oss-120b:cerebras");
		assertThat(body.path("input")).isEqualTo(JsonCodec.get().parse(("[{\"role\":\"user\",\"content\":\"Hi\"},"
				+ "{\"type\":\"function_call_output\",\"call_id\":\"call_1\",\"output\":\"{\\\"t\\\":21}\"}]")
			.getBytes()));
	}

	@Test
	void providerThatDoesNotServeResponsesIsRefusedBeforeSending() {
		assertThatExceptionOfType(HfUnsupportedProviderException.class)
			.isThrownBy(() -> this.mock.client()
				.call(Responses.TASK, ModelDefinition.of("org/m", "fal-ai"), Responses.Input.text("Hi"), null)
				.block(WAIT))
			.withMessageStartingWith("Provider 'fal-ai' does not serve task 'responses'; providers that do: baseten,");
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@Test
	void streamYieldsTypedEventsEndingWithTheCompletedResponse() throws Exception {
		this.mock.server().enqueue(events(event("response.created", "{\"type\":\"response.created\",\"sequence_number\":0,"
				+ "\"response\":{\"id\":\"resp_2\",\"status\":\"in_progress\",\"output\":[]}}"),
				event("response.output_item.added", "{\"type\":\"response.output_item.added\",\"output_index\":0,"
						+ "\"item\":{\"type\":\"message\",\"id\":\"msg_2\",\"role\":\"assistant\",\"content\":[]}}"),
				event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_2\","
						+ "\"output_index\":0,\"content_index\":0,\"delta\":\"Bon\"}"),
				event("response.output_text.delta", "{\"type\":\"response.output_text.delta\",\"item_id\":\"msg_2\","
						+ "\"output_index\":0,\"content_index\":0,\"delta\":\"jour\"}"),
				event("response.output_text.done", "{\"type\":\"response.output_text.done\",\"item_id\":\"msg_2\","
						+ "\"output_index\":0,\"content_index\":0,\"text\":\"Bonjour\"}"),
				event("response.completed", "{\"type\":\"response.completed\",\"response\":{\"id\":\"resp_2\","
						+ "\"status\":\"completed\",\"output\":[{\"type\":\"message\",\"id\":\"msg_2\",\"content\":"
						+ "[{\"type\":\"output_text\",\"text\":\"Bonjour\"}]}],\"usage\":{\"input_tokens\":5,"
						+ "\"output_tokens\":2,\"total_tokens\":7}}}")));

		List<ResponseEvent> events = this.mock.client()
			.stream(Responses.STREAM, ModelDefinition.of("openai/gpt-oss-120b"), Responses.Input.text("Hello in French"),
					null)
			.collectList()
			.block(WAIT);

		assertThat(events).extracting(ResponseEvent::type)
			.containsExactly("response.created", "response.output_item.added", "response.output_text.delta",
					"response.output_text.delta", "response.output_text.done", "response.completed");
		assertThat(events.get(1)).isInstanceOf(ResponseEvent.Other.class);
		assertThat(events).filteredOn(ResponseEvent.OutputTextDelta.class::isInstance)
			.extracting((event) -> ((ResponseEvent.OutputTextDelta) event).delta())
			.containsExactly("Bon", "jour");
		ResponseEvent.Completed completed = (ResponseEvent.Completed) events.get(5);
		assertThat(completed.response().outputText()).isEqualTo("Bonjour");
		assertThat(completed.response().usage().outputTokens()).isEqualTo(2);
		RecordedRequest sent = this.mock.server().takeRequest();
		assertThat(sent.getTarget()).isEqualTo("/v1/responses");
		assertThat(sent.getHeaders().get("Accept")).isEqualTo("text/event-stream");
		assertThat(body(sent).path("stream").asBoolean()).isTrue();
	}

	@Test
	void errorEventInTheStreamIsATypedException() {
		this.mock.server().enqueue(events(event("response.created", "{\"type\":\"response.created\",\"response\":"
				+ "{\"id\":\"resp_3\",\"status\":\"in_progress\"}}"),
				event("error", "{\"type\":\"error\",\"code\":\"server_error\",\"message\":\"The provider is "
						+ "overloaded\",\"param\":null}")));

		Flux<ResponseEvent> events = this.mock.client().stream(Responses.STREAM, ModelDefinition.of("openai/gpt-oss-120b"),
				Responses.Input.text("Hi"), null);

		assertThatExceptionOfType(HfInferenceException.class).isThrownBy(() -> events.collectList().block(WAIT))
			.withMessageContaining("The provider is overloaded");
	}

	@Test
	void failedAttemptIsRetriedLikeChat() throws Exception {
		this.mock.server().enqueue(new MockResponse.Builder().code(503).body("{\"error\":\"busy\"}").build());
		json(200, RESPONSE);
		ModelDefinition model = ModelDefinition.builder("gpt")
			.id("openai/gpt-oss-120b")
			.target(InferenceTarget.Router.AUTO)
			.policy(ResiliencePolicy.defaults()
				.withRetry(new RetrySettings(true, 2, Duration.ofMillis(1), 1.0, Duration.ofMillis(1), 0,
						Duration.ofMillis(1), null)))
			.build();

		InferenceResponse<ResponseOutput> response = this.mock.client().blocking()
			.execute(InferenceRequest.of(Responses.TASK, model, Responses.Input.text("Hi")));

		assertThat(response.metadata().attempts()).isEqualTo(2);
		assertThat(this.mock.server().getRequestCount()).isEqualTo(2);
	}

	@HfModel("assistant")
	interface Assistant {

		@InferenceTask("responses")
		String ask(String question);

		@InferenceTask("responses")
		Flux<String> tell(String question);

	}

	@Test
	void declarativeMethodsAnswerTextAndStreamTextDeltas() {
		json(200, RESPONSE);
		this.mock.server().enqueue(events(event("response.output_text.delta", "{\"type\":\"response.output_text.delta\","
				+ "\"delta\":\"Hi\"}"), event("response.output_text.delta", "{\"type\":\"response.output_text.delta\","
						+ "\"delta\":\" there\"}")));
		Assistant assistant = HfModelProxyFactory.builder(this.mock.client())
			.modelResolver(ModelResolver
				.of(Map.of("assistant", ConfiguredModel.of(ModelDefinition.of("openai/gpt-oss-120b")))))
			.build()
			.createClient(Assistant.class);

		assertThat(assistant.ask("Capital of France?")).isEqualTo("{\"city\":\"Paris\"}");
		assertThat(assistant.tell("Greet me").collectList().block(WAIT)).containsExactly("Hi", " there");
	}

	private void json(int status, String body) {
		this.mock.server().enqueue(new MockResponse.Builder().code(status)
			.addHeader("Content-Type", "application/json")
			.body(body)
			.build());
	}

	private static String event(String name, String data) {
		return "event: " + name + "\ndata: " + data + "\n\n";
	}

	private static MockResponse events(String... events) {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream")
			.body(String.join("", events))
			.build();
	}

	private static JsonNode body(RecordedRequest request) {
		return JsonCodec.get().parse(request.getBody().toByteArray());
	}

}
