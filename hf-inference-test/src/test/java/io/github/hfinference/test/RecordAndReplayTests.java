package io.github.hfinference.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.error.HfBadRequestException;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.test.internal.Cassette;

import static io.github.hfinference.test.HfAnswers.label;
import static io.github.hfinference.test.HfInferenceAssertions.assertThat;
import static io.github.hfinference.test.StubClients.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Recording forwards with the real token and writes the exchanges without it; replaying
 * answers from the file offline and shows the difference of a request that does not
 * match. A second local stub plays the real Hugging Face (nothing here calls it).
 */
class RecordAndReplayTests {

	private static final String REAL_TOKEN = "hf_realSecretToken123";

	@TempDir
	Path folder;

	@Test
	void recordingForwardsWithTheRealTokenAndNeverWritesAnyToken() throws Exception {
		Path cassette = record();
		String yaml = Files.readString(cassette);
		assertThat(yaml).contains("interactions:", "uri:", "/hf-inference/models/org/m", "POSITIVE")
			.doesNotContain(REAL_TOKEN)
			.doesNotContain("hf_test")
			.doesNotContainIgnoringCase("authorization");
		assertThat(Cassette.read(cassette)).extracting(Cassette.Interaction::method, Cassette.Interaction::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("GET", 200),
					org.assertj.core.groups.Tuple.tuple("POST", 200));
	}

	@Test
	void replayAnswersTheRecordedResponsesOffline() {
		Path cassette = record();
		try (HfInferenceStub replay = HfInferenceStub.replaying(cassette)) {
			assertThat(classify(StubClients.client(replay), "I like you"))
				.containsExactly(new ClassificationOutput("POSITIVE", 0.98));
			assertThat(replay).replayedEveryRequest();
			assertThat(replay).receivedCalls("org/m").hasSize(1).first().hasBodyJson("{\"inputs\":\"I like you\"}");
		}
	}

	@Test
	void aMismatchedRequestFailsWithTheDifference() {
		Path cassette = record();
		try (HfInferenceStub replay = HfInferenceStub.replaying(cassette)) {
			assertThatThrownBy(() -> classify(StubClients.client(replay), "I hate you"))
				.isInstanceOf(HfBadRequestException.class)
				.hasMessageContaining("replay mismatch: POST /hf-inference/models/org/m was recorded with another body")
				.hasMessageContaining("/inputs: recorded \"I like you\", sent \"I hate you\"");
			assertThatThrownBy(() -> assertThat(replay).replayedEveryRequest()).isInstanceOf(AssertionError.class)
				.hasMessageContaining("/inputs: recorded \"I like you\", sent \"I hate you\"");
		}
	}

	private Path record() {
		Path cassette = this.folder.resolve("sentiment.yaml");
		try (HfInferenceStub huggingFace = HfInferenceStub.start()) {
			huggingFace.model("org/m").task(TextClassification.TASK).answers(List.of(label("POSITIVE", 0.98)));
			try (HfInferenceStub recorder = HfInferenceStub.recording(cassette, REAL_TOKEN, huggingFace.baseUrl(),
					huggingFace.hubUrl())) {
				assertThat(classify(StubClients.client(recorder), "I like you"))
					.containsExactly(new ClassificationOutput("POSITIVE", 0.98));
			}
			assertThat(huggingFace).receivedCalls("org/m").hasSize(1).first().hasBearerToken(REAL_TOKEN);
			assertThat(huggingFace.calls()).allSatisfy((call) -> assertThat(call.bearerToken()).contains(REAL_TOKEN));
		}
		return cassette;
	}

	private static List<ClassificationOutput> classify(HfInferenceClient client, String text) {
		return client.call(TextClassification.TASK, "org/m", text).block(TIMEOUT);
	}

}
