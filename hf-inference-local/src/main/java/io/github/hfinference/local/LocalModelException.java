package io.github.hfinference.local;

import io.github.hfinference.core.error.HfInferenceException;

/**
 * A local model that cannot be found or loaded: a missing or unreadable directory, a
 * missing {@code model.onnx} or {@code tokenizer.json}, a Hugging Face cache without the
 * requested revision, or files ONNX Runtime or the tokenizer reject. The message names
 * the path or model and what was expected there.
 */
public class LocalModelException extends HfInferenceException {

	private static final long serialVersionUID = 1L;

	public LocalModelException(String message) {
		super(message);
	}

	public LocalModelException(String message, Throwable cause) {
		super(message, cause);
	}

}
