package io.github.hfinference.core.internal.media;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.json.JsonCodec;

/**
 * OpenAI-style image (and video) generation: {@code POST .../v1/images/generations} with
 * {@code {"model", "prompt", "response_format": "b64_json", ...}} answering
 * {@code data[0].b64_json} or {@code data[0].url}. Used by together behind the router, and by OpenAI-compatible gateways.
 * <p>
 * Gateway video ({@code POST {gateway}/v1/videos/generations}) is assumed to answer either
 * the media like images do, or a job {@code {"id", "status"}} polled at
 * {@code GET {gateway}/v1/videos/generations/{id}} until {@code status} is
 * {@code completed}/{@code succeeded} (media in {@code data[0]} or {@code video.url}) or
 * {@code failed}/{@code cancelled} ({@code error.message}).
 */
final class OpenAiCompatible implements MediaProvider {

	private static final Set<String> FAILED = Set.of("failed", "error", "cancelled", "canceled", "expired");

	private final String name;

	private final String imagesPath;

	private final @Nullable String responseFormat;

	private final @Nullable String gatewayBase;

	private OpenAiCompatible(String name, String imagesPath, @Nullable String responseFormat,
			@Nullable String gatewayBase) {
		this.name = name;
		this.imagesPath = imagesPath;
		this.responseFormat = responseFormat;
		this.gatewayBase = gatewayBase;
	}

	static OpenAiCompatible routerProvider(String name, String responseFormat) {
		return new OpenAiCompatible(name, "/v1/images/generations", responseFormat, null);
	}

	/**
	 * An adapter for a gateway.
	 * @param name the gateway's name
	 * @param url the gateway's base URL (with or without a trailing {@code /v1})
	 * @return the adapter; its submission paths are relative to {@code url}
	 */
	static OpenAiCompatible gateway(String name, URI url) {
		String base = url.toString().replaceAll("/+$", "");
		String prefix = base.endsWith("/v1") ? "" : "/v1";
		return new OpenAiCompatible(name, prefix + "/images/generations", "b64_json", base + prefix);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean supports(String taskId) {
		return taskId.equals("text-to-image") || (this.gatewayBase != null && taskId.endsWith("-to-video"))
				|| (this.gatewayBase != null && taskId.equals("image-to-image"));
	}

	@Override
	public String route(String taskId) {
		return (taskId.endsWith("-to-video") ? this.imagesPath.replace("/images/", "/videos/") : this.imagesPath)
				+ " (OpenAI images body, answer inline)";
	}

	@Override
	public Submission submit(MediaRequest request, String model) {
		ObjectNode body = JsonCodec.get().object();
		body.put("model", model);
		JsonAnswers.flat(body, request);
		boolean video = request.taskId().endsWith("-to-video");
		if (this.gatewayBase != null) {
			JsonNode width = body.remove("width");
			JsonNode height = body.remove("height");
			if (width != null && height != null && !body.has("size")) {
				body.put("size", width.asString() + "x" + height.asString());
			}
			String image = request.imageDataUrl();
			if (image != null) {
				body.put("image", image);
			}
		}
		if (this.responseFormat != null && !video && !body.has("response_format")) {
			body.put("response_format", this.responseFormat);
		}
		String path = video ? this.imagesPath.replace("/images/", "/videos/") : this.imagesPath;
		return new Submission(path, body, Map.of());
	}

	@Override
	public JobState read(JsonNode answer) {
		JsonNode media = answer.has("data") ? JsonAnswers.first(answer.path("data"))
				: answer.has("video") ? answer.path("video") : JsonAnswers.first(answer.path("images"));
		String base64 = (JsonAnswers.text(media, "b64_json") != null) ? JsonAnswers.text(media, "b64_json")
				: JsonAnswers.text(media, "image");
		if (base64 != null) {
			return JsonAnswers.inline(base64);
		}
		URI url = JsonAnswers.url(media, "url");
		if (url != null) {
			return new JobState.Download(url);
		}
		String status = JsonAnswers.text(answer, "status");
		String id = JsonAnswers.text(answer, "id");
		if (status != null && FAILED.contains(status.toLowerCase(Locale.ROOT))) {
			JsonNode error = answer.path("error");
			String message = error.isString() ? error.stringValue()
					: (JsonAnswers.text(error, "message") != null) ? JsonAnswers.text(error, "message")
							: "job " + status;
			return new JobState.Failed(status, message);
		}
		if (status != null && id != null && this.gatewayBase != null) {
			return new JobState.Running(status, JsonAnswers.integer(answer, "queue_position"),
					URI.create(this.gatewayBase + "/videos/generations/" + id), null, null);
		}
		return new JobState.Failed((status != null) ? status : "unknown", "no media in the answer");
	}

}
