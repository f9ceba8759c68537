package io.github.hfinference.core.task;

import java.util.Base64;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code audio-to-audio}: separates or enhances an audio clip (source separation, speech
 * enhancement). The server answers {@code [{"label", "content-type", "blob": "<base64>"}]};
 * each blob is decoded to its bytes.
 */
public final class AudioToAudio {

	/** The task definition. */
	public static final Task<BinaryInput, NoParameters, List<Output>> TASK = Task
		.<BinaryInput, NoParameters, List<Output>>builder("audio-to-audio", TaskRoute.MODEL)
		.input(BinaryInput.class)
		.parameters(NoParameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.binary())
		.decoder(Decoders.list(Output.class))
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
