package io.github.hfinference.core.error;


/**
 * A long-running media job ended in failure (or was cancelled) on the provider's side.
 */
public class HfJobFailedException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	private final String provider;

	private final String status;

	/**
	 * Creates the exception.
	 * @param provider the provider
	 * @param model the model's display name
	 * @param status the provider's terminal status
	 * @param message the provider's error message
	 */
	public HfJobFailedException(String provider, String model, String status, String message) {
		super("Media job for model '" + model + "' on " + provider + " ended with status '" + status + "': "
				+ message, null);
		this.provider = provider;
		this.status = status;
	}

	/** The provider that ran the job. */
	public String provider() {
		return this.provider;
	}

	/** The provider's terminal status. */
	public String status() {
		return this.status;
	}

}
