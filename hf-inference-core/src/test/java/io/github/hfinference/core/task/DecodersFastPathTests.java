package io.github.hfinference.core.task;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.json.JsonCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Decoders read the usual answers straight from the bytes; whatever the shape, the result
 * (or the failure) is the one the tolerant tree reading gives.
 */
class DecodersFastPathTests {

	private static final JsonCodec CODEC = JsonCodec.get();

	@ParameterizedTest
	@ValueSource(strings = { "[[{\"label\":\"POSITIVE\",\"score\":0.9},{\"label\":\"NEGATIVE\",\"score\":0.1}]]",
			"[{\"label\":\"POSITIVE\",\"score\":0.9}]", "{\"label\":\"POSITIVE\",\"score\":0.9}",
			" \n[ [ {\"label\":\"A\",\"score\":1} ] ]", "[]", "[[]]", "[{\"label\":5,\"score\":\"0.5\"}]" })
	void textClassificationAnswersDecodeAsTheTreeReadsThem(String json) {
		assertThat(TextClassification.TASK.decoder().decode(raw(json), CODEC))
			.isEqualTo(treeList(json, ClassificationOutput.class, Decoders.unwrapNestedList()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[{\"generated_text\":\"Hello\"}]", "{\"generated_text\":\"Hello\"}",
			"[{\"generated_text\":\"a\"},{\"generated_text\":\"b\"}]" })
	void textGenerationAnswersDecodeAsTheTreeReadsThem(String json) {
		JsonNode tree = Decoders.firstIfList().apply(CODEC.parse(json.getBytes(StandardCharsets.UTF_8)));

		assertThat(TextGeneration.TASK.decoder().decode(raw(json), CODEC))
			.isEqualTo(CODEC.convert(tree, TextGeneration.Output.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[[{\"label\":\"A\",\"score\":1}],[{\"label\":\"B\",\"score\":1}]]", "[1,2",
			"\"text\"", "[[\"a\"]]", "not json" })
	void answersOfAnotherShapeStillFailWithAResponseException(String json) {
		assertThatThrownBy(() -> TextClassification.TASK.decoder().decode(raw(json), CODEC))
			.isInstanceOf(HfResponseException.class);
	}

	private static <E> List<E> treeList(String json, Class<E> type, UnaryOperator<JsonNode> shape) {
		return CODEC.convertList(shape.apply(CODEC.parse(json.getBytes(StandardCharsets.UTF_8))), type);
	}

	private static RawResponse raw(String json) {
		return new RawResponse(200, HttpHeaders.EMPTY, json.getBytes(StandardCharsets.UTF_8));
	}

}
