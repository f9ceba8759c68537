package io.github.hfinference.core.replay;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.error.HfUnsupportedProviderException;
import io.github.hfinference.core.internal.routing.Providers;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;

import static io.github.hfinference.core.replay.ReplaySupport.assertSameJson;
import static io.github.hfinference.core.replay.ReplaySupport.json;
import static io.github.hfinference.core.replay.ReplaySupport.normalised;
import static io.github.hfinference.core.replay.ReplaySupport.recordedResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Replays the recorded non-streaming chat completions of every third-party provider.
 * <p>
 * Through the router (huggingface_hub cassettes for cerebras, fireworks-ai, hyperbolic,
 * nebius, novita, sambanova and together): the recording starts with the Hub mapping
 * lookup, served by the same mock server; the client must look the mapping up, then post
 * to {@code /{provider}/<provider chat route>} with the provider-side model id from the
 * mapping. Python asks for {@code ?expand=inferenceProviderMapping}, we for
 * {@code ?expand[]=inferenceProviderMapping} (the JS form; the Hub accepts both,
 * hf-protocol.md §b). Bodies are compared after dropping {@code "stream": false}.
 * <p>
 * Directly (huggingface.js tapes calling api.together.xyz, api.cerebras.ai...): an
 * {@link InferenceTarget.Endpoint} with the provider's own key posts to the recorded URL;
 * the {@code "provider"} field some huggingface.js 3.0 bodies leaked is not sent.
 */
class ChatProviderReplayTests {

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	static Stream<Interaction> routerChatPosts() {
		return Recordings.cassettes(Recordings.HUB)
			.stream()
			.filter((recording) -> recording.file().startsWith("TestInferenceClient.test_chat_completion_no_stream[")
					&& !recording.file().contains("hf-inference") && recording.method().equals("POST"));
	}

	static Stream<Interaction> currentRouterChatPosts() {
		return routerChatPosts().filter((post) -> Providers.isKnown(provider(post)));
	}

	static Stream<Interaction> droppedRouterChatPosts() {
		return routerChatPosts().filter((post) -> !Providers.isKnown(provider(post)));
	}

	private static String provider(Interaction post) {
		return post.uri().getPath().split("/")[1];
	}

	static Stream<Interaction> directProviderChatPosts() {
		return Recordings.tapes()
			.stream()
			.filter((recording) -> recording.method().equals("POST") && recording.status() == 200
					&& recording.uri().getPath().endsWith("/chat/completions")
					&& !recording.uri().getHost().endsWith("huggingface.co") && !recording.isEventStream()
					&& recording.hasJsonRequestBody() && recording.requestJson().has("model"));
	}

	@Test
	void everyRecordedProviderIsReplayed() {
		assertThat(routerChatPosts().map(ChatProviderReplayTests::provider))
			.containsExactlyInAnyOrder("cerebras", "fireworks-ai", "hyperbolic", "nebius", "novita", "sambanova",
					"together");
		assertThat(currentRouterChatPosts().map(ChatProviderReplayTests::provider))
			.containsExactlyInAnyOrder("cerebras", "fireworks-ai", "novita", "together");
		assertThat(droppedRouterChatPosts().map(ChatProviderReplayTests::provider))
			.containsExactlyInAnyOrder("hyperbolic", "nebius", "sambanova");
		assertThat(directProviderChatPosts().map((post) -> post.uri().getHost()).distinct()).hasSizeGreaterThanOrEqualTo(9);
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("currentRouterChatPosts")
	void replaysChatThroughRouterProvider(Interaction post) throws Exception {
		List<Interaction> cassette = Recordings.cassette(Recordings.HUB, post.file());
		Interaction mappingLookup = cassette.get(0);
		assertThat(mappingLookup.method()).isEqualTo("GET");
		String modelId = mappingLookup.uri().getPath().substring("/api/models/".length());
		String provider = post.uri().getPath().split("/")[1];
		JsonNode mapping = mappingLookup.responseJson().path("inferenceProviderMapping").path(provider);
		this.mock.server().enqueue(recordedResponse(mappingLookup));
		this.mock.server().enqueue(recordedResponse(post));
		ObjectNode expected = normalised((ObjectNode) post.requestJson(), true);

		InferenceResponse<ChatCompletionOutput> response = ReplaySupport.client(this.mock.server())
			.blocking()
			.execute(chatRequest(ReplaySupport.viaRouter(modelId, provider), expected));

		RecordedRequest lookup = this.mock.server().takeRequest();
		assertThat(lookup.getMethod()).isEqualTo("GET");
		assertThat(lookup.getUrl().encodedPath()).isEqualTo(mappingLookup.uri().getRawPath());
		assertThat(lookup.getUrl().queryParameter("expand[]")).isEqualTo("inferenceProviderMapping");
		assertThat(lookup.getHeaders().get("Authorization")).isEqualTo("Bearer " + ReplaySupport.TOKEN);
		RecordedRequest chat = this.mock.server().takeRequest();
		assertThat(chat.getMethod()).isEqualTo("POST");
		assertThat(chat.getTarget()).isEqualTo(post.uri().getRawPath());
		JsonNode sent = json(chat.getBody().toByteArray());
		assertThat(sent.path("model").stringValue()).as("provider-side model id from the Hub mapping")
			.isEqualTo(mapping.path("providerId").stringValue());
		assertSameJson(sent, expected, "Chat body replaying " + post);
		assertThat(chat.getHeaders().get("Authorization")).isEqualTo("Bearer " + ReplaySupport.TOKEN);
		TaskScenarios.chat(response.value(), post);
		assertThat(response.metadata().target()).isEqualTo(provider);
	}

	/**
	 * hyperbolic, nebius and sambanova were recorded in 2025 and dropped since: a call to
	 * them is refused before the mapping lookup, naming the current providers.
	 */
	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("droppedRouterChatPosts")
	void chatOnRecordedProviderTheRouterDroppedIsRefusedBeforeSending(Interaction post) {
		String provider = provider(post);

		assertThatExceptionOfType(HfUnsupportedProviderException.class)
			.isThrownBy(() -> ModelDefinition.of("org/model", provider))
			.withMessage("Provider '" + provider + "' is no longer served by the Hugging Face router; current "
					+ "providers: auto, " + String.join(", ", Providers.names()));
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("directProviderChatPosts")
	void replaysChatSentDirectlyToProvider(Interaction post) throws Exception {
		this.mock.server().enqueue(recordedResponse(post));
		ObjectNode expected = normalised((ObjectNode) post.requestJson(), true);
		expected.remove("provider");
		String providerModel = expected.path("model").stringValue();
		URI url = this.mock.server().url(post.uri().getRawPath()).uri();
		ModelDefinition model = ModelDefinition.builder(providerModel)
			.id(providerModel)
			.target(new InferenceTarget.Endpoint(post.uri().getHost(), url, HfToken.of("provider-key-1", "test"), false))
			.build();

		InferenceResponse<ChatCompletionOutput> response = ReplaySupport.client(this.mock.server())
			.blocking()
			.execute(chatRequest(model, expected));

		RecordedRequest chat = this.mock.server().takeRequest();
		assertThat(chat.getMethod()).isEqualTo("POST");
		assertThat(chat.getTarget()).isEqualTo(post.uri().getRawPath());
		assertThat(chat.getHeaders().get("Authorization")).as("the provider's own key, never the HF token")
			.isEqualTo("Bearer provider-key-1");
		assertSameJson(json(chat.getBody().toByteArray()), expected, "Chat body replaying " + post);
		TaskScenarios.chat(response.value(), post);
	}

	private static InferenceRequest<List<ChatMessage>, ChatCompletion.Parameters, ChatCompletionOutput> chatRequest(
			ModelDefinition model, ObjectNode body) {
		List<ChatMessage> messages = JsonCodec.get().convertList(body.path("messages"), ChatMessage.class);
		ObjectNode fields = body.deepCopy();
		fields.remove(List.of("messages", "model"));
		ChatCompletion.Parameters parameters = fields.isEmpty() ? null
				: JsonCodec.get().convert(fields, ChatCompletion.Parameters.class);
		if (parameters != null) {
			assertThat(JsonCodec.get().tree(parameters).size()).as("every recorded chat field is a typed parameter: %s",
					fields).isEqualTo(fields.size() - (fields.has("max_new_tokens") ? 1 : 0));
		}
		return InferenceRequest.of(ChatCompletion.TASK, model, messages)
			.withParameters(fields.has("max_new_tokens") ? withExtra(parameters, fields) : parameters);
	}

	/** hyperbolic was once sent TGI's {@code max_new_tokens}, which only goes through as an extra field. */
	private static ChatCompletion.Parameters withExtra(ChatCompletion.Parameters known, ObjectNode fields) {
		return new ChatCompletion.Parameters(known.maxTokens(), known.temperature(), known.topP(), known.stop(),
				known.seed(), known.n(), known.frequencyPenalty(), known.presencePenalty(), known.logprobs(),
				known.topLogprobs(), known.tools(), known.toolChoice(), known.toolPrompt(), known.responseFormat(),
				known.reasoningEffort(), java.util.Map.of("max_new_tokens", fields.path("max_new_tokens").intValue()));
	}

}
