package io.github.hfinference.core.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.responses.Responses;

/**
 * Every task this library knows, by Hugging Face task id.
 */
public final class Tasks {

	private static final List<Task<?, ?, ?>> ALL = List.of(
			AudioClassification.TASK,
			AudioToAudio.TASK,
			AutomaticSpeechRecognition.TASK,
			ChatCompletion.TASK,
			DocumentQuestionAnswering.TASK,
			FeatureExtraction.TASK,
			FillMask.TASK,
			ImageClassification.TASK,
			ImageSegmentation.TASK,
			ImageTextToImage.TASK,
			ImageTextToVideo.TASK,
			ImageToImage.TASK,
			ImageToText.TASK,
			ImageToVideo.TASK,
			ObjectDetection.TASK,
			QuestionAnswering.TASK,
			Responses.TASK,
			SentenceSimilarity.TASK,
			Summarization.TASK,
			TableQuestionAnswering.TASK,
			TabularClassification.TASK,
			TabularRegression.TASK,
			TextClassification.TASK,
			TextGeneration.TASK,
			TextToAudio.TASK,
			TextToImage.TASK,
			TextToSpeech.TASK,
			TextToVideo.TASK,
			TokenClassification.TASK,
			Translation.TASK,
			VisualQuestionAnswering.TASK,
			ZeroShotClassification.TASK,
			ZeroShotImageClassification.TASK);

	private static final Map<String, Task<?, ?, ?>> BY_ID = index();

	private Tasks() {
	}

	/** All tasks (batch variants excluded), in a stable order. */
	public static List<Task<?, ?, ?>> all() {
		return ALL;
	}

	/**
	 * Looks a task up by its id ({@code text-classification}, ...). {@code conversational}
	 * is accepted as an alias of {@code chat-completion}.
	 * @param id the task id
	 * @return the task, or empty if unknown
	 */
	public static Optional<Task<?, ?, ?>> byId(String id) {
		return Optional.ofNullable(BY_ID.get("conversational".equals(id) ? "chat-completion" : id));
	}

	/** The ids of all known tasks. */
	public static List<String> ids() {
		return List.copyOf(BY_ID.keySet());
	}

	/** The streaming variants of tasks that can stream, in a stable order. */
	public static List<StreamingTask<?, ?, ?>> streaming() {
		return StreamingTasks.ALL;
	}

	/**
	 * The streaming variant of a task.
	 * @param task the non-streaming task
	 * @return its streaming variant, or empty if the task cannot stream
	 */
	public static Optional<StreamingTask<?, ?, ?>> streamingFor(Task<?, ?, ?> task) {
		return StreamingTasks.ALL.stream().filter((streaming) -> streaming.task() == task).findFirst();
	}

	private static Map<String, Task<?, ?, ?>> index() {
		Map<String, Task<?, ?, ?>> index = new LinkedHashMap<>();
		for (Task<?, ?, ?> task : ALL) {
			index.put(task.id(), task);
		}
		return index;
	}

	private static final class StreamingTasks {

		static final List<StreamingTask<?, ?, ?>> ALL = List.of(ChatCompletion.STREAM, TextGeneration.STREAM,
				Responses.STREAM);

	}

}
