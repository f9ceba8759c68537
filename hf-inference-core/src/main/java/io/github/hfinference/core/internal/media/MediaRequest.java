package io.github.hfinference.core.internal.media;

import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.Task.RequestPayload;

/**
 * A media generation request in provider-neutral form, derived from the task's
 * hf-inference encoding ({@code {"inputs", "parameters"}} or a raw binary body): the
 * prompt, the input image if any, and the remaining parameters in snake_case.
 *
 * @param taskId the task id
 * @param prompt the prompt, or null
 * @param image the input image, or null
 * @param parameters the other parameters (never contains {@code prompt})
 */
public record MediaRequest(String taskId, @Nullable String prompt, @Nullable BinaryInput image,
		ObjectNode parameters) {

	/**
	 * Reads a task payload.
	 * @param taskId the task id
	 * @param payload the task's encoded request
	 * @return the media request
	 */
	public static MediaRequest from(String taskId, RequestPayload payload) {
		if (payload instanceof RequestPayload.Binary binary) {
			return new MediaRequest(taskId, null, new BinaryInput(binary.bytes(), binary.contentType()),
					JsonCodec.get().object());
		}
		ObjectNode body = ((RequestPayload.Json) payload).body();
		ObjectNode parameters = body.path("parameters").isObject() ? ((ObjectNode) body.get("parameters")).deepCopy()
				: JsonCodec.get().object();
		JsonNode prompt = parameters.remove("prompt");
		JsonNode inputs = body.path("inputs");
		if (inputs.isString() && isImageTask(taskId)) {
			return new MediaRequest(taskId, (prompt != null) ? prompt.asString() : null,
					new BinaryInput(Base64.getDecoder().decode(inputs.stringValue()), null), parameters);
		}
		return new MediaRequest(taskId, inputs.isString() ? inputs.stringValue() : null, null, parameters);
	}

	private static boolean isImageTask(String taskId) {
		return taskId.startsWith("image-to-") || taskId.startsWith("image-text-to-");
	}

	/**
	 * The input image as a {@code data:} URL, as fal-ai and Replicate accept.
	 * @return the data URL, or null without image
	 */
	public @Nullable String imageDataUrl() {
		if (this.image == null) {
			return null;
		}
		String type = (this.image.contentType() != null) ? this.image.contentType() : "image/png";
		return "data:" + type + ";base64," + this.image.base64();
	}

}
