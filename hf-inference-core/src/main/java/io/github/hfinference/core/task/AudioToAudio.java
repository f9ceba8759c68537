package io.github.hfinference.core.task;

import java.util.Base64;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code audio-to-audio}: separates or enhances an audio clip (source separation, speech
 * enhancement). The server answers {@code [{"label", "content-type", "blob": "<base64>"}]};
 * each blob is decoded to its bytes.
 */
public final class AudioToAudio {

	/** The task definition. */
	public static final Task<BinaryInput, NoParameters, List<Output>> TASK = TaskDefinitions
		.list("audio-to-audio", BinaryInput.class, NoParameters.class, Output.class, Encoders.binary())
		.build();

	private AudioToAudio() {
	}

	/**
	 * One output track.
	 *
	 * @param label the track's label ({@code label_0}, ...)
	 * @param audio the decoded audio with its content type
	 */
	public record Output(String label, BinaryOutput audio) {

		public Output {
			Objects.requireNonNull(label, "label");
			Objects.requireNonNull(audio, "audio");
		}

		@JsonCreator
		static Output fromWire(@JsonProperty("label") String label,
				@JsonProperty("content-type") @Nullable String contentType, @JsonProperty("blob") String blob) {
			Objects.requireNonNull(blob, "audio-to-audio output without a 'blob'");
			return new Output(label, new BinaryOutput(Base64.getMimeDecoder().decode(blob),
					(contentType != null) ? contentType : MediaType.APPLICATION_OCTET_STREAM_VALUE));
		}

	}

}
