package io.github.hfinference.core.media;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Where a long-running media job stands, as last reported by its provider.
 *
 * @param provider the provider or gateway running the job
 * @param status the provider's status, verbatim ({@code IN_QUEUE}, {@code processing}, {@code Pending}, ...)
 * @param queuePosition the position in the provider's queue, when it tells
 * @param polls how many status requests were sent so far
 * @param elapsed time since the job was submitted
 */
public record JobProgress(String provider, String status, @Nullable Integer queuePosition, int polls,
		Duration elapsed) {

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

}
