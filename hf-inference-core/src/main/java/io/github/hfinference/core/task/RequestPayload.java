package io.github.hfinference.core.task;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.json.JsonCodec;

/**
 * The body of an inference request: a JSON object or raw binary bytes.
 */
public sealed interface RequestPayload {

	/**
	 * A JSON body.
	 * @param body the JSON object
	 * @param encoded the object already serialised by the encoder (exactly what the codec
	 * would write for {@code body}), or null to have it written when sent
	 */
	record Json(ObjectNode body, byte @Nullable [] encoded) implements RequestPayload {

		public Json {
			Objects.requireNonNull(body, "body");
		}

		/**
		 * A JSON body, serialised when sent.
		 * @param body the JSON object
		 */
		public Json(ObjectNode body) {
			this(body, null);
		}

		/**
		 * The bytes to send.
		 * @param codec the codec that writes the body when the encoder did not
		 * @return the serialised body
		 */
		public byte[] bytes(JsonCodec codec) {
			return (this.encoded != null) ? this.encoded : codec.write(this.body);
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
