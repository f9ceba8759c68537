package io.github.hfinference.core.streaming;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.StreamingRequest;
import io.github.hfinference.core.StreamingResponse;
import io.github.hfinference.core.TestModels;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfValidationException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.TextGeneration;
import io.github.hfinference.core.task.TextGenerationStreams;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ChatStreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Replays recorded streams (router providers, hf-inference TGI, OpenAI-compatible
 * gateways, the recorded error event) and checks both what the client sent and what it
 * read, against an oracle that reads the recorded bodies line by line.
 */
class StreamingReplayTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "hf-inference", "cerebras", "fireworks-ai", "novita", "together" })
	void chatStreamThroughRouterProvider(String provider) throws IOException {
		List<Recordings.Exchange> cassette = Recordings
			.cassette("TestInferenceClient.test_chat_completion_with_stream[" + provider + ",conversational].yaml");
		Recordings.Exchange post = post(cassette);
		Recordings.Replay replay = replay(cassette);
		String modelId = cassette.get(0).uri().getPath().substring("/api/models/".length());
		ModelDefinition model = ModelDefinition.builder("chat")
			.id(modelId)
			.target(new InferenceTarget.Router(provider))
			.build();

		StreamingResponse<ChatCompletionChunk> response = client().executeStream(chatRequest(post, model));
		List<ChatCompletionChunk> chunks = response.chunks().collectList().block(WAIT);
		ResponseMetadata metadata = response.metadata().block(WAIT);

		RecordedRequest sent = replay.only("POST");
		assertThat(sent.getTarget()).isEqualTo(post.uri().getRawPath());
		assertThat(sent.getHeaders().get("Accept")).isEqualTo("text/event-stream");
		assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
		JsonNode body = json(sent.getBody().utf8());
		JsonNode recorded = post.requestJson();
		assertThat(body.get("model")).isEqualTo(recorded.get("model"));
		assertThat(body.get("messages")).isEqualTo(recorded.get("messages"));
		assertThat(body.get("max_tokens")).isEqualTo(recorded.get("max_tokens"));
		assertThat(body.get("stream").asBoolean()).isTrue();
		assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
		assertReadAsRecorded(post, chunks, metadata);
	}

	@Test
	void chatStreamThroughAutoRouterWithoutDoneMarker() throws IOException {
		List<Recordings.Exchange> cassette = Recordings
			.cassette("TestInferenceClient.test_chat_completion_with_stream[cerebras,conversational].yaml");
		Recordings.Exchange post = post(cassette);
		assertThat(post.dataLines()).doesNotContain("[DONE]");
		Recordings.Exchange routed = new Recordings.Exchange("POST", URI.create("/v1/chat/completions"),
				post.requestBody(), post.status(), post.headers(), post.body());
		Recordings.Replay replay = replay(List.of(routed));

		StreamingResponse<ChatCompletionChunk> response = client()
			.executeStream(chatRequest(post, ModelDefinition.of("meta-llama/Llama-3.3-70B-Instruct")));
		List<ChatCompletionChunk> chunks = response.chunks().collectList().block(WAIT);

		RecordedRequest sent = replay.only("POST");
		assertThat(sent.getTarget()).isEqualTo("/v1/chat/completions");
		assertThat(json(sent.getBody().utf8()).get("model").asString()).isEqualTo("meta-llama/Llama-3.3-70B-Instruct");
		assertThat(replay.requests).hasSize(1);
		assertReadAsRecorded(post, chunks, response.metadata().block(WAIT));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "d75f3431ab05", "dfeb28ea584b", "cb34d07934bd" })
	void chatStreamFromOpenAiCompatibleGateway(String tape) throws IOException {
		Recordings.Exchange recorded = Recordings.tape(tape);
		Recordings.Exchange served = new Recordings.Exchange("POST", URI.create(recorded.uri().getPath()),
				recorded.requestBody(), recorded.status(), recorded.headers(), recorded.body());
		Recordings.Replay replay = replay(List.of(served));
		String path = recorded.uri().getPath();
		URI gateway = this.mock.server().url(path.substring(0, path.length() - "/chat/completions".length())).uri();
		String modelId = recorded.requestJson().get("model").asString();
		ModelDefinition model = ModelDefinition.builder("gateway")
			.id(modelId)
			.target(new InferenceTarget.Endpoint("gateway", gateway, HfToken.of("sk-test", "test"), false))
			.build();

		StreamingResponse<ChatCompletionChunk> response = client().executeStream(chatRequest(recorded, model));
		List<ChatCompletionChunk> chunks = response.chunks().collectList().block(WAIT);

		RecordedRequest sent = replay.only("POST");
		assertThat(sent.getTarget()).isEqualTo(path);
		assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test");
		assertThat(json(sent.getBody().utf8()).get("model").asString()).isEqualTo(modelId);
		assertReadAsRecorded(recorded, chunks, response.metadata().block(WAIT));
	}

	@Test
	void chatStreamFromDedicatedTgiEndpoint() throws IOException {
		List<Recordings.Exchange> cassette = Recordings.cassette("TestOpenAICompatibility.test_with_stream_true.yaml");
		Recordings.Exchange post = post(cassette);
		Recordings.Replay replay = replay(cassette);
		String path = post.uri().getPath();
		URI endpoint = this.mock.server().url(path.substring(0, path.length() - "/v1/chat/completions".length())).uri();
		ModelDefinition model = ModelDefinition.builder("llama")
			.id("meta-llama/Meta-Llama-3-8B-Instruct")
			.target(InferenceTarget.Endpoint.of(endpoint))
			.build();

		StreamingResponse<ChatCompletionChunk> response = client().executeStream(chatRequest(post, model));
		List<ChatCompletionChunk> chunks = response.chunks().collectList().block(WAIT);

		RecordedRequest sent = replay.only("POST");
		assertThat(sent.getTarget()).isEqualTo(path);
		assertThat(sent.getHeaders().get("Authorization")).as("no token for a host that is not Hugging Face's").isNull();
		assertReadAsRecorded(post, chunks, response.metadata().block(WAIT));
		assertThat(ChatStreams.aggregate(Flux.fromIterable(chunks)).block(WAIT).content()).startsWith("1, 2, 3");
	}

	@Test
	void oldTgiChatStreamWithoutSpaceAfterDataAndWithoutDone() throws IOException {
		Recordings.Exchange recorded = Recordings.tape("e1218ba647f9");
		assertThat(recorded.body()).startsWith("data:{").doesNotContain("[DONE]");
		replay(List.of(recorded));
		ModelDefinition model = TestModels.onHfInference("mistral", "mistralai/Mistral-7B-Instruct-v0.2");

		StreamingResponse<ChatCompletionChunk> response = client().executeStream(chatRequest(recorded, model));

		assertReadAsRecorded(recorded, response.chunks().collectList().block(WAIT), response.metadata().block(WAIT));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "TestTextGenerationClientVCR.test_generate_stream_with_details.yaml",
			"TestTextGenerationClientVCR.test_generate_stream_no_details.yaml" })
	void textGenerationStreamWithFinalDetails(String file) throws IOException {
		List<Recordings.Exchange> cassette = Recordings.cassette(file);
		Recordings.Exchange post = post(cassette);
		Recordings.Replay replay = replay(cassette);
		JsonNode recorded = post.requestJson();
		TextGeneration.Parameters parameters = JsonCodec.get()
			.convert(recorded.get("parameters"), TextGeneration.Parameters.class);
		ModelDefinition model = TestModels.onHfInference("t5", "google/flan-t5-xxl");

		StreamingResponse<TextGeneration.StreamOutput> response = client().executeStream(
				StreamingRequest.of(TextGeneration.STREAM, model, recorded.get("inputs").asString())
					.withParameters(parameters));
		List<TextGeneration.StreamOutput> events = response.chunks().collectList().block(WAIT);
		ResponseMetadata metadata = response.metadata().block(WAIT);

		RecordedRequest sent = replay.only("POST");
		assertThat(sent.getTarget()).isEqualTo("/hf-inference/models/google/flan-t5-xxl");
		assertThat(json(sent.getBody().utf8())).as("body sent").isEqualTo(recorded);
		assertThat(events).singleElement().satisfies((last) -> {
			assertThat(last.isLast()).isTrue();
			assertThat(last.token()).isEqualTo(new TextGeneration.Token(3, " ", -2.0078125, false));
			assertThat(last.generatedText()).isEmpty();
			assertThat(last.details()).isEqualTo(new TextGeneration.StreamDetails("length", 1, null, null));
		});
		TextGeneration.Output output = TextGenerationStreams.aggregate(Flux.fromIterable(events)).block(WAIT);
		assertThat(output.generatedText()).isEmpty();
		assertThat(output.details().finishReason()).isEqualTo("length");
		assertThat(output.details().generatedTokens()).isEqualTo(1);
		assertThat(output.details().tokens()).containsExactly(events.get(0).token());
		assertThat(metadata.requestId()).isEqualTo(header(post, "x-request-id"));
		assertThat(metadata.servedRevision()).isEqualTo(header(post, "x-sha"));
		assertThat(metadata.computeType()).isEqualTo(header(post, "x-compute-type"));
		assertThat(metadata.generatedTokens()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "3694ddcced22", "2cc5a8d9d908", "5a02b89bab2c" })
	void textGenerationStreamOfManyTokens(String tape) {
		Recordings.Exchange recorded = Recordings.tape(tape);
		Recordings.Replay replay = replay(List.of(recorded));
		JsonNode request = recorded.requestJson();
		String modelId = recorded.uri().getPath().substring("/hf-inference/models/".length());
		ModelDefinition model = TestModels.onHfInference("tgi", modelId);
		TextGeneration.Parameters parameters = request.has("parameters")
				? JsonCodec.get().convert(request.get("parameters"), TextGeneration.Parameters.class) : null;

		List<TextGeneration.StreamOutput> events = client()
			.stream(TextGeneration.STREAM, model, request.get("inputs").asString(), parameters)
			.collectList()
			.block(WAIT);

		JsonNode sent = json(replay.only("POST").getBody().utf8());
		assertThat(sent.get("stream").asBoolean()).isTrue();
		assertThat(sent.get("inputs")).isEqualTo(request.get("inputs"));
		List<JsonNode> expected = recorded.dataLines().stream().map(StreamingReplayTests::json).toList();
		assertThat(events).hasSize(expected.size()).hasSizeGreaterThan(4);
		assertThat(events).filteredOn(TextGeneration.StreamOutput::isLast).containsExactly(events.get(events.size() - 1));
		String tokens = expected.stream()
			.filter((event) -> !event.at("/token/special").asBoolean())
			.map((event) -> event.at("/token/text").asString())
			.collect(Collectors.joining());
		assertThat(String.join("", TextGenerationStreams.tokenTexts(Flux.fromIterable(events)).collectList().block(WAIT)))
			.isEqualTo(tokens);
		assertThat(TextGenerationStreams.aggregate(Flux.fromIterable(events)).block(WAIT).generatedText())
			.isEqualTo(expected.get(expected.size() - 1).get("generated_text").asString());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "18af437e8c96", "55d57dc676cb" })
	void errorEventInsideHttp200StreamRaisesWhatTheNonStreamingCallRaises(String tape) {
		Recordings.Exchange recorded = Recordings.tape(tape);
		assertThat(recorded.status()).isEqualTo(200);
		List<Recordings.Exchange> validation = Recordings
			.cassette("TestTextGenerationClientVCR.test_generate_validation_error.yaml");
		Recordings.Exchange rejected = post(validation);
		replay(List.of(recorded, rejected));
		JsonNode request = recorded.requestJson();
		String modelId = recorded.uri().getPath().substring("/hf-inference/models/".length());
		ModelDefinition model = TestModels.onHfInference("tgi", modelId);
		StreamingResponse<TextGeneration.StreamOutput> response = client()
			.executeStream(StreamingRequest.of(TextGeneration.STREAM, model, request.get("inputs").asString())
				.withParameters(TextGeneration.Parameters.maxNewTokens(10000)));

		StepVerifier.create(response.chunks())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(HfValidationException.class, (error) -> {
				assertThat(error.getStatus()).isEqualTo(200);
				assertThat(error.getErrorType()).isEqualTo("validation");
				assertThat(error.getServerMessage()).startsWith("Input validation error: `inputs` tokens");
				assertThat(error.getMessage()).contains(modelId).doesNotContain("hf_test");
			}))
			.verify(WAIT);
		StepVerifier.create(response.metadata()).expectError(HfValidationException.class).verify(WAIT);

		ModelDefinition t5 = TestModels.onHfInference("t5", "google/flan-t5-xxl");
		assertThatExceptionOfType(HfHttpException.class)
			.isThrownBy(() -> client().blocking()
				.execute(InferenceRequest.of(TextGeneration.TASK, t5, "test")
					.withParameters(TextGeneration.Parameters.maxNewTokens(10000))))
			.satisfies((nonStreaming) -> {
				assertThat(nonStreaming).isExactlyInstanceOf(HfValidationException.class);
				assertThat(nonStreaming.getStatus()).isEqualTo(422);
				assertThat(nonStreaming.getErrorType()).isEqualTo("validation");
			});
	}

	/**
	 * Checks the chunks read against the recorded body read line by line: one chunk per
	 * data event, the same text and finish reason, and the last usage in the metadata.
	 */
	private static void assertReadAsRecorded(Recordings.Exchange recorded, List<ChatCompletionChunk> chunks,
			ResponseMetadata metadata) {
		List<JsonNode> events = recorded.dataLines()
			.stream()
			.filter((data) -> !data.equals("[DONE]"))
			.map(StreamingReplayTests::json)
			.toList();
		assertThat(chunks).hasSize(events.size());
		String text = events.stream()
			.map((event) -> event.at("/choices/0/delta/content"))
			.filter(JsonNode::isString)
			.map(JsonNode::asString)
			.collect(Collectors.joining());
		assertThat(text).isNotBlank();
		assertThat(String.join("", ChatStreams.textDeltas(Flux.fromIterable(chunks)).collectList().block(WAIT)))
			.isEqualTo(text);
		ChatCompletionOutput whole = ChatStreams.aggregate(Flux.fromIterable(chunks)).block(WAIT);
		assertThat(whole.content()).isEqualTo(text);
		assertThat(whole.choices()).singleElement().satisfies((choice) -> {
			assertThat(choice.message().role()).isEqualTo("assistant");
			assertThat(choice.finishReason()).isEqualTo(events.stream()
				.map((event) -> event.at("/choices/0/finish_reason"))
				.filter(JsonNode::isString)
				.map(JsonNode::asString)
				.reduce((first, second) -> second)
				.orElseThrow());
		});
		JsonNode usage = events.stream()
			.map((event) -> event.get("usage"))
			.filter((node) -> node != null && node.isObject())
			.reduce((first, second) -> second)
			.orElse(null);
		if (usage != null) {
			assertThat(whole.usage().promptTokens()).isEqualTo(usage.get("prompt_tokens").asInt());
			assertThat(whole.usage().completionTokens()).isEqualTo(usage.get("completion_tokens").asInt());
			assertThat(metadata.promptTokens()).isEqualTo(usage.get("prompt_tokens").asInt());
			assertThat(metadata.generatedTokens()).isEqualTo(usage.get("completion_tokens").asInt());
		}
		else {
			assertThat(whole.usage()).isNull();
			assertThat(metadata.generatedTokens()).isNull();
		}
		assertThat(metadata.target()).isNotBlank();
		assertThat(metadata.requestId()).isEqualTo(header(recorded, "x-request-id"));
	}

	private StreamingRequest<List<ChatMessage>, ChatCompletion.Parameters, ChatCompletionChunk> chatRequest(
			Recordings.Exchange post, ModelDefinition model) {
		JsonNode recorded = post.requestJson();
		List<ChatMessage> messages = JsonCodec.get().convertList(recorded.get("messages"), ChatMessage.class);
		ChatCompletion.Parameters parameters = JsonCodec.get().convert(recorded, ChatCompletion.Parameters.class);
		return StreamingRequest.of(ChatCompletion.STREAM, model, messages).withParameters(parameters);
	}

	private Recordings.Replay replay(List<Recordings.Exchange> exchanges) {
		Recordings.Replay replay = new Recordings.Replay(exchanges);
		this.mock.server().setDispatcher(replay);
		return replay;
	}

	private HfInferenceClient client() {
		return this.mock.client();
	}

	private static Recordings.Exchange post(List<Recordings.Exchange> cassette) {
		return cassette.stream().filter((exchange) -> exchange.method().equals("POST")).findFirst().orElseThrow();
	}

	private static String header(Recordings.Exchange exchange, String name) {
		return exchange.headers()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.map((values) -> values.get(0))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	private static JsonNode json(String text) {
		return JsonCodec.get().mapper().readTree(text);
	}

}
