package io.github.hfinference.samples.springai;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat endpoints against a local OpenAI-compatible server standing in for the chat
 * model: the tool is called, the forecast comes back typed, the stream in fragments.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "hf.inference.token=hf_test")
@AutoConfigureWebTestClient
class AssistantTests {

	private static final MockWebServer server = new MockWebServer();

	@Autowired
	private WebTestClient client;

	@DynamicPropertySource
	static void chatServer(DynamicPropertyRegistry registry) throws IOException {
		server.start();
		registry.add("hf.inference.models.chat.endpoint-url", () -> server.url("/").toString());
		registry.add("hf.inference.hub-url", () -> server.url("/").toString());
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void forecastCallsTheToolAndReturnsTheTypedAnswer() throws Exception {
		answer(completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_1\",\"type\":"
				+ "\"function\",\"function\":{\"name\":\"currentWeather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}",
				"tool_calls"));
		answer(completion("{\"role\":\"assistant\",\"content\":"
				+ "\"{\\\"city\\\":\\\"Paris\\\",\\\"temperatureCelsius\\\":21,\\\"sky\\\":\\\"sunny\\\"}\"}", "stop"));

		this.client.post()
			.uri("/api/forecast")
			.bodyValue(Map.of("text", "Paris"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"city\":\"Paris\",\"temperatureCelsius\":21,\"sky\":\"sunny\"}");

		assertThat(take().getBody().utf8()).contains("\"response_format\":{\"type\":\"json_schema\"")
			.contains("\"name\":\"currentWeather\"");
		assertThat(take().getBody().utf8())
			.contains("{\"role\":\"tool\",\"content\":\"21 °C, sunny\",\"tool_call_id\":\"call_1\"}");
	}

	@Test
	void describeSendsThePictureAsAnImagePart() throws Exception {
		answer(completion("{\"role\":\"assistant\",\"content\":\"A cat on a mat.\"}", "stop"));

		this.client.post()
			.uri("/api/describe")
			.contentType(MediaType.IMAGE_PNG)
			.bodyValue(new byte[] { (byte) 0x89, 'P', 'N', 'G' })
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"text\":\"A cat on a mat.\"}");

		assertThat(take().getBody().utf8()).contains("\"content\":[{\"type\":\"text\",\"text\":"
				+ "\"Describe this picture in one sentence.\"},{\"type\":\"image_url\",\"image_url\":"
				+ "{\"url\":\"data:image/png;base64,iVBORw==\"}}]");
	}

	@Test
	void streamSendsTheFragmentsAsTheyCome() throws Exception {
		server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream")
			.body("data: " + chunk("{\"role\":\"assistant\",\"content\":\"Bon\"}", null) + "\n\n" + "data: "
					+ chunk("{\"content\":\"jour\"}", "\"stop\"") + "\n\ndata: [DONE]\n\n")
			.build());

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
		assertThat(take().getBody().utf8()).contains("\"stream\":true");
	}

	private static void answer(String json) {
		server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
			.body(json)
			.build());
	}

	private static String completion(String message, String finishReason) {
		return "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"meta-llama/Llama-3.1-8B-Instruct\","
				+ "\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":\"" + finishReason + "\"}]}";
	}

	private static String chunk(String delta, String finishReason) {
		return "{\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"choices\":[{\"index\":0,\"delta\":"
				+ delta + ",\"finish_reason\":" + finishReason + "}]}";
	}

	private static RecordedRequest take() throws InterruptedException {
		RecordedRequest request = server.takeRequest(10, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		return request;
	}

}
