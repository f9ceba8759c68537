package io.github.hfinference.samples.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.test.HfInferenceStub;

import static io.github.hfinference.test.HfAnswers.embedding;
import static io.github.hfinference.test.HfAnswers.label;
import static io.github.hfinference.test.HfInferenceAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the command line against the Hugging Face stub of {@code hf-inference-test}.
 */
class HfCliTests {

	private final HfInferenceStub huggingFace = HfInferenceStub.start();

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

	private HfCli cli;

	@BeforeEach
	void start() {
		HfInferenceClient client = HfInferenceClient.builder()
			.token("hf_test")
			.baseUrl(this.huggingFace.baseUrl())
			.hubUrl(this.huggingFace.hubUrl())
			.build();
		this.cli = new HfCli(client, new PrintStream(this.output, true, StandardCharsets.UTF_8),
				new PrintStream(this.errors, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void stop() {
		this.huggingFace.close();
	}

	@Test
	void sentimentPrintsEveryLabelWithItsScore() {
		this.huggingFace.model(HfCli.SENTIMENT.id()).task(TextClassification.TASK)
			.answers(List.of(label("POSITIVE", 0.9998), label("NEGATIVE", 0.0002)));
		assertThat(this.cli.run(new String[] { "sentiment", "I", "love", "it" })).isZero();
		assertThat(output()).isEqualTo("POSITIVE   0.9998\nNEGATIVE   0.0002\n".replace("\n", System.lineSeparator()));
		assertThat(this.huggingFace).receivedCalls(HfCli.SENTIMENT.id()).hasSize(1).first()
			.hasPath("/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english")
			.hasBearerToken("hf_test")
			.hasBodyJson("{\"inputs\":\"I love it\"}");
	}

	@Test
	void embedPrintsTheDimensions() {
		this.huggingFace.model(HfCli.EMBEDDINGS.id()).task(FeatureExtraction.TASK)
			.answers(embedding(0.5f, 0.25f, 0.125f, 0.0625f, 0.03125f));
		assertThat(this.cli.run(new String[] { "embed", "hello" })).isZero();
		assertThat(output()).startsWith("5 dimensions: [0.5, 0.25, 0.125, 0.0625] ...");
	}

	@Test
	void chatPrintsTheStreamedAnswer() {
		this.huggingFace.model(HfCli.CHAT.id()).chat().streams("Hel", "lo");
		assertThat(this.cli.run(new String[] { "chat", "Say", "hello" })).isZero();
		assertThat(output()).isEqualTo("Hello" + System.lineSeparator());
		assertThat(this.huggingFace).receivedCalls(HfCli.CHAT.id()).hasSize(1).first()
			.isStream()
			.hasPath("/v1/chat/completions")
			.hasBodyJson("{\"messages\":[{\"role\":\"user\",\"content\":\"Say hello\"}]}");
	}

	@Test
	void anUpstreamErrorIsReportedAsExitStatusOne() {
		this.huggingFace.model(HfCli.SENTIMENT.id()).task(TextClassification.TASK).fails(404, "Model not found");
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
		assertThat(this.huggingFace.calls()).isEmpty();
	}

	private String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
