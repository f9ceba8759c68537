package io.github.hfinference.core.internal.media;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.json.JsonCodec;

/**
 * WaveSpeed AI: {@code POST /wavespeed/api/v3/{model}} with the prompt, the parameters and,
 * for image inputs, {@code image} (base64) and {@code images} ({@code [base64]}); the answer
 * {@code {"data": {"id", "urls": {"get"}}}} names the result URL, polled through the router
 * ({@code /wavespeed} + its path, as the official clients do) until {@code data.status} is
 * {@code completed} (media at {@code data.outputs[0]}) or {@code failed} ({@code data.error}).
 */
final class Wavespeed implements MediaProvider {

	private static final Set<String> TASKS = Set.of("text-to-image", "image-to-image", "text-to-video",
			"image-to-video", "image-text-to-image", "image-text-to-video");

	private static final String API = "/api/v3/";

	@Override
	public String name() {
		return "wavespeed";
	}

	@Override
	public boolean supports(String taskId) {
		return TASKS.contains(taskId);
	}

	@Override
	public String route(String taskId) {
		return API + "{id} (data.urls.get polled through the router)";
	}

	@Override
	public Submission submit(MediaRequest request, String model) {
		ObjectNode body = JsonAnswers.flat(JsonCodec.get().object(), request);
		if (request.image() != null) {
			String base64 = request.image().base64();
			body.put("image", base64);
			body.putArray("images").add(base64);
		}
		return new Submission(API + model, body, Map.of());
	}

	@Override
	public URI pollUrl(URI named, URI submitted) {
		String submission = submitted.toString();
		int api = submission.indexOf(API);
		return (api < 0) ? named : URI.create(submission.substring(0, api) + named.getRawPath());
	}

	@Override
	public JobState read(JsonNode answer) {
		JsonNode data = answer.path("data");
		String status = JsonAnswers.text(data, "status");
		if ("completed".equals(status)) {
			JsonNode first = JsonAnswers.first(data.path("outputs"));
			return (first.isString() && !first.stringValue().isEmpty())
					? new JobState.Download(URI.create(first.stringValue()))
					: new JobState.Failed(status, "the task completed without outputs");
		}
		if ("failed".equals(status)) {
			String error = JsonAnswers.text(data, "error");
			return new JobState.Failed(status, (error != null) ? error : "task failed");
		}
		URI get = JsonAnswers.url(data.path("urls"), "get");
		if (status == null && get == null) {
			String message = JsonAnswers.text(answer, "message");
			return new JobState.Failed("unknown", (message != null) ? message : "no task in the answer");
		}
		return JobState.Running.polling((status != null) ? status : "created", get);
	}

}
