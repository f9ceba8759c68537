package io.github.hfinference.core.replay;

import java.nio.file.Path;

/**
 * Where the recorded Hugging Face traffic lives, for replay tests in any package.
 */
public final class RecordingsRoot {

	private RecordingsRoot() {
	}

	/**
	 * The recordings folder ({@code conformance/recordings} at the repository root).
	 * @return its path
	 */
	public static Path find() {
		return Recordings.root();
	}

}
