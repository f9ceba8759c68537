package io.github.hfinference.core.declarative;

import java.time.Duration;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.task.TextGeneration;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatMessage;

import static io.github.hfinference.core.declarative.TestProxyFactories.model;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Flux} methods of {@link HfModel @HfModel} interfaces stream the streaming variant
 * of their task, over real server-sent event bodies.
 */
class HfModelStreamingMethodTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CHAT_STREAM = "data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\","
			+ "\"content\":\"Hello\"}}]}\n\n"
			+ "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\" there\"},\"finish_reason\":\"stop\"}]}\n\n"
			+ "data: [DONE]\n\n";

	private static final String TGI_STREAM = "data:{\"index\":1,\"token\":{\"id\":9,\"text\":\" upon\",\"logprob\":-0.1,"
			+ "\"special\":false},\"generated_text\":null,\"details\":null}\n\n"
			+ "data:{\"index\":2,\"token\":{\"id\":10,\"text\":\" a time\",\"logprob\":-0.2,\"special\":false},"
			+ "\"generated_text\":null,\"details\":null}\n\n"
			+ "data:{\"index\":3,\"token\":{\"id\":2,\"text\":\"</s>\",\"logprob\":0.0,\"special\":true},"
			+ "\"generated_text\":\"Once upon a time\",\"details\":null}\n\n";

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	private HfModelProxyFactory factory;

	@BeforeEach
	void start() {
		this.factory = TestProxyFactories
			.builder(this.mock.client(), model("chat", "meta-llama/Llama-3.1-8B-Instruct"),
					model("assistant", "meta-llama/Llama-3.1-8B-Instruct", ChatCompletion.TASK),
					model("generator", "gpt2", TextGeneration.TASK))
			.build();
	}

	@Test
	void fluxOfStringOnAChatModelStreamsTheTextDeltasOfAUserMessage() throws InterruptedException {
		this.mock.server().enqueue(sse(CHAT_STREAM));
		StreamingAssistant assistant = this.factory.createClient(StreamingAssistant.class);

		Flux<String> answer = assistant.ask("Hi");
		assertThat(this.mock.server().getRequestCount()).as("nothing is sent before subscription").isZero();
		StepVerifier.create(answer).expectNext("Hello", " there").expectComplete().verify(WAIT);

		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getTarget())
			.isEqualTo("/hf-inference/models/meta-llama/Llama-3.1-8B-Instruct/v1/chat/completions");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("text/event-stream");
		assertThat(request.getBody().utf8()).contains("\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]")
			.contains("\"stream\":true");
	}

	@Test
	void fluxOfChunksIsInferredFromTheChunkTypeAndTakesParametersAndOptions() throws InterruptedException {
		this.mock.server().enqueue(sse(CHAT_STREAM));
		StreamingChat chat = this.factory.createClient(StreamingChat.class);

		StepVerifier.create(chat.chat(List.of(ChatMessage.user("Hi")),
				ChatCompletion.Parameters.builder().maxTokens(5).build(),
				CallOptions.defaults().withHeader("X-Trace", "t1")))
			.assertNext((chunk) -> assertThat(chunk.content()).isEqualTo("Hello"))
			.assertNext((chunk) -> assertThat(chunk.choices().get(0).finishReason()).isEqualTo("stop"))
			.expectComplete()
			.verify(WAIT);

		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getBody().utf8()).contains("\"max_tokens\":5").contains("\"stream\":true");
		assertThat(request.getHeaders().get("X-Trace")).isEqualTo("t1");
	}

	@Test
	void fluxOfStringOnATextGenerationModelStreamsTheTokenTexts() throws InterruptedException {
		this.mock.server().enqueue(sse(TGI_STREAM));
		this.mock.server().enqueue(sse(TGI_STREAM));
		StreamingGenerator generator = this.factory.createClient(StreamingGenerator.class);

		StepVerifier.create(generator.tokens("Once")).expectNext(" upon", " a time").expectComplete().verify(WAIT);
		StepVerifier.create(generator.events("Once"))
			.expectNextCount(2)
			.assertNext((last) -> assertThat(last.generatedText()).isEqualTo("Once upon a time"))
			.expectComplete()
			.verify(WAIT);

		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getTarget()).isEqualTo("/hf-inference/models/gpt2");
		assertThat(request.getBody().utf8()).contains("\"inputs\":\"Once\"").contains("\"stream\":true");
	}

	private static MockResponse sse(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
	}

	@HfModel("assistant")
	interface StreamingAssistant {

		Flux<String> ask(String question);

	}

	@HfModel("chat")
	interface StreamingChat {

		Flux<ChatCompletionChunk> chat(List<ChatMessage> messages, ChatCompletion.Parameters parameters,
				CallOptions options);

	}

	@HfModel("generator")
	interface StreamingGenerator {

		Flux<String> tokens(String prompt);

		Flux<TextGeneration.StreamOutput> events(String prompt);

	}

}
