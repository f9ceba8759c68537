package io.github.hfinference.core.error;

import org.jspecify.annotations.Nullable;

/**
 * A chat answer that should have been JSON of a given type but is not valid JSON or does
 * not bind to that type. Carries the raw answer, the model, the target type and the
 * binding error (the cause).
 */
public class HfStructuredOutputException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String rawText;

	private final String model;

	private final String targetType;

	/**
	 * Creates the exception.
	 * @param rawText the model's answer as received (null if it had no text)
	 * @param model the model that answered
	 * @param targetType the type the answer should bind to
	 * @param cause the parsing or binding error
	 */
	public HfStructuredOutputException(@Nullable String rawText, String model, String targetType,
			@Nullable Throwable cause) {
		super("The answer of model '" + model + "' does not bind to " + targetType + ": "
				+ ((cause != null) ? cause.getMessage() : "no text") + "; answer: " + abbreviate(rawText), cause);
		this.rawText = rawText;
		this.model = model;
		this.targetType = targetType;
	}

	/** The model's answer as received, or null if it had no text. */
	public @Nullable String rawText() {
		return this.rawText;
	}

	/** The model that answered. */
	public String model() {
		return this.model;
	}

	/** The type the answer should have bound to. */
	public String targetType() {
		return this.targetType;
	}

	private static String abbreviate(@Nullable String text) {
		if (text == null) {
			return "(none)";
		}
		String escaped = text.replaceAll("\\p{Cntrl}", "\uFFFD");
		return (escaped.length() > 200) ? escaped.substring(0, 200) + "... (" + text.length() + " chars)" : escaped;
	}

}
