package io.github.hfinference.core.error;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A chat tool loop that did not end well: the model kept asking for tools beyond the
 * allowed rounds, asked for a tool that does not exist, or a tool failed while the model
 * is configured to fail the call on tool errors. The message names the last calls.
 */
public class HfToolException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	private final List<String> lastCalls;

	/**
	 * Creates the exception.
	 * @param message what went wrong
	 * @param lastCalls the tool calls of the last round, as {@code name(arguments)}
	 * @param cause the tool's exception, if one failed
	 */
	public HfToolException(String message, List<String> lastCalls, @Nullable Throwable cause) {
		super(message, cause);
		this.lastCalls = List.copyOf(lastCalls);
	}

	/** The tool calls of the last round, as {@code name(arguments)}. */
	public List<String> lastCalls() {
		return this.lastCalls;
	}

}
