package io.github.hfinference.core.internal.observation;

import java.util.Map;

/**
 * The one mapping from Hugging Face task ids to the OpenTelemetry GenAI
 * {@code gen_ai.operation.name} values: {@code chat}, {@code text_completion},
 * {@code embeddings} and {@code generate_content}. A task with no GenAI equivalent
 * (classification, detection, question answering, ...) keeps its task id, as the
 * conventions allow for system-specific operations; the task itself is always in
 * {@code hf.task}.
 */
public final class GenAiOperations {

	/** {@code chat}. */
	public static final String CHAT = "chat";

	/** {@code text_completion}. */
	public static final String TEXT_COMPLETION = "text_completion";

	/** {@code embeddings}. */
	public static final String EMBEDDINGS = "embeddings";

	/** {@code generate_content}. */
	public static final String GENERATE_CONTENT = "generate_content";

	private static final Map<String, String> BY_TASK = Map.ofEntries(Map.entry("chat-completion", CHAT),
			Map.entry("text-generation", TEXT_COMPLETION), Map.entry("summarization", TEXT_COMPLETION),
			Map.entry("translation", TEXT_COMPLETION), Map.entry("feature-extraction", EMBEDDINGS),
			Map.entry("sentence-similarity", EMBEDDINGS), Map.entry("text-to-image", GENERATE_CONTENT),
			Map.entry("image-to-image", GENERATE_CONTENT), Map.entry("text-to-video", GENERATE_CONTENT),
			Map.entry("image-to-video", GENERATE_CONTENT), Map.entry("text-to-speech", GENERATE_CONTENT),
			Map.entry("image-to-text", GENERATE_CONTENT));

	private GenAiOperations() {
	}

	/**
	 * The {@code gen_ai.operation.name} of a task.
	 * @param task the Hugging Face task id
	 * @return the GenAI operation, or the task id when there is none
	 */
	public static String of(String task) {
		return BY_TASK.getOrDefault(task, task);
	}

}
