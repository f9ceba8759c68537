package io.github.hfinference.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link HfInferenceConnectionDetails} from {@link HfInferenceProperties}.
 */
final class PropertiesHfInferenceConnectionDetails implements HfInferenceConnectionDetails {

	private final HfInferenceProperties properties;

	PropertiesHfInferenceConnectionDetails(HfInferenceProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public String getHubUrl() {
		return this.properties.getHubUrl();
	}

	@Override
	public @Nullable String getToken() {
		return this.properties.getToken();
	}

	@Override
	public String toString() {
		return "PropertiesHfInferenceConnectionDetails[baseUrl=" + getBaseUrl() + ", hubUrl=" + getHubUrl() + "]";
	}

}
