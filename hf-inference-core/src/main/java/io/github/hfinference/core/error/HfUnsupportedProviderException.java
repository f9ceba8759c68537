package io.github.hfinference.core.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A provider this client cannot route to: unknown, no longer served by the Hugging Face
 * router, or not serving the requested task. Raised before any request is sent; the
 * message lists the current providers, or the providers that serve the task.
 */
public class HfUnsupportedProviderException extends HfConfigurationException {

	private static final long serialVersionUID = 1L;

	private final String provider;

	private final @Nullable String task;

	private final List<String> alternatives;

	/**
	 * Creates the exception.
	 * @param message what is wrong and what to use instead
	 * @param provider the provider that was asked for
	 * @param task the task that was asked for, or null when the provider itself is unsupported
	 * @param alternatives the current providers, or the providers serving the task
	 */
	public HfUnsupportedProviderException(String message, String provider, @Nullable String task,
			List<String> alternatives) {
		super(message);
		this.provider = provider;
		this.task = task;
		this.alternatives = List.copyOf(alternatives);
	}

	/** The provider that was asked for. */
	public String provider() {
		return this.provider;
	}

	/** The task the provider does not serve, or null when the provider itself is unsupported. */
	public @Nullable String task() {
		return this.task;
	}

	/** The current providers, or, for an unserved task, the providers that serve it. */
	public List<String> alternatives() {
		return this.alternatives;
	}

}
