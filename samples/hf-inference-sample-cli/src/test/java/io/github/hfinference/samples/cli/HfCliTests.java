package io.github.hfinference.samples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.github.hfinference.core.HfInferenceClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the command line against a local stand-in for the Hugging Face router.
 */
class HfCliTests {

	private final MockWebServer server = new MockWebServer();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

	private HfCli cli;

	@BeforeEach
	void start() throws Exception {
		this.server.start();
		HfInferenceClient client = HfInferenceClient.builder()
			.token("hf_test")
			.baseUrl(URI.create(this.server.url("/").toString()))
			.build();
		this.cli = new HfCli(client, new PrintStream(this.output, true, StandardCharsets.UTF_8),
				new PrintStream(this.errors, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void sentimentPrintsEveryLabelWithItsScore() throws Exception {
		this.server.enqueue(json("[[{\"label\":\"POSITIVE\",\"score\":0.9998},{\"label\":\"NEGATIVE\",\"score\":0.0002}]]"));
		assertThat(this.cli.run(new String[] { "sentiment", "I", "love", "it" })).isZero();
		assertThat(output()).isEqualTo("POSITIVE   0.9998\nNEGATIVE   0.0002\n".replace("\n", System.lineSeparator()));
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getTarget())
			.isEqualTo("/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
		assertThat(request.getBody().utf8()).contains("\"inputs\":\"I love it\"");
	}

	@Test
	void embedPrintsTheDimensions() {
		this.server.enqueue(json("[0.5,0.25,0.125,0.0625,0.03125]"));
		assertThat(this.cli.run(new String[] { "embed", "hello" })).isZero();
		assertThat(output()).startsWith("5 dimensions: [0.5, 0.25, 0.125, 0.0625] ...");
	}

	@Test
	void chatPrintsTheStreamedAnswer() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream")
			.body(chunk("Hel") + chunk("lo") + "data: [DONE]\n\n")
			.build());
		assertThat(this.cli.run(new String[] { "chat", "Say", "hello" })).isZero();
		assertThat(output()).isEqualTo("Hello" + System.lineSeparator());
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getTarget()).isEqualTo("/v1/chat/completions");
		assertThat(request.getBody().utf8()).contains("\"stream\":true", "Say hello");
	}

	@Test
	void anUpstreamErrorIsReportedAsExitStatusOne() {
		this.server.enqueue(new MockResponse.Builder().code(404)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":\"Model not found\"}")
			.build());
		assertThat(this.cli.run(new String[] { "sentiment", "hi" })).isEqualTo(1);
		assertThat(output()).isEmpty();
		assertThat(this.errors.toString(StandardCharsets.UTF_8)).startsWith("HfNotFoundException: ")
			.contains("Model not found");
	}

	@Test
	void badUsageIsExitStatusTwo() {
		assertThat(this.cli.run(new String[] { "translate" })).isEqualTo(2);
		assertThat(this.cli.run(new String[] { "translate", "hi" })).isEqualTo(2);
		assertThat(this.errors.toString(StandardCharsets.UTF_8)).contains("usage: hf-cli");
		assertThat(this.server.getRequestCount()).isZero();
	}

	private String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

	private static String chunk(String text) {
		return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
				+ "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + text + "\"},\"finish_reason\":null}]}\n\n";
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

}
