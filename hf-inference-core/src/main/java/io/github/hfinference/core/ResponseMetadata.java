package io.github.hfinference.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

import io.github.hfinference.core.internal.http.ErrorMapper;

/**
 * What the server said about a call besides its result: which target served it, the
 * request id, the model revision actually served, compute figures and token counts.
 *
 * @param target name of the target that served the call
 * @param requestId the server's request id ({@code x-request-id})
 * @param servedRevision the model commit that served the call ({@code x-sha})
 * @param computeType where it ran ({@code cpu}, {@code cache}, a GPU flavour)
 * @param computeTime compute time ({@code x-compute-time})
 * @param computeCharacters characters processed ({@code x-compute-characters})
 * @param promptTokens prompt tokens (chat {@code usage}, or TGI {@code x-prompt-tokens})
 * @param generatedTokens generated tokens (chat {@code usage}, or TGI {@code x-generated-tokens})
 * @param queueTime TGI queue time ({@code x-queue-time})
 * @param inferenceTime TGI inference time ({@code x-inference-time})
 * @param attempts how many attempts the call took, across retries and failover
 */
public record ResponseMetadata(String target, @Nullable String requestId, @Nullable String servedRevision,
		@Nullable String computeType, @Nullable Duration computeTime, @Nullable Long computeCharacters,
		@Nullable Integer promptTokens, @Nullable Integer generatedTokens, @Nullable Duration queueTime,
		@Nullable Duration inferenceTime, int attempts) {

	/**
	 * Reads the metadata headers of a response.
	 * @param target the target that answered
	 * @param headers the response headers
	 * @return the metadata (one attempt)
	 */
	public static ResponseMetadata from(String target, HttpHeaders headers) {
		return from(target, headers, 1);
	}

	/**
	 * Reads the metadata headers of a response.
	 * @param target the target that answered
	 * @param headers the response headers
	 * @param attempts how many attempts the call took
	 * @return the metadata
	 */
	public static ResponseMetadata from(String target, HttpHeaders headers, int attempts) {
		return new ResponseMetadata(target, ErrorMapper.requestId(headers), headers.getFirst("x-sha"),
				headers.getFirst("x-compute-type"), seconds(headers.getFirst("x-compute-time")),
				longValue(headers.getFirst("x-compute-characters")),
				intValue(headers.getFirst("x-prompt-tokens")), intValue(headers.getFirst("x-generated-tokens")),
				millis(headers.getFirst("x-queue-time")), millis(headers.getFirst("x-inference-time")), attempts);
	}

	/**
	 * Metadata of a call served without HTTP (an in-process provider).
	 * @param target the provider name
	 * @return the metadata
	 */
	public static ResponseMetadata local(String target) {
		return new ResponseMetadata(target, null, null, "local", null, null, null, null, null, null, 1);
	}

	/**
	 * The same metadata with token counts filled from a response body's {@code usage}.
	 * @param prompt prompt tokens
	 * @param generated generated tokens
	 * @return the metadata
	 */
	public ResponseMetadata withTokens(@Nullable Integer prompt, @Nullable Integer generated) {
		return new ResponseMetadata(this.target, this.requestId, this.servedRevision, this.computeType,
				this.computeTime, this.computeCharacters, (prompt != null) ? prompt : this.promptTokens,
				(generated != null) ? generated : this.generatedTokens, this.queueTime, this.inferenceTime,
				this.attempts);
	}

	/**
	 * The same metadata with the number of attempts the call took.
	 * @param attempts the attempt count
	 * @return the metadata
	 */
	public ResponseMetadata withAttempts(int attempts) {
		return new ResponseMetadata(this.target, this.requestId, this.servedRevision, this.computeType,
				this.computeTime, this.computeCharacters, this.promptTokens, this.generatedTokens, this.queueTime,
				this.inferenceTime, attempts);
	}

	private static @Nullable Duration seconds(@Nullable String value) {
		try {
			return (value != null) ? Duration.ofNanos(Math.round(Double.parseDouble(value) * 1e9)) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Duration millis(@Nullable String value) {
		Long millis = longValue(value);
		return (millis != null) ? Duration.ofMillis(millis) : null;
	}

	private static @Nullable Long longValue(@Nullable String value) {
		try {
			return (value != null) ? Long.valueOf(value.strip()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable Integer intValue(@Nullable String value) {
		Long parsed = longValue(value);
		return (parsed != null) ? Math.toIntExact(parsed) : null;
	}

}
