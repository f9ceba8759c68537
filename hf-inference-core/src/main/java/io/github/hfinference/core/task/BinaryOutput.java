package io.github.hfinference.core.task;

import java.util.Arrays;
import java.util.Objects;

/**
 * A binary result (generated image or audio) with its content type.
 *
 * @param bytes the content
 * @param contentType the MIME type the server declared, or {@code application/octet-stream}
 */
public record BinaryOutput(byte[] bytes, String contentType) {

	public BinaryOutput {
		Objects.requireNonNull(bytes, "bytes");
		Objects.requireNonNull(contentType, "contentType");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BinaryOutput that && Arrays.equals(this.bytes, that.bytes)
				&& this.contentType.equals(that.contentType);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.bytes) + this.contentType.hashCode();
	}

	@Override
	public String toString() {
		return "BinaryOutput[" + this.bytes.length + " bytes, " + this.contentType + "]";
	}

}
