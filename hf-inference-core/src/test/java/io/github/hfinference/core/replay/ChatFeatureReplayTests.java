package io.github.hfinference.core.replay;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.StreamingRequest;
import io.github.hfinference.core.chat.ChatSettings;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ChatStreams;
import io.github.hfinference.core.task.chat.ContentPart;

import static io.github.hfinference.core.replay.ReplaySupport.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content parts, reasoning and stream usage against the hand-written exchanges of
 * {@code src/test/resources/chat-recordings} (recording format; see its README): the
 * request body must be exactly the recorded one, the recorded answer must read as typed
 * values.
 */
class ChatFeatureReplayTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final byte[] PNG = java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUg==");

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	@Test
	void imagePartsAreSentInTheOpenAiShapeAndTheAnswerReads() throws Exception {
		List<Interaction> exchange = serve("content_parts.yaml");
		ChatMessage message = ChatMessage.user(ContentPart.text("What is in this image?"),
				ContentPart.image(new BinaryInput(PNG, "image/png")),
				ContentPart.image(URI.create("https://cdn.example.com/cat.jpg")));

		ChatCompletionOutput output = this.mock.client().blocking()
			.call(ChatCompletion.TASK, model("Qwen/Qwen2.5-VL-7B-Instruct"), List.of(message),
					ChatCompletion.Parameters.builder().maxTokens(50).build());

		assertSent(exchange);
		assertThat(output.content()).isEqualTo("A red square and a cat on a sofa.");
		assertThat(output.promptTokens()).isEqualTo(812);
	}

	@Test
	void audioPartStreamsAndTheLastChunkCarriesUsage() throws Exception {
		List<Interaction> exchange = serve("content_parts_stream.yaml");
		byte[] wav = java.util.Base64.getDecoder().decode("UklGRiQAAABXQVZF");
		ChatMessage message = ChatMessage.user(ContentPart.text("Describe the sound."),
				ContentPart.audio(new BinaryInput(wav, "audio/wav")));

		ChatCompletionOutput output = ChatStreams
			.aggregate(this.mock.client().stream(ChatCompletion.STREAM, model("Qwen/Qwen2.5-Omni-7B"), List.of(message), null))
			.block(WAIT);

		assertSent(exchange);
		assertThat(output.content()).isEqualTo("A dog barking.");
		assertThat(output.generatedTokens()).isEqualTo(4);
	}

	@Test
	void reasoningIsReadApartFromTheContentWithReasoningAndCachedTokens() throws Exception {
		List<Interaction> exchange = serve("reasoning.yaml");

		InferenceResponse<ChatCompletionOutput> response = this.mock.client().blocking()
			.execute(InferenceRequest.of(ChatCompletion.TASK, model("deepseek-ai/DeepSeek-R1"),
					ChatMessage.conversation("Answer briefly.", "Is 1001 prime?"))
				.withParameters(ChatCompletion.Parameters.builder().reasoningEffort("low").build()));

		assertSent(exchange);
		ChatCompletionOutput output = response.value();
		assertThat(output.content()).isEqualTo("No, 1001 = 7 x 11 x 13.");
		assertThat(output.reasoning()).isEqualTo("1001 = 7 * 11 * 13.");
		assertThat(output.reasoningTokens()).isEqualTo(30);
		assertThat(output.cachedTokens()).isEqualTo(16);
		assertThat(response.metadata().generatedTokens()).as("reasoning tokens are part of the output tokens")
			.isEqualTo(42);
	}

	@Test
	void streamedReasoningStaysApartFromTheTextAndInTheAggregate() throws Exception {
		List<Interaction> exchange = serve("reasoning_stream.yaml");
		Flux<ChatCompletionChunk> chunks = this.mock.client()
			.stream(ChatCompletion.STREAM, model("openai/gpt-oss-20b"), List.of(ChatMessage.user("Is 1001 prime?")),
					null)
			.cache();

		assertThat(ChatStreams.reasoningDeltas(chunks).collectList().block(WAIT))
			.containsExactly("Try 7: ", "1001 = 7 * 143.");
		assertThat(ChatStreams.textDeltas(chunks).collectList().block(WAIT)).containsExactly("No.");
		ChatCompletionOutput whole = ChatStreams.aggregate(chunks).block(WAIT);

		assertSent(exchange);
		assertThat(whole.content()).isEqualTo("No.");
		assertThat(whole.reasoning()).isEqualTo("Try 7: 1001 = 7 * 143.");
		assertThat(whole.reasoningTokens()).isEqualTo(21);
	}

	@Test
	void aModelWithoutIncludeUsageStreamsWithoutStreamOptions() throws Exception {
		List<Interaction> exchange = serve("content_parts_stream.yaml");
		ModelDefinition model = model("Qwen/Qwen2.5-Omni-7B").toBuilder()
			.chat(ChatSettings.defaults().withIncludeUsage(false))
			.build();

		this.mock.client().executeStream(StreamingRequest.of(ChatCompletion.STREAM, model, List.of(ChatMessage.user("Hi"))))
			.chunks()
			.blockLast(WAIT);

		RecordedRequest sent = this.mock.server().takeRequest();
		assertThat(sent.getTarget()).isEqualTo(exchange.get(0).uri().getRawPath());
		assertThat(json(sent.getBody().toByteArray()).toString()).isEqualTo(
				"{\"model\":\"Qwen/Qwen2.5-Omni-7B\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}],\"stream\":true}");
	}

	static ModelDefinition model(String id) {
		return ReplaySupport.viaRouter(id, "hf-inference");
	}

	List<Interaction> serve(String cassette) {
		return ReplaySupport.serveCassette(this.mock.server(), cassette);
	}

	void assertSent(List<Interaction> exchange) throws InterruptedException {
		ReplaySupport.assertSentAsRecorded(this.mock.server(), exchange);
	}

}
