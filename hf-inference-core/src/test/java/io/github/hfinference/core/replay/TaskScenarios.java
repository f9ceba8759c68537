package io.github.hfinference.core.replay;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.AudioClassification;
import io.github.hfinference.core.task.AudioToAudio;
import io.github.hfinference.core.task.AutomaticSpeechRecognition;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.BinaryOutput;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.ClassificationParameters;
import io.github.hfinference.core.task.DocumentQuestionAnswering;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.FillMask;
import io.github.hfinference.core.task.ImageClassification;
import io.github.hfinference.core.task.ImageSegmentation;
import io.github.hfinference.core.task.ImageToImage;
import io.github.hfinference.core.task.ImageToText;
import io.github.hfinference.core.task.NoParameters;
import io.github.hfinference.core.task.ObjectDetection;
import io.github.hfinference.core.task.QuestionAnswering;
import io.github.hfinference.core.task.SentenceSimilarity;
import io.github.hfinference.core.task.Summarization;
import io.github.hfinference.core.task.TableQuestionAnswering;
import io.github.hfinference.core.task.TabularClassification;
import io.github.hfinference.core.task.TabularData;
import io.github.hfinference.core.task.TabularRegression;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.TextGeneration;
import io.github.hfinference.core.task.TextToImage;
import io.github.hfinference.core.task.TextToSpeech;
import io.github.hfinference.core.task.TokenClassification;
import io.github.hfinference.core.task.Translation;
import io.github.hfinference.core.task.VisualQuestionAnswering;
import io.github.hfinference.core.task.ZeroShotClassification;
import io.github.hfinference.core.task.ZeroShotImageClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;

import static io.github.hfinference.core.replay.ReplaySupport.labelScores;
import static io.github.hfinference.core.replay.ReplaySupport.number;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How each task is replayed: the call a user makes to reproduce a recorded request, how a
 * recorded body written for an older protocol maps onto today's, and which values of the
 * recorded response the typed result must carry.
 */
final class TaskScenarios {

	/** Bytes standing in for an image when the recorder dropped the request body. */
	static final byte[] SYNTHETIC_IMAGE = ReplaySupport.utf8("\u0089PNG synthetic image");

	/** Bytes standing in for an audio clip when the recorder dropped the request body. */
	static final byte[] SYNTHETIC_AUDIO = ReplaySupport.utf8("fLaC synthetic audio");

	private static final String SYNTHETIC_IMAGE_BASE64 = Base64.getEncoder().encodeToString(SYNTHETIC_IMAGE);

	private static final JsonCodec CODEC = JsonCodec.get();

	private static final java.util.Set<String> TEXT_TO_TEXT_PARAMETERS = java.util.Set.of("clean_up_tokenization_spaces",
			"truncation", "generate_parameters", "src_lang", "tgt_lang");

	private static final Map<String, Scenario<?, ?, ?>> BY_ID = new LinkedHashMap<>();

	static {
		register(binaryClassification(AudioClassification.TASK, ClassificationParameters.class,
				SYNTHETIC_AUDIO));
		register(binaryClassification(ImageClassification.TASK, ClassificationParameters.class,
				SYNTHETIC_IMAGE));
		register(binary(AudioToAudio.TASK, NoParameters.class, SYNTHETIC_AUDIO, TaskScenarios::audioTracks));
		register(binary(AutomaticSpeechRecognition.TASK, AutomaticSpeechRecognition.Parameters.class,
				SYNTHETIC_AUDIO, (result, recording) -> assertThat(result.text())
					.isEqualTo(recording.responseJson().path("text").stringValue())));
		register(binary(ImageSegmentation.TASK, ImageSegmentation.Parameters.class, SYNTHETIC_IMAGE,
				TaskScenarios::segments));
		register(binary(ImageToImage.TASK, ImageToImage.Parameters.class, SYNTHETIC_IMAGE,
				TaskScenarios::sameBinary));
		register(binary(ImageToText.TASK, ImageToText.Parameters.class, SYNTHETIC_IMAGE,
				(result, recording) -> assertThat(result.generatedText())
					.isEqualTo(first(recording.responseJson()).path("generated_text").stringValue())));
		register(binary(ObjectDetection.TASK, ObjectDetection.Parameters.class, SYNTHETIC_IMAGE,
				TaskScenarios::detections));
		register(textTask(TextClassification.TASK, ClassificationParameters.class, TaskScenarios::classification));
		register(textTask(FillMask.TASK, FillMask.Parameters.class, TaskScenarios::maskFills));
		register(textToText(Summarization.TASK, Summarization.Parameters.class,
				(result, recording) -> assertThat(result.summaryText())
					.isEqualTo(first(recording.responseJson()).path("summary_text").stringValue())));
		register(textToText(Translation.TASK, Translation.Parameters.class,
				(result, recording) -> assertThat(result.translationText())
					.isEqualTo(first(recording.responseJson()).path("translation_text").stringValue())));
		register(textTask(TextToImage.TASK, TextToImage.Parameters.class, TaskScenarios::sameBinary));
		register(textTask(TextToSpeech.TASK, TextToSpeech.Parameters.class, TaskScenarios::sameBinary));
		register(textTask(TokenClassification.TASK, TokenClassification.Parameters.class, TaskScenarios::entities));
		register(textTask(TextGeneration.TASK, TextGeneration.Parameters.class, TaskScenarios::generation));
		register(new Scenario<>("feature-extraction", FeatureExtraction.TASK,
				(body) -> new Call<>(body.path("inputs").stringValue(),
						parameters(rootOptions(body), FeatureExtraction.Parameters.class)),
				null, new Call<>("A synthetic input", null), "{\"inputs\":\"A synthetic input\"}",
				Scenario.noMigration(), TaskScenarios::embedding));
		register(new Scenario<>("feature-extraction-batch", FeatureExtraction.BATCH,
				(body) -> new Call<>(strings(body.path("inputs")),
						parameters(rootOptions(body), FeatureExtraction.Parameters.class)),
				null, new Call<>(List.of("A", "B"), null), "{\"inputs\":[\"A\",\"B\"]}", Scenario.noMigration(),
				TaskScenarios::embeddings));
		register(new Scenario<>("sentence-similarity", SentenceSimilarity.TASK,
				(body) -> new Call<>(new SentenceSimilarity.Input(body.path("inputs").path("source_sentence").stringValue(),
						strings(body.path("inputs").path("sentences"))), null),
				null, new Call<>(new SentenceSimilarity.Input("A", List.of("B")), null),
				"{\"inputs\":{\"source_sentence\":\"A\",\"sentences\":[\"B\"]}}",
				// Python (huggingface_hub <= 0.29) sent source_sentence and sentences at the root
				// with "inputs": null; today's clients nest them under "inputs" (recordings README).
				(body, modelId) -> nestUnderInputs(body, "source_sentence", "sentences"),
				(result, recording) -> assertThat(result)
					.containsExactlyElementsOf(numbers(recording.responseJson()))));
		register(new Scenario<>("table-question-answering", TableQuestionAnswering.TASK,
				(body) -> new Call<>(new TableQuestionAnswering.Input(body.path("inputs").path("query").stringValue(),
						table(body.path("inputs").path("table"))),
						parameters(body.path("parameters"), TableQuestionAnswering.Parameters.class)),
				null, null, null,
				// Python (huggingface_hub <= 0.29) sent query and table at the root; today's
				// clients nest them under "inputs" (recordings README, hf-protocol.md §a).
				(body, modelId) -> nestUnderInputs(body, "query", "table"), TaskScenarios::tableAnswer));
		register(new Scenario<>("question-answering", QuestionAnswering.TASK,
				(body) -> new Call<>(new QuestionAnswering.Input(body.path("inputs").path("question").stringValue(),
						body.path("inputs").path("context").stringValue()),
						parameters(body.path("parameters"), QuestionAnswering.Parameters.class)),
				null, null, null,
				// 2023 Python sent question and context at the root; today they are under "inputs".
				(body, modelId) -> nestUnderInputs(body, "question", "context"), TaskScenarios::answers));
		register(new Scenario<>("document-question-answering", DocumentQuestionAnswering.TASK,
				(body) -> new Call<>(new DocumentQuestionAnswering.Input(
						BinaryInput.of(base64(body.path("inputs").path("image"))),
						body.path("inputs").path("question").stringValue()),
						parameters(body.path("parameters"), DocumentQuestionAnswering.Parameters.class)),
				null,
				new Call<>(new DocumentQuestionAnswering.Input(BinaryInput.of(SYNTHETIC_IMAGE), "Invoice number?"),
						null),
				"{\"inputs\":{\"image\":\"" + SYNTHETIC_IMAGE_BASE64 + "\",\"question\":\"Invoice number?\"}}",
				// 2023 Python sent question and image at the root; today they are under "inputs".
				(body, modelId) -> nestUnderInputs(body, "image", "question"), TaskScenarios::documentAnswers));
		register(new Scenario<>("visual-question-answering", VisualQuestionAnswering.TASK,
				(body) -> new Call<>(new VisualQuestionAnswering.Input(
						BinaryInput.of(base64(body.path("inputs").path("image"))),
						body.path("inputs").path("question").stringValue()),
						parameters(body.path("parameters"), VisualQuestionAnswering.Parameters.class)),
				null,
				new Call<>(new VisualQuestionAnswering.Input(BinaryInput.of(SYNTHETIC_IMAGE), "How many cats?"), null),
				"{\"inputs\":{\"image\":\"" + SYNTHETIC_IMAGE_BASE64 + "\",\"question\":\"How many cats?\"}}",
				// Python sends the image twice, as "inputs" and as a root "image", plus a root
				// "question"; the spec and the JS client send {"inputs": {"image", "question"}}
				// (hf-protocol.md §a), which is what we send.
				(body, modelId) -> {
					body.remove("inputs");
					nestUnderInputs(body, "image", "question");
				}, TaskScenarios::visualAnswers));
		register(new Scenario<>("zero-shot-classification", ZeroShotClassification.TASK,
				(body) -> new Call<>(new ZeroShotClassification.Input(text(body.path("inputs")),
						candidateLabels(body.path("parameters").path("candidate_labels"))),
						parameters(body.path("parameters"), ZeroShotClassification.Parameters.class)),
				null, null, null,
				// huggingface.js wrapped the single text in a list (undocumented, hf-protocol.md §g);
				// 2023 Python joined the candidate labels with commas. Today: a string and a list.
				(body, modelId) -> {
					body.set("inputs", CODEC.tree(text(body.path("inputs"))));
					candidateLabelsAsList(body);
				}, TaskScenarios::classification));
		register(new Scenario<>("zero-shot-image-classification", ZeroShotImageClassification.TASK,
				(body) -> new Call<>(new ZeroShotImageClassification.Input(BinaryInput.of(base64(body.path("inputs"))),
						candidateLabels(body.path("parameters").path("candidate_labels"))),
						parameters(body.path("parameters"), ZeroShotImageClassification.Parameters.class)),
				null,
				new Call<>(new ZeroShotImageClassification.Input(BinaryInput.of(SYNTHETIC_IMAGE),
						List.of("animal", "car", "toy")), null),
				"{\"inputs\":\"" + SYNTHETIC_IMAGE_BASE64
						+ "\",\"parameters\":{\"candidate_labels\":[\"animal\",\"car\",\"toy\"]}}",
				// 2023 Python sent the image as a root "image" and comma-joined labels.
				(body, modelId) -> {
					if (body.has("image")) {
						body.set("inputs", body.remove("image"));
					}
					candidateLabelsAsList(body);
				}, TaskScenarios::classification));
		register(new Scenario<>("tabular-classification", TabularClassification.TASK,
				(body) -> new Call<>(new TabularData(table(body.path("inputs").path("data"))), null), null, null, null,
				Scenario.noMigration(), (result, recording) -> {
					List<String> expected = new ArrayList<>();
					recording.responseJson().forEach((value) -> expected.add(value.asString()));
					assertThat(result).isNotEmpty().containsExactlyElementsOf(expected);
				}));
		register(new Scenario<>("tabular-regression", TabularRegression.TASK,
				(body) -> new Call<>(new TabularData(table(body.path("inputs").path("data"))), null), null, null, null,
				Scenario.noMigration(), (result, recording) -> assertThat(result).isNotEmpty()
					.containsExactlyElementsOf(numbers(recording.responseJson()))));
		register(new Scenario<>("chat-completion", ChatCompletion.TASK,
				(body) -> new Call<>(CODEC.convertList(body.path("messages"), ChatMessage.class), chatParameters(body)),
				null, new Call<>(List.of(ChatMessage.user("What is deep learning?")), null),
				"{\"model\":\"{model}\",\"messages\":[{\"role\":\"user\",\"content\":\"What is deep learning?\"}]}",
				// The legacy Python client and old JS sent "model": "tgi" to model URLs, and JS 4.x
				// leaves "model" out for hf-inference; Python sends the model id, as we do.
				(body, modelId) -> {
					if (!body.has("model") || "tgi".equals(body.path("model").asString())) {
						body.put("model", modelId);
					}
				}, TaskScenarios::chat));
	}

	private TaskScenarios() {
	}

	/**
	 * The scenario replaying a task.
	 * @param id the task id, or {@code feature-extraction-batch}
	 * @return the scenario
	 */
	static Scenario<?, ?, ?> forTask(String id) {
		Scenario<?, ?, ?> scenario = BY_ID.get(id);
		if (scenario == null) {
			throw new IllegalArgumentException("No replay scenario for task " + id);
		}
		return scenario;
	}

	/** Every scenario. */
	static List<Scenario<?, ?, ?>> all() {
		return List.copyOf(BY_ID.values());
	}

	private static void register(Scenario<?, ?, ?> scenario) {
		BY_ID.put(scenario.id(), scenario);
	}

	private static <P, R> Scenario<String, P, R> textTask(Task<String, P, R> task, Class<P> parameters,
			BiConsumer<R, Interaction> verify) {
		return new Scenario<>(task.id(), task,
				(body) -> new Call<>(text(body.path("inputs")), parameters(body.path("parameters"), parameters)), null,
				new Call<>("A synthetic input", null), "{\"inputs\":\"A synthetic input\"}",
				// 2023 Python sent text classification inputs as a one-element list.
				(body, modelId) -> body.set("inputs", CODEC.tree(text(body.path("inputs")))), verify);
	}

	private static <P, R> Scenario<String, P, R> textToText(Task<String, P, R> task, Class<P> parameters,
			BiConsumer<R, Interaction> verify) {
		Scenario<String, P, R> text = textTask(task, parameters, verify);
		return new Scenario<>(task.id(), task, text.fromJson(), null, text.synthetic(), text.syntheticJson(),
				(body, modelId) -> {
					text.migration().apply(body, modelId);
					// huggingface.js 2.x passed generation arguments (max_length) directly in
					// "parameters"; the task spec and the Python client nest them under
					// "generate_parameters" (hf-protocol.md §a), which is what we send.
					if (body.path("parameters") instanceof ObjectNode fields) {
						ObjectNode generate = body.objectNode();
						for (String name : List.copyOf(fields.propertyNames())) {
							if (!TEXT_TO_TEXT_PARAMETERS.contains(name)) {
								generate.set(name, fields.remove(name));
							}
						}
						if (!generate.isEmpty()) {
							fields.set("generate_parameters", generate);
						}
					}
				}, verify);
	}

	private static <P> Scenario<BinaryInput, P, List<ClassificationOutput>> binaryClassification(
			Task<BinaryInput, P, List<ClassificationOutput>> task, Class<P> parameters, byte[] synthetic) {
		return binary(task, parameters, synthetic, TaskScenarios::classification);
	}

	private static <P, R> Scenario<BinaryInput, P, R> binary(Task<BinaryInput, P, R> task, Class<P> parameters,
			byte[] synthetic, BiConsumer<R, Interaction> verify) {
		return new Scenario<>(task.id(), task,
				(body) -> new Call<>(BinaryInput.of(base64(body.path("inputs"))),
						parameters(body.path("parameters"), parameters)),
				(bytes) -> new Call<>(BinaryInput.of(bytes), null), new Call<>(BinaryInput.of(synthetic), null), null,
				Scenario.noMigration(), verify);
	}

	// ----- building calls from recorded bodies

	private static <P> @Nullable P parameters(JsonNode node, Class<P> type) {
		if (!node.isObject() || node.isEmpty() || type == NoParameters.class) {
			return null;
		}
		return CODEC.convert(node, type);
	}

	private static JsonNode rootOptions(ObjectNode body) {
		ObjectNode options = body.deepCopy();
		options.remove("inputs");
		return options;
	}

	private static ChatCompletion.@Nullable Parameters chatParameters(ObjectNode body) {
		ObjectNode fields = body.deepCopy();
		for (String name : new String[] { "messages", "model", "stream", "options" }) {
			fields.remove(name);
		}
		if (fields.isEmpty()) {
			return null;
		}
		ChatCompletion.Parameters known = CODEC.convert(fields, ChatCompletion.Parameters.class);
		JsonNode written = CODEC.tree(known);
		Map<String, Object> extra = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> field : fields.properties()) {
			if (!written.has(field.getKey())) {
				extra.put(field.getKey(), CODEC.convert(field.getValue(), Object.class));
			}
		}
		return new ChatCompletion.Parameters(known.maxTokens(), known.temperature(), known.topP(), known.stop(),
				known.seed(), known.n(), known.frequencyPenalty(), known.presencePenalty(), known.logprobs(),
				known.topLogprobs(), known.tools(), known.toolChoice(), known.toolPrompt(), known.responseFormat(),
				known.reasoningEffort(), extra.isEmpty() ? null : extra);
	}

	private static String text(JsonNode inputs) {
		JsonNode value = (inputs.isArray() && inputs.size() == 1) ? inputs.get(0) : inputs;
		assertThat(value.isString()).as("recorded inputs %s is a text", inputs).isTrue();
		return value.stringValue();
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((item) -> values.add(item.stringValue()));
		return values;
	}

	private static List<String> candidateLabels(JsonNode labels) {
		return labels.isString() ? List.of(labels.stringValue().split(",")) : strings(labels);
	}

	private static Map<String, List<String>> table(JsonNode table) {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> column : table.properties()) {
			columns.put(column.getKey(), strings(column.getValue()));
		}
		return columns;
	}

	private static byte[] base64(JsonNode node) {
		return Base64.getDecoder().decode(node.stringValue());
	}

	// ----- migrating recorded bodies to today's protocol

	private static void nestUnderInputs(ObjectNode body, String... fields) {
		if (!body.has(fields[0])) {
			return;
		}
		ObjectNode inputs = body.objectNode();
		for (String field : fields) {
			inputs.set(field, body.remove(field));
		}
		body.set("inputs", inputs);
	}

	private static void candidateLabelsAsList(ObjectNode body) {
		JsonNode labels = body.path("parameters").path("candidate_labels");
		if (labels.isString()) {
			ArrayNode list = body.arrayNode();
			candidateLabels(labels).forEach(list::add);
			((ObjectNode) body.path("parameters")).set("candidate_labels", list);
		}
	}

	// ----- checking typed results against recorded responses

	private static JsonNode first(JsonNode node) {
		return (node.isArray() && !node.isEmpty()) ? node.get(0) : node;
	}

	private static List<Double> numbers(JsonNode array) {
		List<Double> values = new ArrayList<>();
		array.forEach((item) -> values.add(item.isNumber() ? item.doubleValue() : Double.parseDouble(item.stringValue())));
		return values;
	}

	private static void classification(List<ClassificationOutput> result, Interaction recording) {
		List<Map.Entry<String, Double>> expected = labelScores(recording.responseJson());
		assertThat(expected).isNotEmpty();
		assertThat(result).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			assertThat(result.get(i).label()).isEqualTo(expected.get(i).getKey());
			assertThat(result.get(i).score()).isEqualTo(expected.get(i).getValue());
		}
	}

	private static void audioTracks(List<AudioToAudio.Output> result, Interaction recording) {
		JsonNode tracks = recording.responseJson();
		assertThat(result).hasSize(tracks.size()).isNotEmpty();
		for (int i = 0; i < tracks.size(); i++) {
			JsonNode track = tracks.get(i);
			assertThat(result.get(i).label()).isEqualTo(track.path("label").stringValue());
			assertThat(result.get(i).audio().bytes())
				.isEqualTo(Base64.getMimeDecoder().decode(track.path("blob").stringValue()));
			if (track.has("content-type")) {
				assertThat(result.get(i).audio().contentType()).isEqualTo(track.path("content-type").stringValue());
			}
		}
	}

	private static void segments(List<ImageSegmentation.Output> result, Interaction recording) {
		JsonNode segments = recording.responseJson();
		assertThat(result).hasSize(segments.size()).isNotEmpty();
		for (int i = 0; i < segments.size(); i++) {
			JsonNode segment = segments.get(i);
			assertThat(result.get(i).label()).isEqualTo(segment.path("label").stringValue());
			assertThat(result.get(i).score()).isEqualTo(segment.path("score").doubleValue());
			assertThat(result.get(i).mask().contentType()).isEqualTo("image/png");
			if (segment.path("mask").stringValue().length() < 1000) {
				// huggingface.js cut long base64 strings to 1000 characters: only complete masks are PNGs
				continue;
			}
			assertThat(result.get(i).mask().bytes())
				.isEqualTo(Base64.getMimeDecoder().decode(segment.path("mask").stringValue()))
				.startsWith(0x89, 'P', 'N', 'G');
		}
	}

	private static void sameBinary(BinaryOutput result, Interaction recording) {
		assertThat(result.bytes()).isEqualTo(recording.responseBody());
		assertThat(result.contentType()).isEqualTo(recording.responseContentType());
	}

	private static void detections(List<ObjectDetection.Output> result, Interaction recording) {
		JsonNode detections = recording.responseJson();
		assertThat(result).hasSize(detections.size()).isNotEmpty();
		for (int i = 0; i < detections.size(); i++) {
			JsonNode detection = detections.get(i);
			assertThat(result.get(i).label()).isEqualTo(detection.path("label").stringValue());
			assertThat(result.get(i).score()).isEqualTo(number(detection.path("score")));
			JsonNode box = detection.path("box");
			assertThat(result.get(i).box()).isEqualTo(new ObjectDetection.BoundingBox(box.path("xmin").intValue(),
					box.path("ymin").intValue(), box.path("xmax").intValue(), box.path("ymax").intValue()));
		}
	}

	private static void maskFills(List<FillMask.Output> result, Interaction recording) {
		JsonNode fills = recording.responseJson();
		assertThat(result).hasSize(fills.size()).isNotEmpty();
		for (int i = 0; i < fills.size(); i++) {
			JsonNode fill = fills.get(i);
			assertThat(result.get(i)).isEqualTo(new FillMask.Output(fill.path("sequence").stringValue(),
					number(fill.path("score")), fill.path("token").intValue(), fill.path("token_str").stringValue()));
		}
	}

	private static void entities(List<TokenClassification.Output> result, Interaction recording) {
		JsonNode entities = recording.responseJson();
		assertThat(result).hasSize(entities.size()).isNotEmpty();
		for (int i = 0; i < entities.size(); i++) {
			JsonNode entity = entities.get(i);
			assertThat(result.get(i).label()).isEqualTo(entity.path("entity_group").stringValue());
			assertThat(result.get(i).word()).isEqualTo(entity.path("word").stringValue());
			assertThat(result.get(i).score()).isEqualTo(number(entity.path("score")));
			assertThat(result.get(i).start()).isEqualTo(entity.path("start").intValue());
			assertThat(result.get(i).end()).isEqualTo(entity.path("end").intValue());
		}
	}

	private static void generation(TextGeneration.Output result, Interaction recording) {
		JsonNode expected = first(recording.responseJson());
		assertThat(result.generatedText()).isEqualTo(expected.path("generated_text").stringValue());
		JsonNode details = expected.path("details");
		if (details.isObject()) {
			assertThat(result.details()).isNotNull();
			assertThat(result.details().finishReason()).isEqualTo(details.path("finish_reason").stringValue());
			assertThat(result.details().generatedTokens()).isEqualTo(details.path("generated_tokens").intValue());
			assertThat(result.details().tokens()).hasSize(details.path("tokens").size());
			assertThat(result.details().tokens().get(0).text())
				.isEqualTo(details.path("tokens").get(0).path("text").stringValue());
			if (details.has("best_of_sequences")) {
				assertThat(result.details().bestOfSequences()).hasSize(details.path("best_of_sequences").size());
			}
		}
		else {
			assertThat(result.details()).isNull();
		}
	}

	private static void embedding(Embedding result, Interaction recording) {
		JsonNode tensor = recording.responseJson();
		while (tensor.isArray() && tensor.size() == 1 && tensor.get(0).isArray()) {
			tensor = tensor.get(0);
		}
		assertSameTensor(result, tensor);
	}

	private static void embeddings(List<Embedding> result, Interaction recording) {
		JsonNode tensors = recording.responseJson();
		assertThat(result).hasSize(tensors.size());
		for (int i = 0; i < tensors.size(); i++) {
			JsonNode tensor = tensors.get(i);
			while (tensor.isArray() && tensor.size() == 1 && tensor.get(0).isArray() && tensor.get(0).get(0).isArray()) {
				tensor = tensor.get(0);
			}
			assertSameTensor(result.get(i), tensor);
		}
	}

	private static void assertSameTensor(Embedding result, JsonNode tensor) {
		List<Float> expected = new ArrayList<>();
		Function<JsonNode, Integer> rows = (node) -> node.get(0).isArray() ? node.size() : 1;
		if (tensor.get(0).isArray()) {
			tensor.forEach((row) -> row.forEach((value) -> expected.add(value.floatValue())));
			assertThat(result.shape()).containsExactly(rows.apply(tensor), tensor.get(0).size());
		}
		else {
			tensor.forEach((value) -> expected.add(value.floatValue()));
			assertThat(result.shape()).containsExactly(tensor.size());
		}
		assertThat(result.values()).hasSize(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			assertThat(result.values()[i]).as("value %d", i).isEqualTo(expected.get(i));
		}
	}

	private static void tableAnswer(TableQuestionAnswering.Output result, Interaction recording) {
		JsonNode expected = recording.responseJson();
		assertThat(result.answer()).isEqualTo(expected.path("answer").stringValue());
		assertThat(result.cells()).containsExactlyElementsOf(strings(expected.path("cells")));
		assertThat(result.aggregator()).isEqualTo(expected.path("aggregator").stringValue());
		List<List<Integer>> coordinates = new ArrayList<>();
		expected.path("coordinates")
			.forEach((pair) -> coordinates.add(List.of(pair.get(0).intValue(), pair.get(1).intValue())));
		assertThat(result.coordinates()).isEqualTo(coordinates);
	}

	private static void answers(List<QuestionAnswering.Output> result, Interaction recording) {
		JsonNode answers = recording.responseJson();
		List<JsonNode> expected = new ArrayList<>();
		if (answers.isArray()) {
			answers.forEach(expected::add);
		}
		else {
			expected.add(answers);
		}
		assertThat(result).hasSameSizeAs(expected);
		for (int i = 0; i < expected.size(); i++) {
			JsonNode answer = expected.get(i);
			assertThat(result.get(i)).isEqualTo(new QuestionAnswering.Output(answer.path("answer").stringValue(),
					number(answer.path("score")), answer.path("start").intValue(), answer.path("end").intValue()));
		}
	}

	private static void documentAnswers(List<DocumentQuestionAnswering.Output> result, Interaction recording) {
		JsonNode answers = recording.responseJson();
		assertThat(result).hasSize(answers.size()).isNotEmpty();
		for (int i = 0; i < answers.size(); i++) {
			JsonNode answer = answers.get(i);
			assertThat(result.get(i).answer()).isEqualTo(answer.path("answer").stringValue());
			assertThat(result.get(i).score()).isEqualTo(answer.has("score") ? number(answer.path("score")) : null);
			assertThat(result.get(i).start()).isEqualTo(answer.has("start") ? answer.path("start").intValue() : null);
		}
	}

	private static void visualAnswers(List<VisualQuestionAnswering.Output> result, Interaction recording) {
		JsonNode answers = recording.responseJson();
		assertThat(result).hasSize(answers.size()).isNotEmpty();
		for (int i = 0; i < answers.size(); i++) {
			assertThat(result.get(i)).isEqualTo(new VisualQuestionAnswering.Output(
					answers.get(i).path("answer").stringValue(), number(answers.get(i).path("score"))));
		}
	}

	static void chat(ChatCompletionOutput result, Interaction recording) {
		JsonNode expected = recording.responseJson();
		JsonNode choice = expected.path("choices").get(0);
		assertThat(result.choices()).hasSize(expected.path("choices").size());
		assertThat(result.model()).isEqualTo(expected.path("model").stringValue());
		assertThat(result.choices().get(0).finishReason()).isEqualTo(choice.path("finish_reason").stringValue());
		JsonNode message = choice.path("message");
		assertThat(result.content()).isEqualTo(message.path("content").isString() ? message.path("content").stringValue() : null);
		JsonNode toolCalls = message.path("tool_calls");
		if (toolCalls.isArray() && !toolCalls.isEmpty()) {
			var call = result.choices().get(0).message().toolCalls().get(0);
			JsonNode function = toolCalls.get(0).path("function");
			assertThat(call.function().name()).isEqualTo(function.path("name").stringValue());
			// TGI sends the arguments as a JSON object, OpenAI as a JSON string: both read as JSON text
			JsonNode arguments = function.path("arguments").isString()
					? ReplaySupport.json(function.path("arguments").stringValue()) : function.path("arguments");
			ReplaySupport.assertSameJson(ReplaySupport.json(call.function().arguments()), arguments, "tool arguments");
		}
		JsonNode usage = expected.path("usage");
		if (usage.isObject()) {
			assertThat(result.usage()).isNotNull();
			assertThat(result.usage().promptTokens()).isEqualTo(usage.path("prompt_tokens").intValue());
			assertThat(result.usage().completionTokens()).isEqualTo(usage.path("completion_tokens").intValue());
		}
	}

	/**
	 * The input and parameters of one call.
	 *
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param input the input
	 * @param parameters the parameters, or null
	 */
	record Call<I, P>(I input, @Nullable P parameters) {

	}

	/**
	 * Migrates a recorded body to today's protocol, in place.
	 */
	@FunctionalInterface
	interface Migration {

		void apply(ObjectNode body, String modelId);

	}

	/**
	 * How one task is replayed.
	 *
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param id the scenario id (the task id)
	 * @param task the task
	 * @param fromJson the call reproducing a recorded JSON body (already migrated to today's
	 * protocol)
	 * @param fromBinary the call reproducing a recorded raw binary body, for binary tasks
	 * @param synthetic the call used when the recorder dropped the request body
	 * @param syntheticJson the body expected for the synthetic call, or null when its input
	 * is sent as the raw body
	 * @param migration rewrites a recorded body into today's protocol
	 * @param verify checks the typed result against the recorded response
	 */
	record Scenario<I, P, R>(String id, Task<I, P, R> task, Function<ObjectNode, Call<I, P>> fromJson,
			@Nullable Function<byte[], Call<I, P>> fromBinary, @Nullable Call<I, P> synthetic,
			@Nullable String syntheticJson, Migration migration, BiConsumer<R, Interaction> verify) {

		static Migration noMigration() {
			return (body, modelId) -> {
			};
		}

	}

}
