package io.github.hfinference.core.json;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.task.Task.RequestPayload;
import io.github.hfinference.core.task.ClassificationParameters;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-text body written straight to bytes is byte for byte what Jackson writes for
 * the same object.
 */
class JsonCodecWriteTests {

	private static final JsonCodec CODEC = JsonCodec.get();

	@ParameterizedTest
	@ValueSource(strings = { "I like you. I love you", "", "quote \" backslash \\ slash /", "tab\tnew\nline\r",
			"control \u0001\u001f end", "accents éàü, CJK 日本語, emoji 😀", "\u2028\u2029 separators",
			"<html> & 'apostrophes'" })
	void aTextInputIsWrittenAsJacksonWritesIt(String text) {
		ObjectNode tree = CODEC.object().put("inputs", text);

		byte[] direct = CODEC.writeStringField("inputs", text);

		assertThat(direct).isNotNull();
		assertThat(new String(direct, StandardCharsets.UTF_8))
			.isEqualTo(new String(CODEC.write(tree), StandardCharsets.UTF_8));
	}

	@ParameterizedTest
	@ValueSource(strings = { "plain", "emoji 😀" })
	void theTaskEncoderSendsTheSameBytesWithOrWithoutParameters(String text) {
		RequestPayload.Json plain = (RequestPayload.Json) TextClassification.TASK.encoder()
			.encode(text, null, CODEC);
		RequestPayload.Json withParameters = (RequestPayload.Json) TextClassification.TASK.encoder()
			.encode(text, new ClassificationParameters(2, null), CODEC);

		assertThat(plain.encoded()).as("written at once").isNotNull();
		assertThat(plain.bytes(CODEC)).isEqualTo(CODEC.write(plain.body()));
		assertThat(withParameters.encoded()).as("left to the codec").isNull();
		assertThat(new String(withParameters.bytes(CODEC), StandardCharsets.UTF_8))
			.isEqualTo("{\"inputs\":\"" + text + "\",\"parameters\":{\"top_k\":2}}");
	}

}
