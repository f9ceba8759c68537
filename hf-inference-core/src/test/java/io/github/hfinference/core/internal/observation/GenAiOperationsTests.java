package io.github.hfinference.core.internal.observation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hugging Face tasks become the OpenTelemetry GenAI operation names dashboards built for
 * Spring AI and LangChain4j expect; tasks with no GenAI equivalent keep their id.
 */
class GenAiOperationsTests {

	@ParameterizedTest
	@CsvSource({ "chat-completion, chat", "text-generation, text_completion", "summarization, text_completion",
			"feature-extraction, embeddings", "sentence-similarity, embeddings", "text-to-image, generate_content",
			"text-to-video, generate_content", "text-to-speech, generate_content",
			"text-classification, text-classification", "object-detection, object-detection" })
	void taskMapsToItsGenAiOperation(String task, String operation) {
		assertThat(GenAiOperations.of(task)).isEqualTo(operation);
	}

}
