package io.github.hfinference.samples.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.declarative.InferenceTask;
import io.github.hfinference.core.media.MediaJob;
import io.github.hfinference.core.task.BinaryOutput;
import io.github.hfinference.core.task.TextToImage;
import io.github.hfinference.core.task.TextToVideo;

/**
 * The README's image and video snippets, compiled (outside the web sample's package, so
 * the sample does not register these interfaces).
 */
final class MediaSnippets {

	private static final Log log = LogFactory.getLog(MediaSnippets.class);

	@HfModel("image")
	interface Images {
		BinaryOutput draw(String prompt, TextToImage.Parameters parameters);
	}

	@HfModel("video")
	interface Videos {
		@InferenceTask("text-to-video")
		Mono<BinaryOutput> generate(String prompt, TextToVideo.Parameters parameters);
	}

	private MediaSnippets() {
	}

	static void generate(Images images, Videos videos) {
		BinaryOutput png = images.draw("An astronaut riding a horse", TextToImage.Parameters.size(1024, 768));

		MediaJob<BinaryOutput> job = MediaJob.of(videos.generate("A cat surfing", TextToVideo.Parameters.of(5, "1280x720")));
		job.progress().subscribe((p) -> log.info(p.provider() + " " + p.status() + " (queue " + p.queuePosition()
				+ ", " + p.polls() + " polls, " + p.elapsed() + ")"));
		Disposable running = job.result().subscribe((video) -> write(Path.of("cat.mp4"), video.bytes()));
		running.dispose(); // stops polling and asks the provider to cancel the job

		write(Path.of("astronaut.png"), png.bytes());
	}

	private static void write(Path path, byte[] bytes) {
		try {
			Files.write(path, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
