package io.github.hfinference.core.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;

/**
 * A binary input (image or audio file). Sent as the raw request body, or as base64 inside
 * a JSON body when the task also has parameters (which is how it serialises to JSON).
 *
 * @param bytes the file content
 * @param contentType its MIME type, or null when unknown
 */
public record BinaryInput(byte[] bytes, @Nullable String contentType) {

	public BinaryInput {
		Objects.requireNonNull(bytes, "bytes");
	}

	/**
	 * Wraps bytes of unknown type (sent without a {@code Content-Type}, like the official clients).
	 * @param bytes the content
	 * @return the input
	 */
	public static BinaryInput of(byte[] bytes) {
		return new BinaryInput(bytes, null);
	}

	/**
	 * Reads a file; the content type is guessed from its name.
	 * @param path the file
	 * @return the input
	 */
	public static BinaryInput of(Path path) {
		try {
			return new BinaryInput(Files.readAllBytes(path), guess(path.getFileName().toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read binary input " + path, ex);
		}
	}

	/**
	 * Reads a Spring resource; the content type is guessed from its file name.
	 * @param resource the resource
	 * @return the input
	 */
	public static BinaryInput of(Resource resource) {
		try {
			return new BinaryInput(resource.getContentAsByteArray(), guess(resource.getFilename()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read binary input " + resource.getDescription(), ex);
		}
	}

	private static @Nullable String guess(@Nullable String filename) {
		return (filename != null) ? MediaTypeFactory.getMediaType(filename).map(MediaType::toString).orElse(null)
				: null;
	}

	/** The content as base64, which is how a binary input appears inside a JSON body. */
	@JsonValue
	public String base64() {
		return Base64.getEncoder().encodeToString(this.bytes);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BinaryInput that && java.util.Arrays.equals(this.bytes, that.bytes)
				&& Objects.equals(this.contentType, that.contentType);
	}

	@Override
	public int hashCode() {
		return 31 * java.util.Arrays.hashCode(this.bytes) + Objects.hashCode(this.contentType);
	}

	@Override
	public String toString() {
		return "BinaryInput[" + this.bytes.length + " bytes, " + this.contentType + "]";
	}

}
