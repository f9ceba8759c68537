package io.github.hfinference.core.internal.media;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.task.BinaryOutput;

/**
 * What a provider's answer (to the submission, a status poll or a result fetch) says about
 * a job: still running, done with the media inline or at a URL, a result to fetch, or failed.
 */
public sealed interface JobState {

	/**
	 * The job is queued or running; poll {@code statusUrl}.
	 *
	 * @param status the provider's status
	 * @param queuePosition the queue position, if known
	 * @param statusUrl where to poll
	 * @param resultUrl where to fetch the result once the status is terminal, or null if
	 * the status answer itself carries the result
	 * @param cancelUrl where to ask the provider to cancel the job, or null if it cannot
	 */
	record Running(String status, @Nullable Integer queuePosition, @Nullable URI statusUrl, @Nullable URI resultUrl,
			@Nullable URI cancelUrl) implements JobState {

		/**
		 * A running job without result or cancel URL.
		 * @param status the provider's status
		 * @param statusUrl where to poll
		 * @return the state
		 */
		static Running polling(String status, @Nullable URI statusUrl) {
			return new Running(status, null, statusUrl, null, null);
		}

	}

	/**
	 * The status poll reported completion; the result must be fetched from {@code url}.
	 *
	 * @param status the terminal status
	 * @param url the result URL (JSON answer read again by the provider)
	 */
	record FetchResult(String status, @Nullable URI url) implements JobState {
	}

	/**
	 * The media, inline.
	 *
	 * @param output the media
	 */
	record Inline(BinaryOutput output) implements JobState {
	}

	/**
	 * The media is at a URL (a provider CDN) to download without credentials.
	 *
	 * @param url the media URL
	 */
	record Download(URI url) implements JobState {
	}

	/**
	 * The job failed or was cancelled on the provider's side.
	 *
	 * @param status the provider's status
	 * @param message the provider's error message
	 */
	record Failed(String status, String message) implements JobState {
	}

}
