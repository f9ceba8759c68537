package io.github.hfinference.core.task;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code image-to-video}: animates an image, guided by the prompt in
 * {@link TextToVideo.Parameters#prompt()}. Not served by hf-inference: it runs as a
 * long-running job on fal-ai, WaveSpeed or an OpenAI-compatible gateway, and the answer is
 * the video's bytes.
 */
public final class ImageToVideo {

	/** The task definition. */
	public static final Task<BinaryInput, TextToVideo.Parameters, BinaryOutput> TASK = TaskDefinitions
		.binary("image-to-video", BinaryInput.class, TextToVideo.Parameters.class, Encoders.binary())
		.build();

	private ImageToVideo() {
	}

}
