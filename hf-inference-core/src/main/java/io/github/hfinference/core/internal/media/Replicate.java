package io.github.hfinference.core.internal.media;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.json.JsonCodec;

/**
 * Replicate predictions: {@code POST /v1/models/{owner}/{name}/predictions} (or
 * {@code /v1/predictions} with {@code version} when the mapped id is
 * {@code owner/name:version}), body {@code {"input": {...}}}, header {@code Prefer: wait}.
 * The answer's {@code status} is {@code starting}, {@code processing}, {@code succeeded},
 * {@code failed} or {@code canceled}; {@code urls.get} is polled while it runs, and
 * {@code output} (a URL or a list of URLs) is downloaded.
 */
final class Replicate implements MediaProvider {

	/** As the official clients route Replicate (no image-to-video there). */
	private static final Set<String> TASKS = Set.of("text-to-image", "image-to-image", "text-to-video",
			"text-to-speech");

	@Override
	public String name() {
		return "replicate";
	}

	@Override
	public boolean supports(String taskId) {
		return TASKS.contains(taskId);
	}

	@Override
	public String route(String taskId) {
		return "/v1/models/{id}/predictions (Prefer: wait; urls.get polled)";
	}

	@Override
	public Submission submit(MediaRequest request, String model) {
		ObjectNode input = JsonAnswers.flat(JsonCodec.get().object(), request);
		String image = request.imageDataUrl();
		if (image != null) {
			input.put("image", image);
		}
		ObjectNode body = JsonCodec.get().object();
		body.set("input", input);
		int colon = model.indexOf(':');
		if (colon > 0) {
			body.put("version", model.substring(colon + 1));
			return new Submission("/v1/predictions", body, Map.of("Prefer", "wait"));
		}
		return new Submission("/v1/models/" + model + "/predictions", body, Map.of("Prefer", "wait"));
	}

	@Override
	public JobState read(JsonNode answer) {
		String status = (JsonAnswers.text(answer, "status") != null) ? JsonAnswers.text(answer, "status") : "unknown";
		if (status.equals("failed") || status.equals("canceled")) {
			JsonNode error = answer.path("error");
			return new JobState.Failed(status, error.isString() ? error.stringValue() : "prediction " + status);
		}
		JsonNode output = JsonAnswers.first(answer.path("output"));
		if (output.isString() && !output.stringValue().isEmpty()) {
			return new JobState.Download(URI.create(output.stringValue()));
		}
		if (status.equals("succeeded")) {
			return new JobState.Failed(status, "the prediction succeeded without output");
		}
		JsonNode urls = answer.path("urls");
		return new JobState.Running(status, null, JsonAnswers.url(urls, "get"), null, JsonAnswers.url(urls, "cancel"));
	}

}
