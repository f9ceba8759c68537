package io.github.hfinference.core.streaming;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.StreamingRequest;
import io.github.hfinference.core.StreamingResponse;
import io.github.hfinference.core.TestModels;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfGenerationException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.error.HfValidationException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ChatStreams;
import io.github.hfinference.core.task.chat.ToolCall;

import static io.github.hfinference.core.streaming.StreamingConnectionTests.chunk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event-stream dialects servers speak, the errors they raise before and inside a
 * stream, and what the client sends and reports.
 */
class StreamingProtocolTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello"));

	private static final String HI = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}";

	private static final String THERE = "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"}}]}";

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	private ModelDefinition model;

	@BeforeEach
	void start() {
		this.model = ModelDefinition.builder("chat").id("meta-llama/Llama-3.1-8B-Instruct")
			.target(new InferenceTarget.Router("hf-inference"))
			// one attempt: these tests are about the protocol, not retries
			.policy(TestModels.SINGLE_ATTEMPT)
			.build();
	}

	static List<Arguments> dialects() {
		return List.of(Arguments.of("space after data:", "data: " + HI + "\n\ndata: " + THERE + "\n\ndata: [DONE]\n\n"),
				Arguments.of("no space after data:", "data:" + HI + "\n\ndata:" + THERE + "\n\ndata:[DONE]\n\n"),
				Arguments.of("comments, event, id and retry lines",
						": keep-alive\n\nevent: message\nid: 1\nretry: 3000\ndata: " + HI + "\n\n:ping\n\nid: 2\ndata: "
								+ THERE + "\n\n"),
				Arguments.of("multi-line data",
						"data: {\"choices\":\ndata: [{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\ndata: " + THERE
								+ "\n\n"),
				Arguments.of("CRLF line ends", "data: " + HI + "\r\n\r\ndata: " + THERE + "\r\n\r\ndata: [DONE]\r\n\r\n"),
				Arguments.of("no [DONE]", "data: " + HI + "\n\ndata: " + THERE + "\n\n"),
				Arguments.of("no blank line at the end", "data: " + HI + "\n\ndata: " + THERE),
				Arguments.of("[DONE] followed by junk",
						"data: " + HI + "\n\ndata: " + THERE + "\n\ndata: [DONE]\n\ndata: not json\n\ndata: " + HI + "\n\n"),
				Arguments.of("empty data and blank events", "\n\ndata:\n\ndata: " + HI + "\n\n\n\ndata: " + THERE + "\n\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dialects")
	void understandsEventStreamDialects(String dialect, String body) {
		this.mock.server().enqueue(sse(body));

		StepVerifier.create(ChatStreams.textDeltas(this.mock.client().stream(ChatCompletion.STREAM, this.model, HELLO, null)))
			.expectNext("Hi", " there")
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void readsAnEventStreamWithoutContentType() {
		this.mock.server().enqueue(new MockResponse.Builder().code(200).body("data: " + HI + "\n\n").build());

		StepVerifier.create(ChatStreams.textDeltas(this.mock.client().stream(ChatCompletion.STREAM, this.model, HELLO, null)))
			.expectNext("Hi")
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void sendsStreamFlagsAcceptAndCallHeaders() throws InterruptedException {
		this.mock.server().enqueue(sse("data: " + HI + "\n\n"));

		this.mock.client().executeStream(StreamingRequest.of(ChatCompletion.STREAM, this.model, HELLO)
			.withParameters(ChatCompletion.Parameters.builder().maxTokens(5).build())
			.withOptions(CallOptions.defaults().withHeader("X-Trace", "t-1")))
			.chunks()
			.blockLast(WAIT);

		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getTarget()).isEqualTo("/hf-inference/models/meta-llama/Llama-3.1-8B-Instruct/v1/chat/completions");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
		assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t-1");
		assertThat(json(request.getBody().utf8())).isEqualTo(json("{\"model\":\"meta-llama/Llama-3.1-8B-Instruct\","
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":5,\"stream\":true,"
				+ "\"stream_options\":{\"include_usage\":true}}"));
	}

	@Test
	void keepsStreamOptionsTheCallerSet() throws InterruptedException {
		this.mock.server().enqueue(sse("data: " + HI + "\n\n"));
		ChatCompletion.Parameters parameters = ChatCompletion.Parameters.builder()
			.extra("stream_options", Map.of("include_usage", false))
			.build();

		this.mock.client().stream(ChatCompletion.STREAM, this.model, HELLO, parameters).blockLast(WAIT);

		JsonNode body = json(this.mock.server().takeRequest().getBody().utf8());
		assertThat(body.at("/stream_options/include_usage").asBoolean()).isFalse();
		assertThat(body.get("stream").asBoolean()).isTrue();
	}

	@Test
	void reportsHeadersAndLastUsageAsMetadataWithoutStartingACallItself() {
		this.mock.server().enqueue(sse("data: " + HI + "\n\ndata: {\"choices\":[],\"usage\":{\"prompt_tokens\":9,"
				+ "\"completion_tokens\":2,\"total_tokens\":11}}\n\ndata: [DONE]\n\n", Map.of("x-request-id", "req-7",
						"x-sha", "0e9e39f2", "x-compute-type", "2-a10-g")));
		StreamingResponse<ChatCompletionChunk> response = this.mock.client()
			.executeStream(StreamingRequest.of(ChatCompletion.STREAM, this.model, HELLO));

		StepVerifier.create(response.metadata()).expectSubscription().expectNoEvent(Duration.ofMillis(100)).thenCancel()
			.verify(WAIT);
		assertThat(this.mock.server().getRequestCount()).isZero();

		ResponseMetadata metadata = response.chunks().then(response.metadata()).block(WAIT);
		assertThat(metadata.target()).isEqualTo("hf-inference");
		assertThat(metadata.requestId()).isEqualTo("req-7");
		assertThat(metadata.servedRevision()).isEqualTo("0e9e39f2");
		assertThat(metadata.computeType()).isEqualTo("2-a10-g");
		assertThat(metadata.promptTokens()).isEqualTo(9);
		assertThat(metadata.generatedTokens()).isEqualTo(2);
	}

	@Test
	void reassemblesToolCallsStreamedInFragments() {
		this.mock.server().enqueue(sse(toolCallFragments()));

		ChatCompletionOutput output = ChatStreams
			.aggregate(this.mock.client().stream(ChatCompletion.STREAM, this.model, HELLO, null))
			.block(WAIT);

		assertThat(output.choices()).singleElement().satisfies((choice) -> {
			assertThat(choice.finishReason()).isEqualTo("tool_calls");
			assertThat(choice.message().content()).isNull();
			assertThat(choice.message().toolCalls()).containsExactly(
					new ToolCall("call_1", "function", new ToolCall.Function("get_weather", "{\"city\":\"Paris\"}")),
					new ToolCall("call_2", "function", new ToolCall.Function("get_time", "{\"tz\":\"CET\"}")));
		});
		assertThat(output.usage().totalTokens()).isEqualTo(30);
	}

	@Test
	void openAiErrorObjectInsideTheStreamEndsItWithTheTypedException() {
		this.mock.server().enqueue(sse("data: " + HI + "\n\ndata: {\"error\":{\"message\":\"This model's maximum context length "
				+ "is 8192 tokens\",\"type\":\"invalid_request_error\",\"code\":null}}\n\n", Map.of("x-request-id", "req-9")));

		StepVerifier.create(this.mock.client().stream(ChatCompletion.STREAM, this.model, HELLO, null))
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("Hi"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(HfValidationException.class, (error) -> {
				assertThat(error.getStatus()).isEqualTo(200);
				assertThat(error.getRequestId()).isEqualTo("req-9");
				assertThat(error.getServerMessage()).isEqualTo("This model's maximum context length is 8192 tokens");
			}))
			.verify(WAIT);
	}

	static List<Arguments> errorEvents() {
		return List.of(
				Arguments.of("data: {\"error\":\"Request failed during generation: Server error: CUDA out of memory\","
						+ "\"error_type\":\"generation\"}\n\n", HfGenerationException.class),
				Arguments.of("data: {\"error\":\"Model is overloaded\",\"error_type\":\"overloaded\"}\n\n",
						HfRateLimitException.class),
				Arguments.of("data: {\"error\":\"Incomplete generation\",\"error_type\":\"incomplete_generation\"}\n\n",
						HfServerException.class),
				Arguments.of("event: error\ndata: upstream provider closed the stream\n\n", HfServerException.class));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("errorEvents")
	void errorEventsMapToTheSameExceptionsAsErrorResponses(String event, Class<? extends HfHttpException> expected) {
		this.mock.server().enqueue(sse("data: " + HI + "\n\n" + event + "data: " + THERE + "\n\n"));

		StepVerifier.create(this.mock.client().stream(ChatCompletion.STREAM, this.model, HELLO, null))
			.expectNextCount(1)
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(expected)
				.hasMessageContaining("Error event in stream from model 'meta-llama/Llama-3.1-8B-Instruct'"))
			.verify(WAIT);
	}

	@Test
	void errorStatusBeforeTheStreamRaisesTheUsualTypedException() {
		this.mock.server().enqueue(new MockResponse.Builder().code(429)
			.addHeader("Retry-After", "3")
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":\"Rate limit reached\"}")
			.build());
		StreamingResponse<ChatCompletionChunk> response = this.mock.client()
			.executeStream(StreamingRequest.of(ChatCompletion.STREAM, this.model, HELLO));

		StepVerifier.create(response.chunks())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(HfRateLimitException.class, (error) -> {
				assertThat(error.getStatus()).isEqualTo(429);
				assertThat(error.getRetryAfter()).hasSeconds(3);
			}))
			.verify(WAIT);
		StepVerifier.create(response.metadata()).expectError(HfRateLimitException.class).verify(WAIT);
	}

	@Test
	void jsonAnswerToAStreamingCallIsAClearTypedError() {
		this.mock.server().enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"}}]}")
			.build());

		StepVerifier.create(this.mock.client().stream(ChatCompletion.STREAM, this.model, HELLO, null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfResponseException.class)
				.hasMessageContaining("hf-inference answered the streaming call for model "
						+ "'meta-llama/Llama-3.1-8B-Instruct' with application/json")
				.hasMessageContaining("instead of an event stream"))
			.verify(WAIT);
	}

	@Test
	void jsonErrorAnswerToAStreamingCallKeepsItsType() {
		this.mock.server().enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":\"Template error: template not found\",\"error_type\":\"template_error\"}")
			.build());

		StepVerifier.create(this.mock.client().stream(ChatCompletion.STREAM, this.model, HELLO, null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(HfValidationException.class,
					(error) -> assertThat(error.getServerMessage()).isEqualTo("Template error: template not found")))
			.verify(WAIT);
	}

	@Test
	void eventThatIsNotJsonIsAResponseError() {
		this.mock.server().enqueue(sse("data: " + HI + "\n\ndata: <html>Bad gateway</html>\n\n"));

		StepVerifier.create(this.mock.client().stream(ChatCompletion.STREAM, this.model, HELLO, null))
			.expectNextCount(1)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfResponseException.class)
				.hasMessageContaining("is not JSON: <html>Bad gateway</html>"))
			.verify(WAIT);
	}

	@Test
	void inProcessTargetCannotStream() {
		ModelDefinition local = ModelDefinition.builder("local").target(new InferenceTarget.InProcess("local")).build();

		StepVerifier.create(this.mock.client().stream(ChatCompletion.STREAM, local, HELLO, null))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfConfigurationException.class)
				.hasMessageContaining("runs in process and cannot stream chat-completion"))
			.verify(WAIT);
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	private static String toolCallFragments() {
		String[] fragments = {
				"{\"index\":0,\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"\"}}",
				"{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\"}}",
				"{\"index\":1,\"id\":\"call_2\",\"type\":\"function\",\"function\":{\"name\":\"get_time\",\"arguments\":\"{\\\"tz\\\"\"}}",
				"{\"index\":0,\"function\":{\"arguments\":\"\\\"Paris\\\"}\"}}",
				"{\"index\":1,\"function\":{\"arguments\":\":\\\"CET\\\"}\"}}" };
		StringBuilder body = new StringBuilder(
				"data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":null}}]}\n\n");
		for (String fragment : fragments) {
			body.append("data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[").append(fragment)
				.append("]}}]}\n\n");
		}
		body.append("data: {\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n");
		body.append("data: {\"choices\":[],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":10,\"total_tokens\":30}}\n\n");
		return body.append("data: [DONE]\n\n").toString();
	}

	private static MockResponse sse(String body) {
		return sse(body, Map.of());
	}

	private static MockResponse sse(String body, Map<String, String> headers) {
		MockResponse.Builder response = new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream");
		headers.forEach(response::addHeader);
		return response.body(body).build();
	}

	private static JsonNode json(String text) {
		return JsonCodec.get().mapper().readTree(text);
	}

}
