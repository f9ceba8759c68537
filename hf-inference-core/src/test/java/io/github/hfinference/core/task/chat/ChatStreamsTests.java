package io.github.hfinference.core.task.chat;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.json.JsonCodec;

import static org.assertj.core.api.Assertions.assertThat;

class ChatStreamsTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Test
	void aggregatesInterleavedChoicesByIndex() {
		ChatCompletionOutput output = ChatStreams.aggregate(chunks(
				"{\"id\":\"\",\"created\":0,\"choices\":[{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"B\"}}]}",
				"{\"id\":\"cmpl-1\",\"created\":17,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"A\"}}]}",
				"{\"id\":\"cmpl-1\",\"system_fingerprint\":\"fp\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"},"
						+ "{\"index\":1,\"delta\":{\"content\":\"b\"},\"finish_reason\":\"length\"}]}"))
			.block(WAIT);

		assertThat(output.id()).isEqualTo("cmpl-1");
		assertThat(output.created()).isEqualTo(17);
		assertThat(output.model()).isEqualTo("m");
		assertThat(output.systemFingerprint()).isEqualTo("fp");
		assertThat(output.usage()).isNull();
		assertThat(output.choices()).extracting(ChatCompletionOutput.Choice::index).containsExactly(0, 1);
		assertThat(output.choices()).extracting((choice) -> choice.message().content()).containsExactly("Aa", "Bb");
		assertThat(output.choices()).extracting(ChatCompletionOutput.Choice::finishReason).containsExactly("stop", "length");
		assertThat(output.content()).isEqualTo("Aa");
	}

	@Test
	void readsTgiToolCallSentAsOneObjectWithObjectArguments() {
		ChatCompletionOutput output = ChatStreams.aggregate(chunks(
				"{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"tool_calls\":{\"index\":0,\"id\":\"\",\"type\":\"function\","
						+ "\"function\":{\"name\":\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":\"eos_token\"}]}"))
			.block(WAIT);

		ChatMessage message = output.choices().get(0).message();
		assertThat(message.content()).as("empty content beside tool calls").isNull();
		assertThat(message.toolCalls())
			.containsExactly(new ToolCall(null, "function", new ToolCall.Function("get_weather", "{\"city\":\"Paris\"}")));
	}

	@Test
	void concatenatesLogprobsOfEveryChunk() {
		ChatCompletionOutput output = ChatStreams.aggregate(chunks(
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"A\"},\"logprobs\":{\"content\":[{\"token\":\"A\",\"logprob\":-0.1}]}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"B\"},\"logprobs\":{\"content\":[{\"token\":\"B\",\"logprob\":-0.2}]}}]}"))
			.block(WAIT);

		assertThat(output.choices().get(0).logprobs().get("content")).hasSize(2);
		assertThat(output.choices().get(0).logprobs().at("/content/1/token").asString()).isEqualTo("B");
	}

	@Test
	void textDeltasSkipChunksWithoutText() {
		StepVerifier.create(ChatStreams.textDeltas(chunks("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}",
				"{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"}}]}", "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}",
				"{\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,\"total_tokens\":2}}")))
			.expectNext("Hi")
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void emptyStreamCannotBeAggregated() {
		StepVerifier.create(ChatStreams.aggregate(Flux.empty()))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfResponseException.class)
				.hasMessageContaining("ended without any chunk"))
			.verify(WAIT);
	}

	private static Flux<ChatCompletionChunk> chunks(String... json) {
		return Flux.fromIterable(Arrays.stream(json)
			.map((text) -> JsonCodec.get().convert(JsonCodec.get().mapper().readTree(text), ChatCompletionChunk.class))
			.toList());
	}

}
