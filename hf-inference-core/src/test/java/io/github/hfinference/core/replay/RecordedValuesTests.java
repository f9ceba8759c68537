package io.github.hfinference.core.replay;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.task.AudioToAudio;
import io.github.hfinference.core.task.AutomaticSpeechRecognition;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.BinaryOutput;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.DocumentQuestionAnswering;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.FillMask;
import io.github.hfinference.core.task.ImageSegmentation;
import io.github.hfinference.core.task.ObjectDetection;
import io.github.hfinference.core.task.QuestionAnswering;
import io.github.hfinference.core.task.TableQuestionAnswering;
import io.github.hfinference.core.task.TabularClassification;
import io.github.hfinference.core.task.TabularData;
import io.github.hfinference.core.task.TabularRegression;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.TextGeneration;
import io.github.hfinference.core.task.TextToImage;
import io.github.hfinference.core.task.TextToSpeech;
import io.github.hfinference.core.task.ZeroShotClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spot checks, with literal values copied from the recordings, that the typed results
 * carry what the servers really answered, in each task's recorded shape.
 */
class RecordedValuesTests {

	private static final byte[] IMAGE = { 1, 2, 3 };

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	@Test
	void textClassificationUnwrapsTheExtraList() {
		List<ClassificationOutput> labels = replay(hub("test_text_classification"), TextClassification.TASK,
				"I like you");
		assertThat(labels).containsExactly(new ClassificationOutput("POSITIVE", 0.9998695850372314),
				new ClassificationOutput("NEGATIVE", 0.00013043530634604394));
	}

	@Test
	void zeroShotClassificationReadsTheLabelsAndScoresObject() {
		List<ClassificationOutput> labels = replay(hub("test_zero_shot_classification_multi_label"),
				ZeroShotClassification.TASK, new ZeroShotClassification.Input("text",
						List.of("space & cosmos", "scientific discovery", "microbiology", "robots", "archeology")));
		assertThat(labels).hasSize(5)
			.first()
			.isEqualTo(new ClassificationOutput("scientific discovery", 0.9829296469688416));
		assertThat(labels.get(4)).isEqualTo(new ClassificationOutput("robots", 0.000304485292872414));
	}

	@Test
	void zeroShotClassificationReadsAListOfLabelsAndScoresObjects() {
		List<ClassificationOutput> labels = replay(tape("/hf-inference/models/facebook/bart-large-mnli"),
				ZeroShotClassification.TASK, new ZeroShotClassification.Input("text", List.of("refund", "legal", "faq")));
		assertThat(labels).extracting(ClassificationOutput::label).containsExactly("refund", "faq", "legal");
		assertThat(labels.get(0).score()).isEqualTo(0.8777875304222107);
	}

	@Test
	void objectDetectionReadsBoxes() {
		List<ObjectDetection.Output> objects = replay(hub("test_object_detection"), ObjectDetection.TASK,
				BinaryInput.of(IMAGE));
		assertThat(objects).hasSize(3)
			.first()
			.isEqualTo(new ObjectDetection.Output("person", 0.9486680030822754,
					new ObjectDetection.BoundingBox(59, 39, 420, 510)));
	}

	@Test
	void speechRecognitionReadsTheTranscript() {
		AutomaticSpeechRecognition.Output transcript = replay(hub("test_automatic_speech_recognition[hf-inference"),
				AutomaticSpeechRecognition.TASK, BinaryInput.of(IMAGE));
		assertThat(transcript.text()).isEqualTo("a man said to the universe sir i exist");
		assertThat(transcript.chunks()).isNull();
	}

	@Test
	void tableQuestionAnsweringReadsCellsAndAggregator() {
		TableQuestionAnswering.Output answer = replay(hub("test_table_question_answering"),
				TableQuestionAnswering.TASK, new TableQuestionAnswering.Input("How many stars?",
						Map.of("Repository", List.of("Transformers"), "Stars", List.of("36542"))));
		assertThat(answer).isEqualTo(new TableQuestionAnswering.Output("AVERAGE > 36542", List.of(List.of(0, 1)),
				List.of("36542"), "AVERAGE"));
	}

	@Test
	void audioToAudioDecodesTheBlobs() {
		List<AudioToAudio.Output> tracks = replay(hub("test_audio_to_audio"), AudioToAudio.TASK, BinaryInput.of(IMAGE));
		assertThat(tracks).extracting(AudioToAudio.Output::label).containsExactly("label_0", "label_1");
		assertThat(tracks).allSatisfy((track) -> {
			assertThat(track.audio().contentType()).isEqualTo("audio/flac");
			assertThat(track.audio().bytes()).startsWith('f', 'L', 'a', 'C').hasSizeGreaterThan(1000);
		});
	}

	@Test
	void imageSegmentationDecodesTheMasks() {
		List<ImageSegmentation.Output> segments = replay(hub("test_image_segmentation"), ImageSegmentation.TASK,
				BinaryInput.of(IMAGE));
		assertThat(segments.get(0).label()).isEqualTo("LABEL_199");
		assertThat(segments.get(0).score()).isEqualTo(0.915131);
		assertThat(segments.get(0).mask().bytes()).startsWith(0x89, 'P', 'N', 'G');
		assertThat(segments.get(1).label()).isEqualTo("person");
	}

	@Test
	void textToImageReturnsTheImageBytes() {
		BinaryOutput image = replay(hub("test_text_to_image_default[hf-inference"), TextToImage.TASK,
				"An astronaut riding a horse on the moon.");
		assertThat(image.contentType()).isEqualTo("image/jpeg");
		assertThat(image.bytes()).hasSize(26062).startsWith(0xFF, 0xD8, 0xFF);
	}

	@Test
	void textToSpeechReturnsTheAudioBytes() {
		BinaryOutput audio = replay(hub("test_text_to_speech[hf-inference"), TextToSpeech.TASK, "Hello world");
		assertThat(audio.contentType()).isEqualTo("audio/flac");
		assertThat(audio.bytes()).hasSize(52835).startsWith('f', 'L', 'a', 'C');
	}

	@Test
	void tabularTasksReadNumbersAsRecorded() {
		TabularData rows = new TabularData(Map.of("a", List.of("1", "2", "3")));
		assertThat(replay(tape("/hf-inference/models/scikit-learn/Fish-Weight"), TabularRegression.TASK, rows))
			.containsExactly(270.5473526976245, 313.6843425638086, 328.3727133404402);
		assertThat(replay(tape("/hf-inference/models/vvmnnnkv/wine-quality"), TabularClassification.TASK, rows))
			.containsExactly("5", "5", "7");
	}

	@Test
	void tokenLevelFeatureExtractionKeepsItsShape() {
		Embedding embedding = replay(hub("test_feature_extraction_with_transformers"), FeatureExtraction.TASK,
				"Hi, who are you?");
		assertThat(embedding.shape()).containsExactly(8, 768);
		assertThat(embedding.isTokenLevel()).isTrue();
		assertThat(embedding.tokenVectors()[0][0]).isEqualTo(2.4248037338256836f);
	}

	@Test
	void textGenerationReadsDetailsAndUnsignedSeeds() {
		TextGeneration.Output bestOf = replay(hub("test_generate_best_of"), TextGeneration.TASK, "test");
		assertThat(bestOf.generatedText()).isEqualTo("5");
		assertThat(bestOf.details().seed()).isEqualTo(new BigInteger("2835381823020158940"));
		TextGeneration.Output asyncBestOf = replay(hub("test_async_generate_best_of"), TextGeneration.TASK, "test");
		assertThat(asyncBestOf.details().seed()).isEqualTo(new BigInteger("18435558523380366744"));
		assertThat(asyncBestOf.details().bestOfSequences()).isNotEmpty();
	}

	@Test
	void questionAnsweringReadsASingleAnswerObjectAsAList() {
		List<QuestionAnswering.Output> answers = replay(tape("/hf-inference/models/deepset/roberta-base-squad2"),
				QuestionAnswering.TASK, new QuestionAnswering.Input("What is the capital of France?",
						"The capital of France is Paris."));
		assertThat(answers).containsExactly(new QuestionAnswering.Output("Paris", 0.9703431725502014, 25, 30));
	}

	@Test
	void documentQuestionAnsweringAcceptsAnswerOnlyModels() {
		List<DocumentQuestionAnswering.Output> answers = replay(hub("test_document_question_answering"),
				DocumentQuestionAnswering.TASK, new DocumentQuestionAnswering.Input(BinaryInput.of(IMAGE), "Amount?"));
		assertThat(answers).containsExactly(new DocumentQuestionAnswering.Output("$1,0000,000,00", null, null, null));
	}

	@Test
	void fillMaskReadsTokens() {
		List<FillMask.Output> fills = replay(legacy("test_fill_mask"), FillMask.TASK, "The goal of life is <mask>.");
		assertThat(fills.get(0))
			.isEqualTo(new FillMask.Output("The goal of life is happiness.", 0.06897063553333282, 11098, " happiness"));
	}

	@Test
	void chatReadsTgiToolCallsWithObjectArguments() {
		Interaction recording = Recordings.cassette(Recordings.HUB_LEGACY, "InferenceClientVCRTest.test_chat_completion_with_tool.yaml").get(0);
		ChatCompletionOutput chat = replay(recording, ChatCompletion.TASK, List.of(ChatMessage.user("Weather?")));
		assertThat(chat.content()).isNull();
		assertThat(chat.choices().get(0).finishReason()).isEqualTo("eos_token");
		var call = chat.choices().get(0).message().toolCalls().get(0);
		assertThat(call.id()).isEqualTo("0");
		assertThat(call.function().name()).isEqualTo("get_n_day_weather_forecast");
		assertThat(ReplaySupport.json(call.function().arguments()))
			.isEqualTo(ReplaySupport.json("{\"format\":\"fahrenheit\",\"location\":\"San Francisco, CA\",\"num_days\":3}"));
		assertThat(chat.usage().totalTokens()).isEqualTo(273);
	}

	private <I, P, R> R replay(Interaction recording, Task<I, P, R> task, I input) {
		this.mock.server().enqueue(ReplaySupport.recordedResponse(recording));
		return this.mock.client().blocking()
			.call(task, ReplaySupport.viaRouter(ReplaySupport.modelId(recording.uri()), "hf-inference"), input, null);
	}

	private static Interaction hub(String testName) {
		return post(Recordings.HUB, testName);
	}

	private static Interaction legacy(String testName) {
		return post(Recordings.HUB_LEGACY, testName);
	}

	private static Interaction post(String set, String testName) {
		return Recordings.cassettes(set)
			.stream()
			.filter((recording) -> recording.file().contains(testName) && recording.method().equals("POST")
					&& recording.status() == 200)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No recording of " + testName + " in " + set));
	}

	private static Interaction tape(String path) {
		return tape(path, null);
	}

	private static Interaction tape(String path, @Nullable String bodyPart) {
		return Recordings.tapes()
			.stream()
			.filter((recording) -> recording.uri().getHost() != null && recording.uri().getPath().equals(path)
					&& recording.status() == 200 && (bodyPart == null || recording.responseText().contains(bodyPart)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No tape for " + path));
	}

}
