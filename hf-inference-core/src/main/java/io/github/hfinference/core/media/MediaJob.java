package io.github.hfinference.core.media;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import io.github.hfinference.core.media.JobProgress.JobProgressListener;

/**
 * A media generation call whose progress can be watched: {@link #progress()} reports each
 * status answer of the provider, {@link #result()} completes with the media. Subscribing to
 * {@code result()} starts the call; disposing that subscription cancels it and stops
 * polling. {@code progress()} completes when the result does.
 *
 * @param <R> the result type
 */
public final class MediaJob<R> {

	private final Sinks.Many<JobProgress> progress = Sinks.many().replay().all();

	private final Mono<R> result;

	private MediaJob(Mono<R> call) {
		this.result = call.contextWrite(JobProgressListener.attach((update) -> this.progress.tryEmitNext(update)))
			.doFinally((signal) -> this.progress.tryEmitComplete());
	}

	/**
	 * Wraps a call.
	 * @param <R> the result type
	 * @param call the call, not yet subscribed
	 * @return the handle
	 */
	public static <R> MediaJob<R> of(Mono<R> call) {
		return new MediaJob<>(call);
	}

	/** The provider's status updates, replayed to late subscribers; completes with the job. */
	public Flux<JobProgress> progress() {
		return this.progress.asFlux();
	}

	/** The media; subscribe once to start the job, dispose to cancel it. */
	public Mono<R> result() {
		return this.result;
	}

}
