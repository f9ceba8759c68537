package io.github.hfinference.core.declarative;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.framework.AopProxyUtils;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.ClassificationParameters;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.TextGeneration;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;

import static io.github.hfinference.core.declarative.TestProxyFactories.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HfModelProxyFactoryTests {

	private static final String SENTIMENT_BODY = "[[{\"label\":\"POSITIVE\",\"score\":0.99},{\"label\":\"NEGATIVE\",\"score\":0.01}]]";

	private static final String CHAT_BODY = "{\"id\":\"c1\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
			+ "\"message\":{\"role\":\"assistant\",\"content\":\"Hello there\"},\"finish_reason\":\"stop\"}],"
			+ "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,\"total_tokens\":7}}";

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	private HfModelProxyFactory factory;

	@BeforeEach
	void start() {
		this.factory = TestProxyFactories
			.builder(this.mock.client(), model("sentiment", "distilbert/sst2"),
					model("chat", "meta-llama/Llama-3.1-8B-Instruct"),
					model("embedder", "sentence-transformers/all-MiniLM-L6-v2"),
					model("generator", "gpt2", TextGeneration.TASK))
			.build();
	}

	@Test
	void blockingMethodInfersTextClassificationAndPostsTheInput() throws Exception {
		enqueueJson(SENTIMENT_BODY);
		SentimentClient client = this.factory.createClient(SentimentClient.class);
		assertThat(client.classify("I like you")).containsExactly(new ClassificationOutput("POSITIVE", 0.99),
				new ClassificationOutput("NEGATIVE", 0.01));
		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getTarget()).isEqualTo("/hf-inference/models/distilbert/sst2");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
		assertThat(request.getBody().utf8()).isEqualTo("{\"inputs\":\"I like you\"}");
	}

	@Test
	void monoMethodWithParametersAndOptionsSendsThem() throws Exception {
		enqueueJson(SENTIMENT_BODY);
		SentimentClient client = this.factory.createClient(SentimentClient.class);
		Mono<List<ClassificationOutput>> result = client.classify("I like you",
				new ClassificationParameters(1, null), CallOptions.defaults().withHeader("X-Trace", "t1"));
		assertThat(this.mock.server().getRequestCount()).as("nothing is sent before subscription").isZero();
		StepVerifier.create(result).assertNext((labels) -> assertThat(labels).hasSize(2)).verifyComplete();
		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getBody().utf8()).isEqualTo("{\"inputs\":\"I like you\",\"parameters\":{\"top_k\":1}}");
		assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t1");
	}

	@Test
	void completableFutureAndMetadataReturnTypes() throws Exception {
		enqueueJson(SENTIMENT_BODY);
		this.mock.server().enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-sha", "714eb0fa")
			.body(SENTIMENT_BODY)
			.build());
		SentimentClient client = this.factory.createClient(SentimentClient.class);
		CompletableFuture<List<ClassificationOutput>> future = client.classifyLater("good");
		assertThat(future.get()).hasSize(2);
		InferenceResponse<List<ClassificationOutput>> response = client.classifyWithMetadata("good");
		assertThat(response.value()).hasSize(2);
		assertThat(response.metadata().servedRevision()).isEqualTo("714eb0fa");
	}

	@Test
	void defaultMethodsRunAsWritten() {
		enqueueJson(SENTIMENT_BODY);
		SentimentClient client = this.factory.createClient(SentimentClient.class);
		assertThat(client.isPositive("I like you")).isTrue();
	}

	@Test
	void proxyDescribesItselfAndImplementsSpringProxyInterfaces() {
		SentimentClient client = this.factory.createClient(SentimentClient.class);
		assertThat(client).hasToString("HfModel client " + SentimentClient.class.getName() + " (model 'sentiment')");
		assertThat(AopProxyUtils.proxiedUserInterfaces(client)).containsExactly(SentimentClient.class);
	}

	@Test
	void chatConveniencesTakeAStringAndReturnTheFirstChoice() throws Exception {
		enqueueJson(CHAT_BODY);
		enqueueJson(CHAT_BODY);
		ChatAssistant assistant = this.factory.createClient(ChatAssistant.class);
		assertThat(assistant.ask("Hi")).isEqualTo("Hello there");
		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getTarget())
			.isEqualTo("/hf-inference/models/meta-llama/Llama-3.1-8B-Instruct/v1/chat/completions");
		assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"meta-llama/Llama-3.1-8B-Instruct\","
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		ChatCompletionOutput output = assistant
			.chat(List.of(ChatMessage.system("Be brief"), ChatMessage.user("Hi"))).block(Duration.ofSeconds(10));
		assertThat(output.usage().totalTokens()).isEqualTo(7);
	}

	@Test
	void chatStringResultWithoutContentFailsClearly() {
		enqueueJson("{\"created\":1,\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
				+ "\"tool_calls\":[]},\"finish_reason\":\"tool_calls\"}]}");
		ChatAssistant assistant = this.factory.createClient(ChatAssistant.class);
		assertThatExceptionOfType(HfResponseException.class).isThrownBy(() -> assistant.ask("Hi"))
			.withMessageContaining("no text content (finish reason: tool_calls)");
	}

	@Test
	void featureExtractionForOneTextAndForABatch() throws Exception {
		enqueueJson("[0.1,0.2,0.3]");
		enqueueJson("[[0.1,0.2],[0.3,0.4]]");
		Embedder embedder = this.factory.createClient(Embedder.class);
		assertThat(embedder.embed("a").dimensions()).isEqualTo(3);
		assertThat(embedder.embedAll(List.of("a", "b"))).hasSize(2);
		assertThat(this.mock.server().takeRequest().getTarget())
			.isEqualTo("/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction");
		assertThat(this.mock.server().takeRequest().getBody().utf8()).isEqualTo("{\"inputs\":[\"a\",\"b\"]}");
	}

	@Test
	void configuredTaskIsUsedWhenTheMethodNamesNone() throws Exception {
		enqueueJson("[{\"generated_text\":\"Once upon a time\"}]");
		Generator generator = this.factory.createClient(Generator.class);
		assertThat(generator.complete("Once").generatedText()).isEqualTo("Once upon a time");
		assertThat(this.mock.server().takeRequest().getTarget()).isEqualTo("/hf-inference/models/gpt2");
	}

	@Test
	void modelIdIsCalledThroughTheAutoRouter() throws Exception {
		enqueueJson(CHAT_BODY);
		ById client = this.factory.createClient(ById.class);
		assertThat(client.ask("Hi")).isEqualTo("Hello there");
		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
		assertThat(request.getBody().utf8()).startsWith("{\"model\":\"Qwen/Qwen3-8B\"");
	}

	@Test
	void nullInputFailsBeforeAnyRequest() {
		SentimentClient client = this.factory.createClient(SentimentClient.class);
		assertThatIllegalArgumentException().isThrownBy(() -> client.classify(null))
			.withMessage("HfModel interface " + SentimentClient.class.getName()
					+ ", method classify(String): the input (parameter #1) must not be null");
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@Test
	void customCallAdapterFactoryIsAskedFirst() {
		HfModelProxyFactory custom = HfModelProxyFactory.builder(HfInferenceClient.builder().noTokenLookup().build())
			.modelResolver(ModelResolver.none())
			.callAdapterFactory((returnType, method) -> {
				throw new IllegalArgumentException("is rejected by a custom adapter");
			})
			.build();
		assertThatExceptionOfType(HfModelDefinitionException.class)
			.isThrownBy(() -> custom.createClient(ById.class))
			.withMessage("HfModel interface " + ById.class.getName()
					+ ", method ask(String): is rejected by a custom adapter");
	}

	private void enqueueJson(String body) {
		this.mock.server().enqueue(
				new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build());
	}

	@HfModel("sentiment")
	interface SentimentClient {

		List<ClassificationOutput> classify(String text);

		Mono<List<ClassificationOutput>> classify(String text, ClassificationParameters parameters,
				CallOptions options);

		CompletableFuture<List<ClassificationOutput>> classifyLater(String text);

		InferenceResponse<List<ClassificationOutput>> classifyWithMetadata(String text);

		default boolean isPositive(String text) {
			return classify(text).get(0).label().equals("POSITIVE");
		}

	}

	@HfModel("chat")
	interface ChatAssistant {

		String ask(String question);

		Mono<ChatCompletionOutput> chat(List<ChatMessage> messages);

	}

	@HfModel("embedder")
	interface Embedder {

		Embedding embed(String text);

		@InferenceTask("feature-extraction")
		List<Embedding> embedAll(List<String> texts);

	}

	@HfModel("generator")
	interface Generator {

		TextGeneration.Output complete(String prompt);

	}

	@HfModel(id = "Qwen/Qwen3-8B")
	interface ById {

		String ask(String question);

	}

}
