package io.github.hfinference.core.task;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.json.JsonCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streamed reading of a single text's embedding gives exactly what the tree-based
 * reading gives, and leaves every other shape to it.
 */
class FeatureExtractionDecodingTests {

	@ParameterizedTest
	@ValueSource(strings = { "[0.1,-0.25,3e-2]", "[[0.1,-0.25,3e-2]]", "[[1,2],[3,4],[5,6]]", "[[[1,2],[3,4]]]",
			"[[[0.5,0.25]]]", "[7]", " [ 0.123456789012 , 1E10 ] " })
	void commonShapesAreReadAsTheTreeReadsThem(String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);

		Embedding streamed = FeatureExtraction.streamed(body, JsonCodec.get());

		assertThat(streamed).isNotNull();
		Embedding tree = FeatureExtraction.single(JsonCodec.get().parse(body));
		assertThat(streamed.shape()).containsExactly(tree.shape());
		assertThat(streamed.values()).containsExactly(tree.values());
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "[[]]", "[[1,2],[3]]", "[1,[2]]", "[[1],2]", "[[[1]],[[2]]]", "[[[[1]]]]",
			"[\"a\"]", "{\"error\":\"x\"}", "[1,2", "not json", "[null]" })
	void otherShapesAreLeftToTheTreeReading(String json) {
		assertThat(FeatureExtraction.streamed(json.getBytes(StandardCharsets.UTF_8), JsonCodec.get())).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "[[1,2],[3]]", "[\"a\"]", "[1,2" })
	void malformedAnswersStillFailWithAResponseException(String json) {
		RawResponseFixture response = new RawResponseFixture(json);

		assertThatThrownBy(() -> FeatureExtraction.TASK.decoder().decode(response.raw(), JsonCodec.get()))
			.isInstanceOf(HfResponseException.class);
	}

	private record RawResponseFixture(String json) {

		io.github.hfinference.core.task.RawResponse raw() {
			return new io.github.hfinference.core.task.RawResponse(200, org.springframework.http.HttpHeaders.EMPTY,
					this.json.getBytes(StandardCharsets.UTF_8));
		}

	}

}
