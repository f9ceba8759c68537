package io.github.hfinference.boot.e2e;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import reactor.test.StepVerifier;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.ClassificationParameters;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ToolCall;
import io.github.hfinference.core.task.chat.Usage;
import io.github.hfinference.test.AutoConfigureHfInferenceStub;
import io.github.hfinference.test.HfInferenceStub;

import static io.github.hfinference.test.HfAnswers.embedding;
import static io.github.hfinference.test.HfAnswers.label;
import static io.github.hfinference.test.HfInferenceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the starter, two {@code @HfModel} interfaces and an
 * {@code application.yml} calls the Hugging Face stub for several tasks, blocking and
 * reactive.
 */
@SpringBootTest(classes = AssistantApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigureHfInferenceStub
class HfInferenceEndToEndTests {

	private static final String SENTIMENT = "distilbert/distilbert-base-uncased-finetuned-sst-2-english";

	private static final String SENTIMENT_PATH = "/hf-inference/models/" + SENTIMENT;

	private static final String CHAT = "meta-llama/Llama-3.1-8B-Instruct";

	@Autowired
	private HfInferenceStub stub;

	@Autowired
	private SentimentClassifier sentiment;

	@Autowired
	private ChatAssistant assistant;

	@Autowired
	private TimeAssistant timeAssistant;

	@BeforeEach
	void scriptModels() {
		this.stub.model(SENTIMENT).task(TextClassification.TASK)
			.answers(List.of(label("POSITIVE", 0.9998), label("NEGATIVE", 0.0002)));
		this.stub.model(SENTIMENT).task(FeatureExtraction.TASK).answers(embedding(0.25f, -0.5f, 1.0f));
		this.stub.model(CHAT).chat().streams("Par", "is.");
	}

	@Test
	void blockingClassification() {
		assertThat(this.sentiment.classify("I love this starter")).containsExactly(
				new ClassificationOutput("POSITIVE", 0.9998), new ClassificationOutput("NEGATIVE", 0.0002));
		assertThat(this.stub).receivedCalls(SENTIMENT).hasSize(1).first()
			.hasPath(SENTIMENT_PATH)
			.hasBearerToken("hf_test")
			.hasBody("{\"inputs\":\"I love this starter\"}");
	}

	@Test
	void reactiveClassificationWithParameters() {
		StepVerifier.create(this.sentiment.classify("meh", new ClassificationParameters(1, null)))
			.assertNext((labels) -> assertThat(labels).hasSize(2))
			.verifyComplete();
		assertThat(this.stub).receivedCalls(SENTIMENT).hasSize(1).first()
			.hasPath(SENTIMENT_PATH)
			.hasBody("{\"inputs\":\"meh\",\"parameters\":{\"top_k\":1}}");
	}

	@Test
	void defaultMethodCallsTheModel() {
		assertThat(this.sentiment.label("great")).isEqualTo("POSITIVE");
	}

	@Test
	void featureExtractionNamedOnTheMethodOverridesTheConfiguredTask() throws Exception {
		assertThat(this.sentiment.embed("hello").get().vector()).containsExactly(0.25f, -0.5f, 1.0f);
		assertThat(this.stub).receivedCalls(SENTIMENT).hasSize(1).first()
			.hasPath(SENTIMENT_PATH + "/pipeline/feature-extraction")
			.hasBody("{\"inputs\":\"hello\"}")
			.hasBearerToken("hf_test");
	}

	@Test
	void aChatMethodCallsTheToolBeanAndSendsItsResultBack() {
		ToolCall time = new ToolCall("t1", "function", new ToolCall.Function("time", "{\"city\":\"Paris\"}"));
		this.stub.model(CHAT).chat().reset()
			.answers(new ChatCompletionOutput("chatcmpl-t", 1732000000L, CHAT, null, List.of(new ChatCompletionOutput.Choice(0,
					new ChatMessage("assistant", null, null, List.of(time), null), "tool_calls", null)), null))
			.thenReplies("It is 14:05.");
		assertThat(this.timeAssistant.ask("What time is it in Paris?")).isEqualTo("It is 14:05.");
		assertThat(this.stub).receivedCalls(CHAT).hasSize(2);
		assertThat(this.stub.calls(CHAT).get(0).bodyText()).contains("\"tools\":[{\"type\":\"function\",\"function\":"
				+ "{\"name\":\"time\",\"description\":\"The current time in a city, as HH:mm\"");
		assertThat(this.stub.calls(CHAT).get(1).bodyText())
			.contains("{\"role\":\"tool\",\"content\":\"14:05\",\"tool_call_id\":\"t1\"}");
	}

	@Test
	void blockingChatThroughTheAutoRouter() {
		assertThat(this.assistant.ask("What is the capital of France?")).isEqualTo("Paris.");
		assertThat(this.stub).receivedCalls(CHAT).hasSize(1).first()
			.hasPath("/v1/chat/completions")
			.hasBearerToken("hf_test")
			.hasBody("{\"model\":\"meta-llama/Llama-3.1-8B-Instruct\","
					+ "\"messages\":[{\"role\":\"user\",\"content\":\"What is the capital of France?\"}]}");
	}

	@Test
	void reactiveChatWithParametersAndMetadata() {
		this.stub.model(CHAT).chat().reset().answers(new ChatCompletionOutput("chatcmpl-1", 1732000000L, CHAT, null,
				List.of(new ChatCompletionOutput.Choice(0, ChatMessage.assistant("Paris."), "stop", null)),
				new Usage(12, 3, 15)));
		StepVerifier
			.create(this.assistant.chat(List.of(ChatMessage.system("Answer briefly."), ChatMessage.user("Capital?")),
					ChatCompletion.Parameters.builder().maxTokens(16).temperature(0.0).build()))
			.assertNext((response) -> {
				assertThat(response.value().content()).isEqualTo("Paris.");
				assertThat(response.metadata().requestId()).startsWith("stub-");
				assertThat(response.metadata().promptTokens()).isEqualTo(12);
				assertThat(response.metadata().generatedTokens()).isEqualTo(3);
			})
			.verifyComplete();
		assertThat(this.stub).receivedCalls(CHAT).hasSize(1).first()
			.hasBody("{\"model\":\"meta-llama/Llama-3.1-8B-Instruct\","
					+ "\"messages\":[{\"role\":\"system\",\"content\":\"Answer briefly.\"},{\"role\":\"user\","
					+ "\"content\":\"Capital?\"}],\"max_tokens\":16,\"temperature\":0.0}");
	}

	@Test
	void completableFutureChatWithCallOptions() throws Exception {
		assertThat(this.assistant.ask("Capital?", CallOptions.defaults().withHeader("X-Request-Tag", "e2e")).get())
			.isEqualTo("Paris.");
		assertThat(this.stub).receivedCalls(CHAT).hasSize(1).first().hasHeader("X-Request-Tag", "e2e");
	}

	@Test
	void streamingChatReturnsTheTextDeltas() {
		StepVerifier.create(this.assistant.stream("Capital?")).expectNext("Par", "is.").verifyComplete();
		assertThat(this.stub).receivedCalls(CHAT).hasSize(1).first()
			.isStream()
			.hasPath("/v1/chat/completions")
			.hasHeader("Accept", "text/event-stream")
			.hasBody("{\"model\":\"meta-llama/Llama-3.1-8B-Instruct\","
					+ "\"messages\":[{\"role\":\"user\",\"content\":\"Capital?\"}],\"stream\":true,"
					+ "\"stream_options\":{\"include_usage\":true}}");
	}

}
