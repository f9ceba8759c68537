package io.github.hfinference.core.declarative;

import java.time.Duration;
import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import io.github.hfinference.core.chat.HfTool;
import io.github.hfinference.core.error.HfInvalidRequestException;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatStreams;

import static io.github.hfinference.core.declarative.TestProxyFactories.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Chat methods of {@link HfModel @HfModel} interfaces with images, reasoning, typed
 * answers and tools.
 */
class HfModelChatFeatureTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final String ANSWER = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"%s\"},"
			+ "\"finish_reason\":\"stop\"}]}";

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	HfModelProxyFactory factory;

	@BeforeEach
	void start() {
		this.factory = factoryWithTools();
	}

	@Test
	void aPromptAndAnImageBecomeOneUserMessageWithParts() throws InterruptedException {
		this.mock.server().enqueue(json(ANSWER.formatted("A cat.")));
		Vision vision = this.factory.createClient(Vision.class);

		assertThat(vision.describe("What is it?", new BinaryInput(new byte[] { 1, 2, 3 }, "image/png")))
			.isEqualTo("A cat.");

		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getBody().utf8()).isEqualTo("{\"model\":\"Qwen/Qwen2.5-VL-7B-Instruct\",\"messages\":[{"
				+ "\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"What is it?\"},{\"type\":\"image_url\","
				+ "\"image_url\":{\"url\":\"data:image/png;base64,AQID\"}}]}]}");
	}

	@Test
	void aListOfImagesFollowsThePromptInOrderAndParametersStillBind() throws InterruptedException {
		this.mock.server().enqueue(json(ANSWER.formatted("Two.")));
		Vision vision = this.factory.createClient(Vision.class);

		assertThat(vision.compare(List.of(new BinaryInput(new byte[] { 1 }, "image/png"),
				new BinaryInput(new byte[] { 2 }, "image/jpeg")), "Differences?",
				ChatCompletion.Parameters.builder().maxTokens(9).build())
			.block(WAIT)).isEqualTo("Two.");

		String body = this.mock.server().takeRequest().getBody().utf8();
		assertThat(body).contains("[{\"type\":\"text\",\"text\":\"Differences?\"},{\"type\":\"image_url\",\"image_url\":"
				+ "{\"url\":\"data:image/png;base64,AQ==\"}},{\"type\":\"image_url\",\"image_url\":{\"url\":"
				+ "\"data:image/jpeg;base64,Ag==\"}}]").contains("\"max_tokens\":9");
	}

	@Test
	void aNonImageFailsTheCallTypedAndNothingIsSent() {
		Vision vision = this.factory.createClient(Vision.class);

		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> vision.describe("What is it?", new BinaryInput(new byte[] { 1 }, "text/plain")))
			.withMessageContaining("got 'text/plain'");
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@Test
	void aStreamedReasoningAnswerKeepsReasoningApartFromTheText() {
		this.mock.server().enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
			.body("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"reasoning_content\":\"Hmm, \"}}]}\n\n"
					+ "data: {\"choices\":[{\"index\":0,\"delta\":{\"reasoning_content\":\"seven.\"}}]}\n\n"
					+ "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"7\"},\"finish_reason\":\"stop\"}]}\n\n"
					+ "data: [DONE]\n\n")
			.build());
		Vision vision = this.factory.createClient(Vision.class);
		Flux<ChatCompletionChunk> chunks = vision.think("3 + 4?").cache();

		StepVerifier.create(ChatStreams.reasoningDeltas(chunks)).expectNext("Hmm, ", "seven.").expectComplete().verify(WAIT);
		StepVerifier.create(ChatStreams.textDeltas(chunks)).expectNext("7").expectComplete().verify(WAIT);
		assertThat(ChatStreams.aggregate(chunks).block(WAIT).reasoning()).isEqualTo("Hmm, seven.");
	}

	@Test
	void aMethodReturningARecordSendsItsSchemaAndReturnsTheTypedAnswer() throws InterruptedException {
		this.mock.server().enqueue(json(ANSWER.formatted("{\\\"number\\\":\\\"INV-7\\\",\\\"total\\\":12.5}")));
		Extractor extractor = this.factory.createClient(Extractor.class);

		assertThat(extractor.extract("INV-7, 12.50").block(WAIT)).isEqualTo(new Invoice("INV-7", 12.5));

		String body = this.mock.server().takeRequest().getBody().utf8();
		assertThat(body).contains("\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"Invoice\","
				+ "\"schema\":{\"type\":\"object\",\"properties\":{\"number\":{\"type\":[\"string\",\"null\"]},"
				+ "\"total\":{\"type\":\"number\"}},\"required\":[\"number\",\"total\"],\"additionalProperties\":false},"
				+ "\"strict\":true}}");
	}

	@Test
	void aChatMethodCallsItsToolsAndAThrowingToolsMessageGoesBackToTheModel() throws InterruptedException {
		this.mock.server().enqueue(json("{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"tool_calls\":["
				+ "{\"id\":\"a\",\"type\":\"function\",\"function\":{\"name\":\"add\",\"arguments\":\"{\\\"a\\\":2,\\\"b\\\":3}\"}},"
				+ "{\"id\":\"b\",\"type\":\"function\",\"function\":{\"name\":\"divide\",\"arguments\":\"{\\\"a\\\":1,\\\"b\\\":0}\"}}"
				+ "]},\"finish_reason\":\"tool_calls\"}]}"));
		this.mock.server().enqueue(json(ANSWER.formatted("5, and 1/0 is undefined.")));
		HfModelProxyFactory withTools = factoryWithTools(new Calculator());

		assertThat(withTools.createClient(Calculating.class).ask("2+3 and 1/0?")).isEqualTo("5, and 1/0 is undefined.");

		this.mock.server().takeRequest();
		String second = this.mock.server().takeRequest().getBody().utf8();
		assertThat(second).contains("{\"role\":\"tool\",\"content\":\"5\",\"tool_call_id\":\"a\"}")
			.contains("{\"role\":\"tool\",\"content\":\"error: / by zero\",\"tool_call_id\":\"b\"}");
	}

	@Test
	void aStreamingChatMethodWithToolsStreamsTheTextOfEveryRound() throws InterruptedException {
		this.mock.server().enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"Adding. \","
				+ "\"tool_calls\":[{\"index\":0,\"id\":\"s1\",\"type\":\"function\",\"function\":{\"name\":\"add\","
				+ "\"arguments\":\"{\\\"a\\\":4,\"}}]}}]}\n\n"
				+ "data: {\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":"
				+ "\"\\\"b\\\":5}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n"));
		this.mock.server().enqueue(sse("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"9\"},\"finish_reason\":\"stop\"}]}\n\n"
				+ "data: [DONE]\n\n"));
		HfModelProxyFactory withTools = factoryWithTools(new Calculator());

		StepVerifier.create(withTools.createClient(Calculating.class).stream("4+5?"))
			.expectNext("Adding. ", "9")
			.expectComplete()
			.verify(WAIT);
		this.mock.server().takeRequest();
		assertThat(this.mock.server().takeRequest().getBody().utf8())
			.contains("{\"role\":\"tool\",\"content\":\"9\",\"tool_call_id\":\"s1\"}");
	}

	@Test
	void aTypedAnswerCannotStreamAndTheStartupErrorNamesTheMethod() {
		assertThatExceptionOfType(HfModelDefinitionException.class)
			.isThrownBy(() -> this.factory.createClient(StreamingExtractor.class))
			.withMessageContaining("method extract(String): streams HfModelChatFeatureTests.Invoice, but task "
					+ "chat-completion streams ChatCompletionChunk (or their text as String); a typed (structured output) "
					+ "chat answer cannot stream, it is read once complete: return Mono<HfModelChatFeatureTests.Invoice>");
	}

	@Test
	void aReturnTypeWithoutAnObjectSchemaIsAStartupError() {
		assertThatExceptionOfType(HfModelDefinitionException.class)
			.isThrownBy(() -> this.factory.createClient(AbstractExtractor.class))
			.withMessageContaining("method extract(String): returns Runnable, which cannot be a typed (structured "
					+ "output) chat answer: Runnable is abstract");
	}

	@Test
	void aToolWithAnUnbindableParameterIsAStartupErrorNamingBothMethods() {
		assertThatExceptionOfType(HfModelDefinitionException.class)
			.isThrownBy(() -> this.factory.createClient(BadTools.class))
			.withMessageContaining("method ask(String): uses tools (@UseTools) that cannot be called: @HfTool method "
					+ Uploader.class.getName() + ".upload: parameter #1 (Mono<String>) cannot be bound");
	}

	/** A factory over the vision model whose {@code @UseTools} classes resolve to the given objects. */
	HfModelProxyFactory factoryWithTools(Object... tools) {
		return TestProxyFactories
			.builder(this.mock.client(), model("vision", "Qwen/Qwen2.5-VL-7B-Instruct", ChatCompletion.TASK))
			.tools(tools)
			.build();
	}

	static MockResponse sse(String body) {
		return new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build();
	}

	static MockResponse json(String body) {
		return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body).build();
	}

	record Invoice(String number, double total) {

	}

	@HfModel("vision")
	interface Extractor {

		Mono<Invoice> extract(String text);

	}

	@HfModel("vision")
	interface StreamingExtractor {

		Flux<Invoice> extract(String text);

	}

	@HfModel("vision")
	interface AbstractExtractor {

		Runnable extract(String text);

	}

	@HfModel("vision")
	@UseTools(Calculator.class)
	interface Calculating {

		String ask(String question);

		Flux<String> stream(String question);

	}

	@HfModel("vision")
	interface BadTools {

		@UseTools(Uploader.class)
		String ask(String question);

	}

	static class Calculator {

		@HfTool(description = "Adds two integers")
		int add(int a, int b) {
			return a + b;
		}

		@HfTool(description = "Divides two integers")
		int divide(int a, int b) {
			return a / b;
		}

	}

	static class Uploader {

		@HfTool(description = "Uploads")
		String upload(Mono<String> content) {
			return "";
		}

	}

	@HfModel("vision")
	interface Vision {

		String describe(String prompt, BinaryInput image);

		Mono<String> compare(List<BinaryInput> images, String prompt, ChatCompletion.Parameters parameters);

		Flux<ChatCompletionChunk> think(String prompt);

	}

}
