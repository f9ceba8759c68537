package io.github.hfinference.core.internal.media;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.json.JsonCodec;

/**
 * fal-ai: text-to-image and image-to-image are generated synchronously
 * ({@code POST /fal-ai/{model}} answering {@code images[].url}); videos, audio and
 * image-text-to-image go through fal's queue ({@code ?_subdomain=queue} answering
 * {@code request_id}, {@code status_url}, {@code response_url}; statuses {@code IN_QUEUE},
 * {@code IN_PROGRESS}, {@code COMPLETED}), whose result carries {@code video.url},
 * {@code images[].url}, or {@code audio_file.url} / {@code audio.url}.
 */
final class FalAi implements MediaProvider {

	private static final Set<String> TASKS = Set.of("text-to-image", "image-to-image", "text-to-video",
			"image-to-video", "text-to-audio", "image-text-to-image", "image-text-to-video");

	private static final Set<String> SYNCHRONOUS = Set.of("text-to-image", "image-to-image");

	@Override
	public String name() {
		return "fal-ai";
	}

	@Override
	public boolean supports(String taskId) {
		return TASKS.contains(taskId);
	}

	@Override
	public String route(String taskId) {
		return SYNCHRONOUS.contains(taskId) ? "/{id} (answer names the media URL)"
				: "/{id}?_subdomain=queue (status_url polled, response_url fetched)";
	}

	@Override
	public Submission submit(MediaRequest request, String model) {
		ObjectNode body = JsonAnswers.flat(JsonCodec.get().object(), request);
		String image = request.imageDataUrl();
		if (image != null) {
			body.put("image_url", image);
			if (request.taskId().equals("image-text-to-image")) {
				body.putArray("image_urls").add(image);
			}
		}
		boolean queued = !SYNCHRONOUS.contains(request.taskId());
		return new Submission("/" + model + (queued ? "?_subdomain=queue" : ""), body, Map.of());
	}

	@Override
	public HttpMethod cancelMethod() {
		return HttpMethod.PUT;
	}

	@Override
	public JobState read(JsonNode answer) {
		String status = JsonAnswers.text(answer, "status");
		JsonNode media = answer.has("video") ? answer.path("video")
				: answer.has("audio_file") ? answer.path("audio_file")
						: answer.has("audio") ? answer.path("audio") : JsonAnswers.first(answer.path("images"));
		URI mediaUrl = JsonAnswers.url(media, "url");
		if (mediaUrl != null) {
			return new JobState.Download(mediaUrl);
		}
		if ("COMPLETED".equals(status)) {
			URI result = JsonAnswers.url(answer, "response_url");
			return new JobState.FetchResult(status, result);
		}
		if (status != null && !status.startsWith("IN_")) {
			return new JobState.Failed(status, errorOf(answer, status));
		}
		if (status != null || answer.has("request_id")) {
			return new JobState.Running((status != null) ? status : "IN_QUEUE",
					JsonAnswers.integer(answer, "queue_position"), JsonAnswers.url(answer, "status_url"),
					JsonAnswers.url(answer, "response_url"), JsonAnswers.url(answer, "cancel_url"));
		}
		return new JobState.Failed("unknown", errorOf(answer, "no media in the answer"));
	}

	private static String errorOf(JsonNode answer, String fallback) {
		JsonNode detail = answer.has("detail") ? answer.path("detail") : answer.path("error");
		return detail.isMissingNode() || detail.isNull() ? fallback
				: (detail.isString() ? detail.stringValue() : detail.toString());
	}

}
