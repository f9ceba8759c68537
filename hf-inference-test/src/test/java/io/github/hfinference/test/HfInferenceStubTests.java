package io.github.hfinference.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.error.HfAuthenticationException;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfGenerationException;
import io.github.hfinference.core.error.HfNotFoundException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.hub.HubClient.ModelInfo;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.media.PollBackoff;
import io.github.hfinference.core.task.BinaryOutput;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.SentenceSimilarity;
import io.github.hfinference.core.task.Summarization;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.TextToImage;
import io.github.hfinference.core.task.TextToVideo;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.Usage;

import static io.github.hfinference.test.HfAnswers.label;
import static io.github.hfinference.test.StubClients.TIMEOUT;
import static io.github.hfinference.test.StubClients.once;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stub answers a real {@link HfInferenceClient} in the wire formats it reads, for
 * scripted results, failures, streams, the Hub and endpoints.
 */
class HfInferenceStubTests {

	private final HfInferenceStub stub = HfInferenceStub.start();

	private final HfInferenceClient client = StubClients.client(this.stub);

	@AfterEach
	void stop() {
		this.stub.close();
	}

	@Test
	void textClassificationAnswersTheScriptedLabelsThroughTheRoutersAutoProvider() {
		this.stub.model("org/m").task(TextClassification.TASK).answers(List.of(label("POSITIVE", 0.98)));
		List<ClassificationOutput> labels = this.client.call(TextClassification.TASK, "org/m", "I like you")
			.block(TIMEOUT);
		assertThat(labels).containsExactly(new ClassificationOutput("POSITIVE", 0.98));
		assertThat(this.stub.calls("org/m")).singleElement().satisfies((call) -> {
			assertThat(call.path()).isEqualTo("/hf-inference/models/org/m");
			assertThat(call.task()).isEqualTo("text-classification");
			assertThat(call.bodyJson().path("inputs").asString()).isEqualTo("I like you");
		});
	}

	@Test
	void typedAnswersOfPipelineJsonAndBinaryTasksDecodeToTheSameValues() {
		Embedding embedding = HfAnswers.embedding(0.25f, -0.5f, 1.0f);
		BinaryOutput image = new BinaryOutput(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "image/png");
		this.stub.model("org/embed").task(FeatureExtraction.TASK).answers(embedding);
		this.stub.model("org/similar").task(SentenceSimilarity.TASK).answers(List.of(0.9, 0.1));
		this.stub.model("org/summary").task(Summarization.TASK).answers(new Summarization.Output("Short."));
		this.stub.model("org/image").task(TextToImage.TASK).answers(image);
		assertThat(this.client.call(FeatureExtraction.TASK, "org/embed", "text").block(TIMEOUT)).isEqualTo(embedding);
		assertThat(this.client.call(SentenceSimilarity.TASK, "org/similar",
				new SentenceSimilarity.Input("a", List.of("b", "c"))).block(TIMEOUT)).containsExactly(0.9, 0.1);
		assertThat(this.client.call(Summarization.TASK, "org/summary", "Long text.").block(TIMEOUT))
			.isEqualTo(new Summarization.Output("Short."));
		assertThat(this.client.call(TextToImage.TASK, "org/image", "a cat").block(TIMEOUT)).isEqualTo(image);
		assertThat(this.stub.calls("org/embed")).singleElement()
			.satisfies((call) -> assertThat(call.path()).isEqualTo("/hf-inference/models/org/embed/pipeline/feature-extraction"));
	}

	@Test
	void aFalAiVideoRunsThroughTheQueueAndAnImageAtOnce() {
		BinaryOutput video = new BinaryOutput(new byte[] { 0, 0, 0, 24, 'f', 't', 'y', 'p' }, "video/mp4");
		BinaryOutput image = new BinaryOutput(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "image/png");
		this.stub.model("org/video").servedBy("fal-ai").task(TextToVideo.TASK).answers(video);
		this.stub.model("org/image").servedBy("fal-ai").task(TextToImage.TASK).answers(image);
		HfInferenceClient client = StubClients.builder(this.stub)
			.pollBackoff(new PollBackoff(Duration.ofMillis(10), Duration.ofMillis(50)))
			.build();
		assertThat(client.call(TextToVideo.TASK, "org/video", "a cat surfing").block(TIMEOUT)).isEqualTo(video);
		assertThat(client.call(TextToImage.TASK, "org/image", "a cat").block(TIMEOUT)).isEqualTo(image);
		assertThat(this.stub.calls()).filteredOn((call) -> call.method().equals("POST") || call.path().startsWith("/media/"))
			.extracting(StubCall::target)
			.containsExactly("/fal-ai/org/video?_subdomain=queue", "/media/job-1/status", "/media/job-1/status",
					"/media/job-1/result", "/media/job-1/content", "/fal-ai/org/image", "/media/job-2/content");
	}

	@Test
	void chatAnswersPlainAndStreamedRequestsFromOneScript() {
		this.stub.model("meta/llama").chat().streams("Hel", "lo", "!");
		List<ChatMessage> messages = List.of(ChatMessage.user("Say hello"));
		assertThat(this.client.call(ChatCompletion.TASK, "meta/llama", messages).block(TIMEOUT).content())
			.isEqualTo("Hello!");
		List<ChatCompletionChunk> chunks = this.client.stream(ChatCompletion.STREAM, "meta/llama", messages)
			.collectList()
			.block(TIMEOUT);
		assertThat(chunks).extracting(ChatCompletionChunk::content).containsExactly("Hel", "lo", "!");
		assertThat(this.stub.calls("meta/llama")).extracting(StubCall::isStream).containsExactly(false, true);
		assertThat(this.stub.calls("meta/llama").get(0).path()).isEqualTo("/v1/chat/completions");
	}

	@Test
	void typedChunksAreStreamedAsTheyAre() {
		List<ChatCompletionChunk> chunks = List.of(HfAnswers.chatChunk("meta/llama", "Pa", null),
				HfAnswers.chatChunk("meta/llama", "ris", "stop"));
		this.stub.model("meta/llama").chat().streams(chunks);
		assertThat(this.client.stream(ChatCompletion.STREAM, "meta/llama", List.of(ChatMessage.user("Capital?")))
			.collectList()
			.block(TIMEOUT)).isEqualTo(chunks);
		assertThat(this.client.call(ChatCompletion.TASK, "meta/llama", List.of(ChatMessage.user("Capital?")))
			.block(TIMEOUT)
			.content()).isEqualTo("Paris");
	}

	@Test
	void aChatReplyCarriesTheGivenUsage() {
		this.stub.model("meta/llama").chat().answers(HfAnswers.chatReply("meta/llama", "Paris.", new Usage(20, 5, 25)));
		ChatCompletionOutput output = this.client
			.call(ChatCompletion.TASK, "meta/llama", List.of(ChatMessage.user("Capital?")))
			.block(TIMEOUT);
		assertThat(output.content()).isEqualTo("Paris.");
		assertThat(output.usage()).isEqualTo(new Usage(20, 5, 25));
	}

	@Test
	void aCompletionWrittenAsJsonIsSentAsItIsAndStreamsItsText() {
		String json = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"meta/llama\","
				+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"42\","
				+ "\"reasoning_content\":\"Six times seven.\"},\"finish_reason\":\"stop\"}],\"usage\":{"
				+ "\"prompt_tokens\":30,\"completion_tokens\":12,\"total_tokens\":42,"
				+ "\"prompt_tokens_details\":{\"cached_tokens\":16}}}";
		this.stub.model("meta/llama").chat().answersJson(json);
		List<ChatMessage> messages = List.of(ChatMessage.user("6 x 7?"));
		ChatCompletionOutput output = this.client.call(ChatCompletion.TASK, "meta/llama", messages).block(TIMEOUT);
		assertThat(output.reasoning()).isEqualTo("Six times seven.");
		assertThat(output.usage().promptTokensDetails().cachedTokens()).isEqualTo(16);
		assertThat(this.client.stream(ChatCompletion.STREAM, "meta/llama", messages)
			.map(ChatCompletionChunk::content)
			.collectList()
			.block(TIMEOUT)).containsExactly("42");
		assertThatThrownBy(() -> this.stub.model("meta/llama").chat().answersJson("[1]"))
			.isInstanceOf(HfConfigurationException.class)
			.hasMessageContaining("answersJson(...) for the chat of model 'meta/llama' needs a ChatCompletionOutput");
	}

	@Test
	void chunksWrittenAsJsonAreStreamedAsTheyAreAndJoinedForAPlainCall() {
		this.stub.model("meta/llama").chat().streamsJson(
				"{\"object\":\"chat.completion.chunk\",\"created\":1,\"choices\":[{\"index\":0,\"delta\":"
						+ "{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
						+ "\"function\":{\"name\":\"weather\",\"arguments\":\"{\\\"city\\\":\"}}]},\"finish_reason\":null}]}",
				"{\"object\":\"chat.completion.chunk\",\"created\":1,\"choices\":[{\"index\":0,\"delta\":"
						+ "{\"reasoning_content\":\"Sunny\",\"content\":\"Pa\"},\"finish_reason\":null}]}",
				"{\"object\":\"chat.completion.chunk\",\"created\":1,\"choices\":[{\"index\":0,\"delta\":"
						+ "{\"content\":\"ris\"},\"finish_reason\":\"stop\"}]}");
		List<ChatMessage> messages = List.of(ChatMessage.user("Weather?"));
		List<ChatCompletionChunk> chunks = this.client.stream(ChatCompletion.STREAM, "meta/llama", messages)
			.collectList()
			.block(TIMEOUT);
		assertThat(chunks).hasSize(3);
		assertThat(chunks.get(0).choices().get(0).delta().toolCalls()).singleElement()
			.satisfies((call) -> assertThat(call.function().arguments()).isEqualTo("{\"city\":"));
		assertThat(chunks.get(1).reasoningDelta()).isEqualTo("Sunny");
		assertThat(chunks.get(2).choices().get(0).finishReason()).isEqualTo("stop");
		assertThat(this.stub.calls("meta/llama").get(0).isStream()).isTrue();
		assertThat(this.client.call(ChatCompletion.TASK, "meta/llama", messages).block(TIMEOUT).content())
			.isEqualTo("Paris");
	}

	@Test
	void aStreamThatErrorsMidwayEndsWithTheTypedError() {
		this.stub.model("meta/llama").chat().streams("Par", "tial").thenErrors("generation", "CUDA out of memory");
		StepVerifier.create(this.client.stream(ChatCompletion.STREAM, "meta/llama", List.of(ChatMessage.user("hi")))
			.map(ChatCompletionChunk::content))
			.expectNext("Par", "tial")
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(HfGenerationException.class)
				.hasMessageContaining("CUDA out of memory"))
			.verify(TIMEOUT);
	}

	@Test
	void aRateLimitWithRetryAfterThenSuccessAnswersCallsInOrderAndRepeatsTheLastStep() {
		this.stub.model("org/m").task(TextClassification.TASK)
			.fails(429).retryAfter(Duration.ofSeconds(7))
			.thenAnswers(List.of(label("POSITIVE", 0.9)));
		ModelDefinition model = once("sentiment", "org/m");
		assertThatThrownBy(() -> this.client.call(TextClassification.TASK, model, "x", null).block(TIMEOUT))
			.isInstanceOfSatisfying(HfRateLimitException.class,
					(error) -> assertThat(error.getRetryAfter()).isEqualTo(Duration.ofSeconds(7)));
		for (int i = 0; i < 2; i++) {
			assertThat(this.client.call(TextClassification.TASK, model, "x", null).block(TIMEOUT))
				.extracting(ClassificationOutput::label).containsExactly("POSITIVE");
		}
	}

	@Test
	void aLoadingModelIsA503WithTheEstimatedTime() {
		this.stub.model("org/m").task(TextClassification.TASK).loading(Duration.ofSeconds(20));
		assertThatThrownBy(() -> this.client.call(TextClassification.TASK, once("m", "org/m"), "x", null)
			.block(TIMEOUT))
			.isInstanceOfSatisfying(HfServerException.class, (error) -> {
				assertThat(error.getStatus()).isEqualTo(503);
				assertThat(error.getEstimatedTime()).isEqualTo(Duration.ofSeconds(20));
				assertThat(error).hasMessageContaining("org/m is currently loading");
			});
	}

	@Test
	void aResetConnectionIsAConnectionError() {
		this.stub.model("org/m").task(TextClassification.TASK).resetsConnection();
		assertThatThrownBy(() -> this.client.call(TextClassification.TASK, once("m", "org/m"), "x", null)
			.block(TIMEOUT)).isInstanceOf(HfConnectionException.class);
	}

	@Test
	void aDelayedAnswerHitsTheClientsTimeout() {
		HfInferenceClient impatient = StubClients.builder(this.stub).timeout(Duration.ofMillis(200)).build();
		this.stub.model("org/m").task(TextClassification.TASK).answers(List.of(label("LATE", 1.0)))
			.delays(Duration.ofSeconds(2));
		assertThatThrownBy(() -> impatient.call(TextClassification.TASK, once("m", "org/m"), "x", null)
			.block(TIMEOUT)).isInstanceOf(HfTimeoutException.class);
	}

	@Test
	void theServedRevisionIsTheHubsShaAndTheAnswersXSha() {
		String sha = "714eb0fa89d2f80546fda750413ed43d93601a13";
		this.stub.model("org/m").servesRevision(sha).task(TextClassification.TASK).answers(List.of(label("A", 1)));
		ModelInfo info = this.client.hub().modelInfo("org/m", TIMEOUT).block(TIMEOUT);
		assertThat(info.sha()).isEqualTo(sha);
		assertThat(info.providers()).singleElement().satisfies((entry) -> {
			assertThat(entry.provider()).isEqualTo("hf-inference");
			assertThat(entry.task()).isEqualTo("text-classification");
		});
		assertThat(this.client.execute(InferenceRequest.of(TextClassification.TASK, once("m", "org/m"), "x"))
			.block(TIMEOUT)
			.metadata()
			.servedRevision()).isEqualTo(sha);
	}

	@Test
	void aShortRevisionAndAStepsOwnHeadersReachTheClient() {
		this.stub.model("org/m").servesRevision("abc1234").task(TextClassification.TASK)
			.answers(List.of(label("A", 1)))
			.withHeader("x-sha", "fff9999")
			.withHeader("x-compute-time", "0.125");
		assertThat(this.client.hub().modelInfo("org/m", TIMEOUT).block(TIMEOUT).sha()).isEqualTo("abc1234");
		ResponseMetadata metadata = this.client
			.execute(InferenceRequest.of(TextClassification.TASK, once("m", "org/m"), "x"))
			.block(TIMEOUT)
			.metadata();
		assertThat(metadata.servedRevision()).isEqualTo("fff9999");
		assertThat(metadata.computeTime()).isEqualTo(Duration.ofMillis(125));
	}

	@Test
	void whoamiNamesTheAccountAndNeedsAToken() throws Exception {
		this.stub.whoami("octocat");
		assertThat(this.client.hub().whoami(TIMEOUT).block(TIMEOUT).name()).isEqualTo("octocat");
		assertThat(get("/api/whoami-v2").statusCode()).isEqualTo(401);
	}

	@Test
	void providerStatusesPricesEndpointHealthAndWhoamiFailuresAreScripted() throws Exception {
		this.stub.model("org/chat").servedBy("together", "novita").providerStatus("novita", "error")
			.pricing("together", 0.5, 2.0).chat().replies("Hi");
		assertThat(this.client.hub().modelInfo("org/chat", TIMEOUT).block(TIMEOUT).providers())
			.extracting((entry) -> entry.provider() + "=" + entry.status() + "/" + entry.task())
			.containsExactly("together=live/conversational", "novita=error/conversational");
		JsonNode pricing = JsonCodec.get().parse(get("/v1/models").body().getBytes(StandardCharsets.UTF_8))
			.path("data").get(0).path("providers").get(0).path("pricing");
		assertThat(pricing.path("input").asDouble()).isEqualTo(0.5);
		assertThat(pricing.path("output").asDouble()).isEqualTo(2.0);
		this.stub.endpoint("tgi").servesRevision("1111111").health(503);
		assertThat(get("/endpoints/tgi/health").statusCode()).isEqualTo(503);
		assertThat(get("/endpoints/tgi/info").body()).contains("\"model_sha\":\"1111111\"");
		this.stub.whoamiFails(401);
		assertThatThrownBy(() -> this.client.hub().whoami(TIMEOUT).block(TIMEOUT))
			.isInstanceOf(HfAuthenticationException.class);
		this.stub.whoami("back");
		assertThat(this.client.hub().whoami(TIMEOUT).block(TIMEOUT).name()).isEqualTo("back");
	}

	@Test
	void theRouterRejectsInferenceWithoutABearerToken() throws Exception {
		this.stub.model("org/m").task(TextClassification.TASK).answers(List.of(label("A", 1)));
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(this.stub.baseUrl().resolve("/hf-inference/models/org/m"))
				.POST(HttpRequest.BodyPublishers.ofString("{\"inputs\":\"x\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("Invalid credentials");
	}

	@Test
	void theRoutersModelListNamesEveryScriptedChatModelWithItsProviders() throws Exception {
		this.stub.model("org/chat").servedBy("together", "hf-inference").chat().replies("Hi");
		this.stub.model("org/sentiment").task(TextClassification.TASK).answers(List.of(label("A", 1)));
		HttpResponse<String> response = get("/v1/models");
		assertThat(response.body()).contains("\"id\":\"org/chat\"", "\"provider\":\"together\"")
			.doesNotContain("org/sentiment");
	}

	@Test
	void aProviderChatGoesToItsPathWithTheMappedModel() {
		this.stub.model("org/chat").servedBy("together").chat().replies("Hi from together");
		ModelDefinition model = ModelDefinition.builder("chat")
			.id("org/chat")
			.target(new InferenceTarget.Router("together"))
			.build();
		assertThat(this.client.call(ChatCompletion.TASK, model, List.of(ChatMessage.user("Hi")), null)
			.block(TIMEOUT)
			.content()).isEqualTo("Hi from together");
		HfInferenceAssertions.assertThat(this.stub).receivedCalls("org/chat").first()
			.hasPath("/together/v1/chat/completions").hasBodyJson("{\"model\":\"org/chat\"}");
	}

	@Test
	void anEndpointAnswersAtItsUrlWithoutTheHuggingFaceToken() {
		this.stub.endpoint("my-endpoint").task(TextClassification.TASK).answers(List.of(label("NEGATIVE", 0.7)));
		ModelDefinition model = ModelDefinition.builder("ep")
			.target(InferenceTarget.Endpoint.of(this.stub.endpointUrl("my-endpoint")))
			.build();
		assertThat(this.client.call(TextClassification.TASK, model, "x", null).block(TIMEOUT))
			.extracting(ClassificationOutput::label).containsExactly("NEGATIVE");
		HfInferenceAssertions.assertThat(this.stub).receivedCalls("my-endpoint").hasSize(1).first()
			.hasNoAuthorization();
	}

	@Test
	void aCallNothingIsScriptedForIsA404SayingWhatToScript() {
		this.stub.model("org/m").task(TextClassification.TASK).answers(List.of(label("A", 1)));
		assertThatThrownBy(() -> this.client.call(FeatureExtraction.TASK, once("m", "org/m"), "x", null)
			.block(TIMEOUT))
			.isInstanceOf(HfNotFoundException.class)
			.hasMessageContaining("nothing scripted for model 'org/m' task 'feature-extraction'")
			.hasMessageContaining("scripted tasks: text-classification")
			.hasMessageContaining("stub.model(\"org/m\").task(...)");
	}

	@Test
	void scriptingAnUnknownTaskNamesTheKnownOnes() {
		assertThatThrownBy(() -> this.stub.model("org/m").task("text-clasification"))
			.isInstanceOf(HfConfigurationException.class)
			.hasMessageContaining("Unknown task 'text-clasification' scripted for model 'org/m'")
			.hasMessageContaining("text-classification");
	}

	@Test
	void scriptingChatAsATaskPointsToChat() {
		assertThatThrownBy(() -> this.stub.model("org/m").task(ChatCompletion.TASK))
			.isInstanceOf(HfConfigurationException.class).hasMessageContaining("chat()");
	}

	@Test
	void misplacedModifiersAndStatusesAreRejected() {
		TaskScript<List<ClassificationOutput>> script = this.stub.model("org/m").task(TextClassification.TASK);
		assertThatThrownBy(() -> script.delays(Duration.ofSeconds(1))).isInstanceOf(HfConfigurationException.class)
			.hasMessageContaining("nothing is scripted yet for model 'org/m'");
		assertThatThrownBy(() -> script.answers(List.of()).retryAfter(Duration.ofSeconds(1)))
			.isInstanceOf(HfConfigurationException.class).hasMessageContaining("follows a failure step");
		assertThatThrownBy(() -> script.fails(200)).isInstanceOf(HfConfigurationException.class)
			.hasMessageContaining("not 200");
	}

	@Test
	void aPortAlreadyTakenIsAClearError() {
		assertThatThrownBy(() -> HfInferenceStub.start(this.stub.port()))
			.isInstanceOf(HfConfigurationException.class)
			.hasMessageContaining("cannot listen on port " + this.stub.port() + ": it is already in use")
			.hasMessageContaining("use port 0");
	}

	@Test
	void resettingAScriptReplacesItsAnswers() {
		TaskScript<List<ClassificationOutput>> script = this.stub.model("org/m").task(TextClassification.TASK)
			.answers(List.of(label("OLD", 1)));
		script.reset().fails(403);
		assertThatThrownBy(() -> this.client.call(TextClassification.TASK, once("m", "org/m"), "x", null)
			.block(TIMEOUT)).isInstanceOf(io.github.hfinference.core.error.HfForbiddenException.class);
	}

	@Test
	void resetForgetsScriptsAndCalls() {
		this.stub.model("org/m").task(TextClassification.TASK).answers(List.of(label("A", 1)));
		this.client.call(TextClassification.TASK, once("m", "org/m"), "x", null).block(TIMEOUT);
		this.stub.reset();
		assertThat(this.stub.calls()).isEmpty();
		assertThatThrownBy(() -> this.client.call(TextClassification.TASK, once("m", "org/m"), "x", null)
			.block(TIMEOUT)).isInstanceOf(HfNotFoundException.class);
	}

	@Test
	void aCallsDescriptionNeverShowsTheToken() {
		this.stub.model("org/m").task(TextClassification.TASK).answers(List.of(label("A", 1)));
		this.client.call(TextClassification.TASK, once("m", "org/m"), "x", null).block(TIMEOUT);
		assertThat(this.stub.calls("org/m").get(0).bearerToken()).contains("hf_test");
		assertThat(this.stub.calls()).allSatisfy((call) -> assertThat(call.toString()).doesNotContain("hf_test"));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(this.stub.baseUrl() + path.substring(1))).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
