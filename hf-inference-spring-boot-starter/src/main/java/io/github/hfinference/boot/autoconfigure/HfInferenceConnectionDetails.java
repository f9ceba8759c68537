package io.github.hfinference.boot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details required to connect to Hugging Face: the inference router, the Hub and the
 * token. By default they come from {@code hf.inference.base-url}, {@code hub-url} and
 * {@code token}; a bean of this type (from a Testcontainers {@code @ServiceConnection},
 * a service binding or the application) replaces them.
 */
public interface HfInferenceConnectionDetails extends ConnectionDetails {

	/**
	 * Base URL of the inference router.
	 * @return an absolute http(s) URL
	 */
	String getBaseUrl();

	/**
	 * Base URL of the Hugging Face Hub.
	 * @return an absolute http(s) URL
	 */
	String getHubUrl();

	/**
	 * The access token, or {@code null} (or blank) to fall back to {@code HF_TOKEN},
	 * {@code HUGGING_FACE_HUB_TOKEN} and the Hugging Face CLI's token file.
	 * @return the token
	 */
	@Nullable String getToken();

}
