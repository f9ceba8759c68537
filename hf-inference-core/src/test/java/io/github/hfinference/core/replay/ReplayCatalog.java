package io.github.hfinference.core.replay;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.task.Tasks;

/**
 * Sorts the recorded hf-inference calls into those replayed as a task call and those left
 * to other tests, each with the reason.
 */
final class ReplayCatalog {

	static final String ERROR = "error response: replayed by RecordedErrorReplayTests";

	static final String STREAM = "server-sent event stream: not a task call (streaming has its own replays)";

	static final String CONVERSATIONAL = "legacy 'conversational' task (past_user_inputs): removed from the protocol "
			+ "and from both official clients";

	static final String BATCH = "a list of inputs: only feature-extraction offers batches (hf-protocol.md §g)";

	private static final Pattern PIPELINE = Pattern.compile("/pipeline/([a-z-]+)/");

	private static final Pattern PROVIDER_TASK = Pattern.compile("\\[[^,\\]]+,([a-z-]+)]");

	/**
	 * The task of each model the huggingface.js tapes call on a plain {@code /models/{id}}
	 * URL, which does not name the task (read from the JS test suite that recorded them).
	 */
	private static final Map<String, String> JS_MODEL_TASKS = Map.ofEntries(
			Map.entry("distilbert-base-uncased-finetuned-sst-2-english", "text-classification"),
			Map.entry("distilbert/distilbert-base-uncased-finetuned-sst-2-english", "text-classification"),
			Map.entry("google/tapas-base-finetuned-wtq", "table-question-answering"),
			Map.entry("gpt2", "text-generation"), Map.entry("openai-community/gpt2", "text-generation"),
			Map.entry("google/flan-t5-xxl", "text-generation"),
			Map.entry("meta-llama/Llama-3.2-3B", "text-generation"),
			Map.entry("meta-llama/Llama-2-7b-hf", "text-generation"),
			Map.entry("OpenAssistant/oasst-sft-4-pythia-12b-epoch-3.5", "text-generation"),
			Map.entry("google-bert/bert-base-uncased", "fill-mask"), Map.entry("bert-base-uncased", "fill-mask"),
			Map.entry("distilbert-base-uncased", "fill-mask"),
			Map.entry("dbmdz/bert-large-cased-finetuned-conll03-english", "token-classification"),
			Map.entry("deepset/roberta-base-squad2", "question-answering"),
			Map.entry("t5-base", "translation"), Map.entry("google-t5/t5-base", "translation"),
			Map.entry("microsoft/DialoGPT-large", "conversational"),
			Map.entry("facebook/bart-large-mnli", "zero-shot-classification"),
			Map.entry("sentence-transformers/paraphrase-xlm-r-multilingual-v1", "sentence-similarity"),
			Map.entry("google/vit-base-patch16-224", "image-classification"),
			Map.entry("facebook/wav2vec2-large-960h-lv60-self", "automatic-speech-recognition"),
			Map.entry("superb/hubert-large-superb-er", "audio-classification"),
			Map.entry("stabilityai/stable-diffusion-2", "text-to-image"),
			Map.entry("facebook/detr-resnet-50", "object-detection"),
			Map.entry("facebook/bart-large-cnn", "summarization"), Map.entry("google/pegasus-xsum", "summarization"),
			Map.entry("facebook/detr-resnet-50-panoptic", "image-segmentation"),
			Map.entry("nlpconnect/vit-gpt2-image-captioning", "image-to-text"),
			Map.entry("sentence-transformers/distilbert-base-nli-mean-tokens", "feature-extraction"),
			Map.entry("facebook/bart-base", "feature-extraction"),
			Map.entry("impira/layoutlm-document-qa", "document-question-answering"),
			Map.entry("naver-clova-ix/donut-base-finetuned-docvqa", "document-question-answering"),
			Map.entry("dandelin/vilt-b32-finetuned-vqa", "visual-question-answering"),
			Map.entry("espnet/kan-bayashi_ljspeech_vits", "text-to-speech"),
			Map.entry("scikit-learn/Fish-Weight", "tabular-regression"),
			Map.entry("vvmnnnkv/wine-quality", "tabular-classification"),
			Map.entry("lllyasviel/sd-controlnet-canny", "image-to-image"),
			Map.entry("lllyasviel/sd-controlnet-depth", "image-to-image"),
			Map.entry("speechbrain/sepformer-wham", "audio-to-audio"),
			Map.entry("openai/clip-vit-large-patch14-336", "zero-shot-image-classification"));

	private ReplayCatalog() {
	}

	/**
	 * Every recorded POST to hf-inference: the router ({@code /hf-inference/...}), the
	 * legacy {@code api-inference.huggingface.co} host and the 2024-25 Hub proxy.
	 * @return the recordings
	 */
	static List<Interaction> hfInferenceCalls() {
		return Recordings.all().stream().filter(ReplayCatalog::isHfInferenceCall).toList();
	}

	/** The recorded calls replayed as task calls. */
	static List<ReplayCase> taskReplays() {
		return classified(ReplayCase.class);
	}

	/** The recorded calls not replayed as task calls. */
	static List<Skipped> skipped() {
		return classified(Skipped.class);
	}

	/** The recorded hf-inference calls classified as {@code kind}, in recording order. */
	private static <T> List<T> classified(Class<T> kind) {
		return hfInferenceCalls().stream().map(ReplayCatalog::classify).filter(kind::isInstance).map(kind::cast).toList();
	}

	/**
	 * Decides how a recorded call is replayed.
	 * @param recording the recording
	 * @return a {@link ReplayCase} or a {@link Skipped}
	 */
	static Object classify(Interaction recording) {
		if (recording.status() >= 300) {
			return new Skipped(recording, ERROR);
		}
		JsonNode body = recording.hasJsonRequestBody() ? recording.requestJson() : null;
		if (recording.isEventStream() || (body != null && body.path("stream").asBoolean(false))) {
			return new Skipped(recording, STREAM);
		}
		String task = taskOf(recording, body);
		if (task == null || task.equals("conversational")) {
			return new Skipped(recording, CONVERSATIONAL);
		}
		JsonNode inputs = (body != null) ? body.path("inputs") : null;
		if (inputs != null && inputs.isArray() && inputs.size() > 1) {
			if (!task.equals("feature-extraction")) {
				return new Skipped(recording, BATCH);
			}
			task = "feature-extraction-batch";
		}
		return new ReplayCase(recording, TaskScenarios.forTask(task), ReplaySupport.modelId(recording.uri()));
	}

	private static @Nullable String taskOf(Interaction recording, @Nullable JsonNode body) {
		String path = recording.uri().getPath();
		if (path.endsWith("/v1/chat/completions") || (body != null && body.has("messages"))) {
			return "chat-completion";
		}
		Matcher pipeline = PIPELINE.matcher(path);
		if (pipeline.find()) {
			return pipeline.group(1);
		}
		if (recording.set().equals(Recordings.JS)) {
			return JS_MODEL_TASKS.get(ReplaySupport.modelId(recording.uri()));
		}
		return taskFromTestName(recording.file());
	}

	/**
	 * The task a huggingface_hub test exercised, from its cassette name: the
	 * {@code [provider,task]} suffix, else the longest task id in the test name
	 * ({@code test_zero_shot_image_classification}), else {@code generate} for the text
	 * generation suites.
	 * @param file the cassette file name
	 * @return the task id, or null
	 */
	static @Nullable String taskFromTestName(String file) {
		Matcher bracket = PROVIDER_TASK.matcher(file);
		if (bracket.find()) {
			String task = bracket.group(1);
			return task.equals("conversational") ? "chat-completion" : task;
		}
		String name = file.toLowerCase(Locale.ROOT);
		String found = Tasks.ids()
			.stream()
			.filter((id) -> name.contains("test_" + id.replace('-', '_')) || name.contains("_" + id.replace('-', '_')))
			.max(Comparator.comparingInt(String::length))
			.orElse(null);
		if (found == null && (name.contains("test_generate") || name.contains("test_async_generate"))) {
			return "text-generation";
		}
		return found;
	}

	private static boolean isHfInferenceCall(Interaction recording) {
		String host = recording.uri().getHost();
		String path = recording.uri().getPath();
		return recording.method().equals("POST") && (("router.huggingface.co".equals(host)
				&& path.startsWith("/hf-inference/")) || "api-inference.huggingface.co".equals(host)
				|| ("huggingface.co".equals(host) && path.startsWith("/api/inference-proxy/hf-inference/")));
	}

	/**
	 * A recorded call replayed as a task call.
	 *
	 * @param recording the recording
	 * @param scenario how its task is replayed
	 * @param modelId the model it called
	 */
	record ReplayCase(Interaction recording, TaskScenarios.Scenario<?, ?, ?> scenario, String modelId) {

		@Override
		public String toString() {
			return this.scenario.id() + " <- " + this.recording.source();
		}

	}

	/**
	 * A recorded call not replayed as a task call.
	 *
	 * @param recording the recording
	 * @param reason why
	 */
	record Skipped(Interaction recording, String reason) {

	}

}
