package io.github.hfinference.core.task;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.Task.RequestPayload;
import io.github.hfinference.core.task.Task.TaskRoute;
import io.github.hfinference.core.task.chat.ChatCompletion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StreamingTaskTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Test
	void streamingTasksAreFoundFromTheirTask() {
		assertThat(Tasks.streamingFor(ChatCompletion.TASK)).containsSame(ChatCompletion.STREAM);
		assertThat(Tasks.streamingFor(TextGeneration.TASK)).containsSame(TextGeneration.STREAM);
		assertThat(Tasks.streamingFor(TextClassification.TASK)).isEmpty();
		assertThat(Tasks.streaming()).extracting(StreamingTask::id)
			.containsExactly("chat-completion", "text-generation", "responses");
		assertThat(TextGeneration.STREAM.route()).isEqualTo(TaskRoute.MODEL);
		assertThat(TextGeneration.STREAM.chunkType()).isEqualTo(TextGeneration.StreamOutput.class);
	}

	@Test
	void textGenerationStreamSetsStreamAtTheBodyRoot() {
		RequestPayload payload = TextGeneration.STREAM.encoder()
			.encode("test", TextGeneration.Parameters.maxNewTokens(3), JsonCodec.get());

		assertThat(((RequestPayload.Json) payload).body())
			.isEqualTo(json("{\"inputs\":\"test\",\"parameters\":{\"max_new_tokens\":3},\"stream\":true}"));
	}

	@Test
	void taskWithBinaryBodyCannotStream() {
		Task<BinaryInput, Void, JsonNode> binary = Task.<BinaryInput, Void, JsonNode>builder("audio-classification", TaskRoute.MODEL)
			.input(BinaryInput.class)
			.parameters(Void.class)
			.result(JsonNode.class)
			.encoder(Encoders.binary())
			.decoder(Decoders.json(JsonNode.class))
			.build();
		StreamingTask<BinaryInput, Void, JsonNode> streaming = StreamingTask.builder(binary, JsonNode.class)
			.text((chunk) -> null)
			.build();

		assertThatExceptionOfType(HfConfigurationException.class)
			.isThrownBy(() -> streaming.encoder().encode(BinaryInput.of(new byte[] { 1 }), null, JsonCodec.get()))
			.withMessageContaining("Task 'audio-classification' cannot stream");
	}

	@Test
	void aggregatesTokensDetailsAndTopTokensOfAFinishedGeneration() {
		TextGeneration.Output output = TextGenerationStreams.aggregate(events(
				"{\"index\":1,\"token\":{\"id\":80,\"text\":\"one\",\"logprob\":-0.7,\"special\":false},\"top_tokens\":[{\"id\":80,\"text\":\"one\",\"logprob\":-0.7,\"special\":false}],\"generated_text\":null,\"details\":null}",
				"{\"index\":2,\"token\":{\"id\":1,\"text\":\"</s>\",\"logprob\":-0.1,\"special\":true},\"top_tokens\":[{\"id\":1,\"text\":\"</s>\",\"logprob\":-0.1,\"special\":true}],\"generated_text\":\"one\","
						+ "\"details\":{\"finish_reason\":\"eos_token\",\"generated_tokens\":2,\"seed\":42,\"input_length\":5}}"))
			.block(WAIT);

		assertThat(output.generatedText()).isEqualTo("one");
		assertThat(output.details().finishReason()).isEqualTo("eos_token");
		assertThat(output.details().generatedTokens()).isEqualTo(2);
		assertThat(output.details().seed()).isEqualTo(42L);
		assertThat(output.details().tokens()).extracting(TextGeneration.Token::text).containsExactly("one", "</s>");
		assertThat(output.details().topTokens()).hasSize(2);
	}

	@Test
	void generationCutBeforeItsLastEventKeepsTheTokenText() {
		Flux<TextGeneration.StreamOutput> cut = events(
				"{\"token\":{\"id\":80,\"text\":\"one\",\"logprob\":-0.7,\"special\":false},\"generated_text\":null,\"details\":null}",
				"{\"token\":{\"id\":192,\"text\":\" two\",\"logprob\":-0.1,\"special\":false},\"generated_text\":null,\"details\":null}");

		TextGeneration.Output output = TextGenerationStreams.aggregate(cut).block(WAIT);

		assertThat(output.generatedText()).isEqualTo("one two");
		assertThat(output.details()).isNull();
		StepVerifier.create(TextGenerationStreams.tokenTexts(cut)).expectNext("one", " two").expectComplete().verify(WAIT);
	}

	@Test
	void lastEventReportsTokenUsage() {
		List<TextGeneration.StreamOutput> list = events(
				"{\"token\":{\"id\":1,\"text\":\"</s>\",\"special\":true},\"generated_text\":\"\",\"details\":{\"finish_reason\":\"length\",\"generated_tokens\":7,\"input_length\":3}}")
			.collectList()
			.block(WAIT);

		assertThat(list.get(0).generatedTokens()).isEqualTo(7);
		assertThat(list.get(0).promptTokens()).isEqualTo(3);
		assertThat(list.get(0).text()).isNull();
	}

	@Test
	void emptyGenerationCannotBeAggregated() {
		StepVerifier.create(TextGenerationStreams.aggregate(Flux.empty()))
			.expectError(HfResponseException.class)
			.verify(WAIT);
	}

	private static Flux<TextGeneration.StreamOutput> events(String... json) {
		return Flux.fromIterable(Arrays.stream(json)
			.map((text) -> JsonCodec.get().convert(json(text), TextGeneration.StreamOutput.class))
			.toList());
	}

	private static JsonNode json(String text) {
		return JsonCodec.get().mapper().readTree(text);
	}

}
