package io.github.hfinference.core.error;

/**
 * A configuration or usage mistake: a missing or malformed token, an unknown task or
 * provider, a target that cannot serve the requested task. The message names what is
 * wrong and how to fix it.
 */
public class HfConfigurationException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	public HfConfigurationException(String message) {
		super(message);
	}

}
