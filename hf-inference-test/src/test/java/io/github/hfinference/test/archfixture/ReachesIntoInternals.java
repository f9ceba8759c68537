package io.github.hfinference.test.archfixture;

import io.github.hfinference.core.internal.http.SseEventDecoder;

/** Application code that uses an internal type: what {@code ONLY_PUBLIC_API} reports. */
class ReachesIntoInternals {

	Object decoder() {
		return new SseEventDecoder(1024);
	}

}
