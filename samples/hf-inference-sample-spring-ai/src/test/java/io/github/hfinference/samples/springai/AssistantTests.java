package io.github.hfinference.samples.springai;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.github.hfinference.test.AutoConfigureHfInferenceStub;
import io.github.hfinference.test.HfInferenceStub;
import io.github.hfinference.test.StubCall;

import static io.github.hfinference.test.HfAnswers.chatToolCall;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat endpoints, Spring AI's {@code ChatClient} on our {@code ChatModel}, against
 * the {@code hf-inference-test} stub of the router: the tool is called, the forecast comes
 * back typed, the picture goes as an image part, the stream in fragments.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@AutoConfigureHfInferenceStub
class AssistantTests {

	private static final String CHAT = "meta-llama/Llama-3.1-8B-Instruct";

	@Autowired
	private WebTestClient client;

	@Autowired
	private HfInferenceStub huggingFace;

	@Test
	void forecastCallsTheToolAndReturnsTheTypedAnswer() {
		this.huggingFace.model(CHAT)
			.chat()
			.answers(chatToolCall(CHAT, "call_1", "currentWeather", "{\"city\":\"Paris\"}"))
			.thenReplies("{\"city\":\"Paris\",\"temperatureCelsius\":21,\"sky\":\"sunny\"}");

		this.client.post()
			.uri("/api/forecast")
			.bodyValue(Map.of("text", "Paris"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"city\":\"Paris\",\"temperatureCelsius\":21,\"sky\":\"sunny\"}");

		List<StubCall> calls = this.huggingFace.calls(CHAT);
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0).bodyText()).contains("\"response_format\":{\"type\":\"json_schema\"")
			.contains("\"name\":\"currentWeather\"");
		assertThat(calls.get(1).bodyText())
			.contains("{\"role\":\"tool\",\"content\":\"21 °C, sunny\",\"tool_call_id\":\"call_1\"}");
		assertThat(calls).allSatisfy((call) -> assertThat(call.bearerToken()).contains("hf_test"));
	}

	@Test
	void describeSendsThePictureAsAnImagePart() {
		this.huggingFace.model(CHAT).chat().replies("A cat on a mat.");

		this.client.post()
			.uri("/api/describe")
			.contentType(MediaType.IMAGE_PNG)
			.bodyValue(new byte[] { (byte) 0x89, 'P', 'N', 'G' })
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"text\":\"A cat on a mat.\"}");

		assertThat(this.huggingFace.calls(CHAT)).singleElement()
			.satisfies((call) -> assertThat(call.bodyText()).contains("\"content\":[{\"type\":\"text\",\"text\":"
					+ "\"Describe this picture in one sentence.\"},{\"type\":\"image_url\",\"image_url\":"
					+ "{\"url\":\"data:image/png;base64,iVBORw==\"}}]"));
	}

	@Test
	void streamSendsTheFragmentsAsTheyCome() {
		this.huggingFace.model(CHAT).chat().streams("Bon", "jour");

		List<String> fragments = this.client.get()
			.uri("/api/chat/stream?message=Hello")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(fragments).containsExactly("Bon", "jour");
		assertThat(this.huggingFace.calls(CHAT)).singleElement()
			.satisfies((call) -> assertThat(call.isStream()).isTrue());
	}

}
