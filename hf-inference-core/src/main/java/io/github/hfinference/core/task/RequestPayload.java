package io.github.hfinference.core.task;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The body of an inference request: a JSON object or raw binary bytes.
 */
public sealed interface RequestPayload {

	/**
	 * A JSON body.
	 * @param body the JSON object
	 */
	record Json(ObjectNode body) implements RequestPayload {

		public Json {
			Objects.requireNonNull(body, "body");
		}

	}

	/**
	 * A raw binary body (an image or audio file).
	 * @param bytes the file's bytes
	 * @param contentType its MIME type, or null to send no {@code Content-Type} (as the
	 * official clients do for raw bytes)
	 */
	record Binary(byte[] bytes, @Nullable String contentType) implements RequestPayload {

		public Binary {
			Objects.requireNonNull(bytes, "bytes");
		}

	}

}
