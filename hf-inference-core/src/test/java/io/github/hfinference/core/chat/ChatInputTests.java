package io.github.hfinference.core.chat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.error.HfInvalidRequestException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ContentPart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Chat messages on the wire (text as a string, parts as OpenAI parts, reasoning read but
 * never sent) and the inputs refused before anything is sent.
 */
class ChatInputTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	@Test
	void aTextMessageIsStillAPlainStringAndReasoningIsNeverSent() {
		ChatMessage answer = new ChatMessage("assistant", "Hi", null, null, null, null, "thinking");

		assertThat(JsonCodec.get().tree(List.of(ChatMessage.user("Hello"), answer)).toString())
			.isEqualTo("[{\"role\":\"user\",\"content\":\"Hello\"},{\"role\":\"assistant\",\"content\":\"Hi\"}]");
	}

	@Test
	void partsAndReasoningAreReadFromAnswers() {
		ChatMessage message = JsonCodec.get()
			.convert(JsonCodec.get().mapper().readTree("{\"role\":\"assistant\",\"reasoning\":\"hmm\",\"content\":["
					+ "{\"type\":\"text\",\"text\":\"a\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\","
					+ "\"detail\":\"low\"}}]}"), ChatMessage.class);

		assertThat(message.reasoning()).isEqualTo("hmm");
		assertThat(message.content()).isNull();
		assertThat(message.text()).isEqualTo("a");
		assertThat(message.parts()).containsExactly(ContentPart.text("a"),
				new ContentPart.Image(new ContentPart.ImageUrl("https://x/y.png", "low")));
	}

	@Test
	void anImageWhoseMediaTypeIsNotAnImageTypeIsRefusedNamingIt() {
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> ContentPart.image(new BinaryInput(new byte[] { 1, 2 }, "application/pdf")))
			.withMessageContaining("image/* media type, got 'application/pdf' (2 bytes)");
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> ContentPart.image(BinaryInput.of(new byte[] { 1 })))
			.withMessageContaining("got none");
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> ContentPart.image(URI.create("http://example.com/a.png")))
			.withMessageContaining("must be https: or data:, got http://example.com/a.png");
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> ContentPart.audio(new BinaryInput(new byte[] { 1 }, "audio/ogg\n")))
			.withMessageContaining("got 'audio/ogg\uFFFD'");
	}

	@Test
	void anImageOverTheModelsLimitFailsTypedBeforeAnyRequest() {
		ModelDefinition model = ModelDefinition.builder("vision")
			.id("Qwen/Qwen2.5-VL-7B-Instruct")
			.target(new InferenceTarget.Router("hf-inference"))
			.chat(ChatSettings.defaults().withMaxImageBytes(10))
			.build();
		List<ChatMessage> messages = List.of(ChatMessage.system("Be brief."), ChatMessage.user(
				ContentPart.text("What is it?"), ContentPart.image(new BinaryInput(new byte[11], "image/png"))));

		StepVerifier.create(this.mock.client().call(ChatCompletion.TASK, model, messages, null))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOf(HfInvalidRequestException.class)
				.hasMessage("Image part #2 of message #2 has 11 bytes, over the limit of 10 bytes for model "
						+ "'vision' (chat max-image-size); send a smaller image or an https URL"))
			.verify(WAIT);
		StepVerifier.create(this.mock.client().stream(ChatCompletion.STREAM, model, messages, null))
			.expectError(HfInvalidRequestException.class)
			.verify(WAIT);
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@Test
	void theDefaultLimitIsTwentyMegabytesAndAnImageAtTheLimitIsSent() {
		assertThat(ChatSettings.defaults().maxImageBytes()).isEqualTo(20L * 1024 * 1024);
		assertThat(ContentPart.image(new BinaryInput(new byte[10], "image/png")).inlineBytes()).isEqualTo(10);
		assertThat(ContentPart.image(new BinaryInput(new byte[11], "image/png")).inlineBytes()).isEqualTo(11);
		assertThat(ContentPart.image(new BinaryInput(new byte[12], "image/png")).inlineBytes()).isEqualTo(12);
		assertThat(ContentPart.image(URI.create("https://x/y.png")).inlineBytes()).isEqualTo(-1);
	}

}
