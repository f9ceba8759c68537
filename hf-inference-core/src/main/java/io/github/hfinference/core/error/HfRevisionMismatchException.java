package io.github.hfinference.core.error;

/**
 * A response was served by another model revision than the one the model pins, and the
 * model is configured to fail on a mismatch.
 */
public class HfRevisionMismatchException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	private final String pinnedRevision;

	private final String servedRevision;

	/**
	 * Creates the exception.
	 * @param model the model alias
	 * @param target the target that served the call
	 * @param pinnedRevision the configured revision
	 * @param servedRevision the revision the server reported ({@code x-sha})
	 */
	public HfRevisionMismatchException(String model, String target, String pinnedRevision, String servedRevision) {
		super("Model '" + model + "' pins revision " + pinnedRevision + " but " + target + " served revision "
				+ servedRevision);
		this.pinnedRevision = pinnedRevision;
		this.servedRevision = servedRevision;
	}

	/** The configured revision. */
	public String getPinnedRevision() {
		return this.pinnedRevision;
	}

	/** The revision the server reported. */
	public String getServedRevision() {
		return this.servedRevision;
	}

}
