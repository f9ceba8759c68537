package io.github.hfinference.core.error;

/**
 * A call needs a Hugging Face token (it goes through the router) and none was configured
 * or found. The message says where a token can be provided.
 */
public class HfMissingTokenException extends HfConfigurationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception for a model.
	 * @param model the model alias
	 */
	public HfMissingTokenException(String model) {
		super("Model '" + model + "' is served through the Hugging Face router, which needs an access token, and "
				+ "none was found: set hf.inference.token (or HfInferenceClient.Builder.token), the HF_TOKEN "
				+ "environment variable, or log in with 'hf auth login' (~/.cache/huggingface/token); or give the "
				+ "model an endpoint URL or the in-process 'local' provider");
	}

}
