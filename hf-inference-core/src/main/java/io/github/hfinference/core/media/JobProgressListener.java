package io.github.hfinference.core.media;

import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Receives the progress of long-running media jobs. Attach one to a call through the
 * Reactor context: {@code client.call(...).contextWrite(JobProgressListener.attach(listener))};
 * calls without a listener report nothing.
 */
@FunctionalInterface
public interface JobProgressListener {

	/**
	 * Called when a submission answers that the job is queued or running (with 0 polls), and
	 * after each status answer (never concurrently for one job).
	 * @param progress the job's progress
	 */
	void onProgress(JobProgress progress);

	/**
	 * A context holding a listener, for {@link Mono#contextWrite(java.util.function.Function)}.
	 * @param listener the listener
	 * @return the context modification
	 */
	static java.util.function.Function<Context, Context> attach(JobProgressListener listener) {
		return (context) -> context.put(JobProgressListener.class, listener);
	}

}
