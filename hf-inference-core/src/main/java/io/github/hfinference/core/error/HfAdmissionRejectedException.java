package io.github.hfinference.core.error;

/**
 * A call was not admitted by the client-side admission limits of its model (maximum
 * concurrent calls, maximum calls per second): the wait queue was full, or the call
 * would have waited longer than allowed. Nothing was sent to the server.
 */
public class HfAdmissionRejectedException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	private final String model;

	private final Reason reason;

	/**
	 * Creates the exception.
	 * @param model the model alias
	 * @param reason why the call was rejected
	 * @param message what limit was reached, naming the setting
	 */
	public HfAdmissionRejectedException(String model, Reason reason, String message) {
		super(message);
		this.model = model;
		this.reason = reason;
	}

	/** The alias of the model whose limits rejected the call. */
	public String getModel() {
		return this.model;
	}

	/** Why the call was rejected. */
	public Reason getReason() {
		return this.reason;
	}

	/** Why a call was not admitted. */
	public enum Reason {

		/** The call could not start at once and the wait queue was full (or has no room). */
		QUEUE_FULL,

		/** The call waited, or would have had to wait, longer than the maximum queue wait. */
		WAIT_EXCEEDED,

		/**
		 * The state shared by the instances of a fleet (quota, pauses) could not be reached in
		 * time, and the fleet is configured to fail closed.
		 */
		FLEET_UNAVAILABLE

	}

}
