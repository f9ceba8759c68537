package io.github.hfinference.core.task;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.error.HfInvalidRequestException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.Task.RequestPayload;
import io.github.hfinference.core.task.Task.TaskRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The task definitions as data: every task is listed, binary inputs switch to base64 JSON
 * when parameters are set, required inputs are checked, and malformed answers give clear
 * errors. (What the tasks send and read on the wire is replayed from real traffic in
 * {@code io.github.hfinference.core.replay}.)
 */
class TaskDefinitionsTests {

	private static final JsonCodec CODEC = JsonCodec.get();

	private static final byte[] IMAGE = "image".getBytes(StandardCharsets.UTF_8);

	@Test
	void everyHuggingFaceTaskIsListed() {
		assertThat(Tasks.ids()).containsExactlyInAnyOrder("audio-classification", "audio-to-audio",
				"automatic-speech-recognition", "chat-completion", "document-question-answering", "feature-extraction",
				"fill-mask", "image-classification", "image-segmentation", "image-text-to-image", "image-text-to-video",
				"image-to-image", "image-to-text", "image-to-video",
				"object-detection", "question-answering", "responses", "sentence-similarity", "summarization",
				"table-question-answering", "tabular-classification", "tabular-regression", "text-classification",
				"text-generation", "text-to-audio", "text-to-image", "text-to-speech", "text-to-video", "token-classification", "translation",
				"visual-question-answering", "zero-shot-classification", "zero-shot-image-classification");
		assertThat(Tasks.byId("conversational")).containsSame(io.github.hfinference.core.task.chat.ChatCompletion.TASK);
		assertThat(Tasks.all()).filteredOn((task) -> task.route() == TaskRoute.PIPELINE)
			.extracting(Task::id)
			.containsExactlyInAnyOrder("feature-extraction", "sentence-similarity");
	}

	@Test
	void binaryOutputsAskForTheirMediaType() {
		assertThat(TextToImage.TASK.accept()).isEqualTo("image/png");
		assertThat(ImageToImage.TASK.accept()).isEqualTo("image/png");
		assertThat(TextToSpeech.TASK.accept()).isEqualTo("audio/*");
		assertThat(TextToAudio.TASK.accept()).isEqualTo("audio/*");
		assertThat(Tasks.all()).filteredOn((task) -> task.accept() != null).hasSize(4);
	}

	@Test
	void binaryInputIsTheRawBodyWithoutParameters() {
		RequestPayload payload = ImageClassification.TASK.encoder()
			.encode(new BinaryInput(IMAGE, "image/png"), null, CODEC);
		assertThat(payload).isInstanceOfSatisfying(RequestPayload.Binary.class, (binary) -> {
			assertThat(binary.bytes()).isEqualTo(IMAGE);
			assertThat(binary.contentType()).isEqualTo("image/png");
		});
		assertThat(ObjectDetection.TASK.encoder().encode(BinaryInput.of(IMAGE), new ObjectDetection.Parameters(null),
				CODEC)).isInstanceOf(RequestPayload.Binary.class);
	}

	@Test
	void binaryInputIsBase64JsonWithParameters() {
		assertThat(json(ImageToImage.TASK.encoder()
			.encode(BinaryInput.of(IMAGE), ImageToImage.Parameters.prompt("a watercolour"), CODEC)))
			.isEqualTo(CODEC.mapper()
				.readTree("{\"inputs\":\"aW1hZ2U=\",\"parameters\":{\"prompt\":\"a watercolour\"}}"));
		assertThat(json(AutomaticSpeechRecognition.TASK.encoder()
			.encode(BinaryInput.of(IMAGE), AutomaticSpeechRecognition.Parameters.withTimestamps(), CODEC)))
			.isEqualTo(CODEC.mapper().readTree("{\"inputs\":\"aW1hZ2U=\",\"parameters\":{\"return_timestamps\":true}}"));
	}

	@Test
	void zeroShotLabelsGoToParametersWithTheOtherParameters() {
		JsonNode body = json(ZeroShotClassification.TASK.encoder()
			.encode(new ZeroShotClassification.Input("I lost my card", List.of("bank", "travel")),
					ZeroShotClassification.Parameters.allowingSeveralLabels(), CODEC));
		assertThat(body).isEqualTo(CODEC.mapper()
			.readTree("{\"inputs\":\"I lost my card\",\"parameters\":{\"candidate_labels\":[\"bank\",\"travel\"],"
					+ "\"multi_label\":true}}"));
		assertThat(json(ZeroShotImageClassification.TASK.encoder()
			.encode(new ZeroShotImageClassification.Input(BinaryInput.of(IMAGE), List.of("cat")), null, CODEC)))
			.isEqualTo(CODEC.mapper().readTree("{\"inputs\":\"aW1hZ2U=\",\"parameters\":{\"candidate_labels\":[\"cat\"]}}"));
	}

	@Test
	void requiredInputsAreChecked() {
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> new ZeroShotClassification.Input("text", List.of()))
			.withMessage("zero-shot-classification needs at least one candidate label");
		Map<String, List<String>> ragged = new LinkedHashMap<>();
		ragged.put("a", List.of("1", "2"));
		ragged.put("b", List.of("1"));
		assertThatExceptionOfType(HfInvalidRequestException.class).isThrownBy(() -> new TabularData(ragged))
			.withMessage("Column 'b' has 1 values but the previous columns have 2");
	}

	@Test
	void answersOfEveryRecordedShapeAreRead() {
		assertThat(decode(Translation.TASK, "{\"translation_text\":\"Hallo\"}").translationText()).isEqualTo("Hallo");
		assertThat(decode(Translation.TASK, "[{\"translation_text\":\"Hallo\"}]").translationText()).isEqualTo("Hallo");
		assertThat(decode(QuestionAnswering.TASK, "[{\"answer\":\"a\",\"score\":0.5,\"start\":0,\"end\":1},"
				+ "{\"answer\":\"b\",\"score\":0.25,\"start\":2,\"end\":3}]")).extracting(QuestionAnswering.Output::answer)
			.containsExactly("a", "b");
		assertThat(decode(ZeroShotImageClassification.TASK, "[{\"label\":\"cat\",\"score\":0.9}]"))
			.containsExactly(new ClassificationOutput("cat", 0.9));
		assertThat(decode(TabularRegression.TASK, "[\"1.5\", 2]")).containsExactly(1.5, 2.0);
		assertThat(decode(TabularClassification.TASK, "[\"setosa\", 1]")).containsExactly("setosa", "1");
		AutomaticSpeechRecognition.Output transcript = decode(AutomaticSpeechRecognition.TASK,
				"{\"text\":\"hi\",\"chunks\":[{\"text\":\"hi\",\"timestamp\":[0.0,1.5]}]}");
		assertThat(transcript.chunks()).singleElement().satisfies((chunk) -> {
			assertThat(chunk.start()).isEqualTo(0.0);
			assertThat(chunk.end()).isEqualTo(1.5);
		});
		assertThat(decode(TokenClassification.TASK, "[{\"entity\":\"B-PER\",\"score\":0.9,\"word\":\"Sarah\"}]"))
			.extracting(TokenClassification.Output::label)
			.containsExactly("B-PER");
	}

	@Test
	void malformedAnswersGiveClearErrors() {
		assertThatExceptionOfType(HfResponseException.class)
			.isThrownBy(() -> decode(ZeroShotClassification.TASK, "{\"labels\":[\"a\",\"b\"],\"scores\":[0.5]}"))
			.withMessageContaining("'labels' and 'scores' must be lists of the same length");
		assertThatExceptionOfType(HfResponseException.class)
			.isThrownBy(() -> decode(TabularRegression.TASK, "[\"twelve\"]"))
			.withMessage("Expected a number, got the string \"twelve\"");
		assertThatExceptionOfType(HfResponseException.class)
			.isThrownBy(() -> decode(TabularClassification.TASK, "[{\"label\":1}]"))
			.withMessageStartingWith("Expected a string or a number, got OBJECT");
	}

	private static <R> R decode(Task<?, ?, R> task, String body) {
		return task.decoder()
			.decode(new RawResponse(200, new HttpHeaders(), body.getBytes(StandardCharsets.UTF_8)), CODEC);
	}

	private static JsonNode json(RequestPayload payload) {
		assertThat(payload).isInstanceOf(RequestPayload.Json.class);
		return ((RequestPayload.Json) payload).body();
	}

}
