package io.github.hfinference.core.task.chat;

import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfInvalidInputException;
import io.github.hfinference.core.task.BinaryInput;

/**
 * One part of a message's content, as the OpenAI chat format has them: {@code text},
 * {@code image_url} (an {@code https:} URL or a {@code data:} URL carrying the image) and
 * {@code input_audio}. A message of text alone is sent as a plain string; parts are sent
 * only when a message has some.
 *
 * <pre class="code">
 * ChatMessage.user(ContentPart.text("What is in this picture?"), ContentPart.image(BinaryInput.of(path)));
 * </pre>
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = ContentPart.Text.class, name = "text"),
		@JsonSubTypes.Type(value = ContentPart.Image.class, name = "image_url"),
		@JsonSubTypes.Type(value = ContentPart.Audio.class, name = "input_audio") })
public sealed interface ContentPart permits ContentPart.Text, ContentPart.Image, ContentPart.Audio {

	/**
	 * A text part.
	 * @param text the text
	 * @return the part
	 */
	static Text text(String text) {
		return new Text(text);
	}

	/**
	 * An image the provider downloads.
	 * @param url an {@code https:} URL (or a {@code data:} URL)
	 * @return the part
	 * @throws HfInvalidInputException for any other scheme
	 */
	static Image image(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("data")) {
			throw new HfInvalidInputException("An image URL must be https: or data:, got "
					+ ContentPart.escape(url.toString()));
		}
		return new Image(new ImageUrl(url.toString(), null));
	}

	/**
	 * An image sent inline as a {@code data:} URL.
	 * @param image the image; its content type must be an {@code image/*} type
	 * @return the part
	 * @throws HfInvalidInputException if the content type is missing or not an image type
	 */
	static Image image(BinaryInput image) {
		return image(image.bytes(), image.contentType());
	}

	/**
	 * An image sent inline as a {@code data:} URL.
	 * @param bytes the image
	 * @param mediaType its media type, an {@code image/*} type such as {@code image/png}
	 * @return the part
	 * @throws HfInvalidInputException if the media type is missing or not an image type
	 */
	static Image image(byte[] bytes, @Nullable String mediaType) {
		Objects.requireNonNull(bytes, "bytes");
		if (mediaType == null || !mediaType.toLowerCase(Locale.ROOT).startsWith("image/")) {
			throw new HfInvalidInputException("An image part needs an image/* media type, got "
					+ ((mediaType != null) ? "'" + escape(mediaType) + "'" : "none") + " (" + bytes.length
					+ " bytes); give BinaryInput a content type such as image/png");
		}
		return new Image(new ImageUrl(
				"data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes), null));
	}

	/**
	 * Audio sent inline ({@code input_audio}), for models that take it.
	 * @param audio the audio; its content type must be WAV ({@code audio/wav}) or MP3
	 * ({@code audio/mpeg})
	 * @return the part
	 * @throws HfInvalidInputException for another or a missing content type
	 */
	static Audio audio(BinaryInput audio) {
		String type = (audio.contentType() != null) ? audio.contentType().toLowerCase(Locale.ROOT) : "";
		String format = switch (type) {
			case "audio/wav", "audio/x-wav", "audio/wave" -> "wav";
			case "audio/mpeg", "audio/mp3" -> "mp3";
			default -> throw new HfInvalidInputException("An audio part must be audio/wav or audio/mpeg, got "
					+ (type.isEmpty() ? "none" : "'" + escape(type) + "'"));
		};
		return new Audio(new InputAudio(audio.base64(), format));
	}

	/** Control characters replaced, for messages. */
	private static String escape(String value) {
		String shown = (value.length() > 120) ? value.substring(0, 120) + "..." : value;
		return shown.replaceAll("\\p{Cntrl}", "\uFFFD");
	}

	/**
	 * A text part: {@code {"type":"text","text":...}}.
	 *
	 * @param text the text
	 */
	@JsonPropertyOrder({ "type" })
	record Text(String text) implements ContentPart {

		/** {@code text}, this part's type on the wire. */
		@JsonProperty("type")
		public String type() {
			return "text";
		}

		public Text {
			Objects.requireNonNull(text, "text");
		}

	}

	/**
	 * An image part: {@code {"type":"image_url","image_url":{"url":...}}}.
	 *
	 * @param imageUrl the image's URL
	 */
	@JsonPropertyOrder({ "type" })
	record Image(ImageUrl imageUrl) implements ContentPart {

		/** {@code image_url}, this part's type on the wire. */
		@JsonProperty("type")
		public String type() {
			return "image_url";
		}

		public Image {
			Objects.requireNonNull(imageUrl, "imageUrl");
		}

		/**
		 * The size of the image carried in a {@code data:} URL, in bytes (computed from its
		 * base64 length), or -1 for an image the provider downloads.
		 * @return the size or -1
		 */
		public long inlineBytes() {
			String url = this.imageUrl.url();
			int comma = url.indexOf(',');
			if (!url.regionMatches(true, 0, "data:", 0, 5) || comma < 0) {
				return -1;
			}
			int length = url.length() - comma - 1;
			int padding = url.endsWith("==") ? 2 : url.endsWith("=") ? 1 : 0;
			return (long) length / 4 * 3 - padding;
		}

	}

	/**
	 * The URL of an image part.
	 *
	 * @param url an {@code https:} or {@code data:} URL
	 * @param detail {@code low}, {@code high} or {@code auto}, or null
	 */
	record ImageUrl(String url, @Nullable String detail) {

	}

	/**
	 * An audio part: {@code {"type":"input_audio","input_audio":{"data":...,"format":...}}}.
	 *
	 * @param inputAudio the audio
	 */
	@JsonPropertyOrder({ "type" })
	record Audio(InputAudio inputAudio) implements ContentPart {

		/** {@code input_audio}, this part's type on the wire. */
		@JsonProperty("type")
		public String type() {
			return "input_audio";
		}

	}

	/**
	 * Inline audio.
	 *
	 * @param data base64 of the audio
	 * @param format {@code wav} or {@code mp3}
	 */
	record InputAudio(String data, String format) {

	}

}
