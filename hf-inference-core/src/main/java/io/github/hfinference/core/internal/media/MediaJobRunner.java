package io.github.hfinference.core.internal.media;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.error.HfJobFailedException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.media.JobProgress;
import io.github.hfinference.core.media.JobProgress.JobProgressListener;
import io.github.hfinference.core.media.PollBackoff;
import io.github.hfinference.core.task.BinaryOutput;
import io.github.hfinference.core.task.RawResponse;

/**
 * Runs one media job to its end, whatever the provider: submit, poll the status URL with
 * bounded exponential backoff until a terminal state, fetch the result if needed, and
 * download the media. The provider only reads its answers ({@link MediaProvider#read}).
 * <p>
 * The whole job is bounded by one deadline; cancelling the returned {@code Mono} stops
 * polling at once and, when the provider named a cancel URL (Replicate {@code urls.cancel},
 * fal-ai {@code cancel_url}), sends it one best-effort cancel request; so does a job
 * past its deadline. Status polls and result fetches carry credentials only where
 * {@code credentials} allows (Hugging Face hosts, or the gateway's own host); media
 * downloads never carry any.
 */
public final class MediaJobRunner {

	private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(10);

	private final HttpTransport transport;

	private final BackOff backoff;

	private final Scheduler scheduler;

	/**
	 * Creates a runner.
	 * @param transport the transport
	 * @param backoff waits between status polls
	 * @param scheduler the scheduler the waits run on (virtual time in tests)
	 */
	public MediaJobRunner(HttpTransport transport, PollBackoff backoff, Scheduler scheduler) {
		this.transport = transport;
		this.backoff = backoff.toBackOff();
		this.scheduler = scheduler;
	}

	/**
	 * A runner with the default backoff on the parallel scheduler.
	 * @param transport the transport
	 */
	public MediaJobRunner(HttpTransport transport) {
		this(transport, PollBackoff.DEFAULT, Schedulers.parallel());
	}

	/**
	 * Runs a job.
	 * @param submit the submission call
	 * @param provider the provider's adapter
	 * @param credentials headers (user agent and, where allowed, authorization) for a
	 * status or result URL
	 * @param deadline the whole job's deadline, or null for none
	 * @return the media as a raw {@code 200} response: the submission's headers with the
	 * media's {@code Content-Type}, and the media's bytes
	 */
	public Mono<RawResponse> run(HttpCall submit, MediaProvider provider, Function<URI, HttpHeaders> credentials,
			@Nullable Duration deadline) {
		return Mono.deferContextual((context) -> {
			JobProgressListener listener = context.getOrDefault(JobProgressListener.class, (progress) -> {
			});
			Job job = new Job(submit, provider, credentials, listener, this.backoff.start(),
					this.scheduler.now(TimeUnit.MILLISECONDS));
			Mono<RawResponse> result = this.transport.exchange(submit, null).flatMap((answer) -> {
				job.submitHeaders = answer.headers();
				JobState submitted = read(job, answer);
				if (submitted instanceof JobState.Running running) {
					remember(job, running);
					report(job, submitted);
				}
				return next(job, submitted);
			});
			result = result.doOnEach((signal) -> job.finished = true).doOnCancel(() -> cancelOnProvider(job));
			if (deadline == null) {
				return result;
			}
			return result.timeout(deadline, this.scheduler)
				.onErrorMap(TimeoutException.class,
						(ex) -> new HfTimeoutException("Media job for model '" + submit.model() + "' on "
								+ provider.name() + " did not finish within " + deadline.toMillis()
								+ " ms (last status: " + job.lastStatus + ", " + job.polls + " polls)", ex));
		});
	}

	private Mono<RawResponse> next(Job job, JobState state) {
		if (state instanceof JobState.Inline inline) {
			return Mono.just(media(job, inline.output()));
		}
		if (state instanceof JobState.Download download) {
			HttpHeaders headers = new HttpHeaders();
			job.credentials.apply(download.url()).forEach((name, values) -> {
				if (!name.equalsIgnoreCase(HttpHeaders.AUTHORIZATION)) {
					headers.addAll(name, values);
				}
			});
			return this.transport.exchange(get(job, download.url(), headers), null)
				.map((answer) -> media(job, new BinaryOutput(answer.body(), contentType(answer))));
		}
		if (state instanceof JobState.Failed failed) {
			return Mono.error(new HfJobFailedException(job.provider.name(), job.submit.model(), failed.status(),
					failed.message()));
		}
		if (state instanceof JobState.FetchResult fetch) {
			job.lastStatus = fetch.status();
			URI url = (fetch.url() != null) ? fetch.url() : job.resultUrl;
			if (url == null) {
				return Mono.error(new HfResponseException("Media job on " + job.provider.name()
						+ " completed but named no result URL", null));
			}
			return this.transport.exchange(get(job, url, job.credentials.apply(url)), null)
				.flatMap((answer) -> {
					JobState result = read(job, answer);
					return (result instanceof JobState.Running || result instanceof JobState.FetchResult)
							? Mono.error(new HfResponseException("The result of the media job on "
									+ job.provider.name() + " holds no media", null))
							: next(job, result);
				});
		}
		JobState.Running running = (JobState.Running) state;
		remember(job, running);
		if (job.statusUrl == null) {
			return Mono.error(new HfResponseException("Media job on " + job.provider.name() + " is '"
					+ running.status() + "' but names no status URL to poll", null));
		}
		URI statusUrl = job.statusUrl;
		return Mono.delay(Duration.ofMillis(job.waits.nextBackOff()), this.scheduler)
			.then(Mono.defer(() -> {
				job.polls++;
				return this.transport.exchange(get(job, statusUrl, job.credentials.apply(statusUrl)), null);
			}))
			.flatMap((answer) -> {
				JobState polled = read(job, answer);
				report(job, polled);
				return next(job, polled);
			});
	}

	private static void remember(Job job, JobState.Running running) {
		job.lastStatus = running.status();
		if (running.statusUrl() != null) {
			job.statusUrl = job.provider.pollUrl(running.statusUrl(), job.submit.uri());
		}
		if (running.resultUrl() != null) {
			job.resultUrl = running.resultUrl();
		}
		if (running.cancelUrl() != null) {
			job.cancelUrl = running.cancelUrl();
		}
	}

	/**
	 * Asks the provider to stop a job this client no longer waits for (cancelled or past its
	 * deadline), if the provider named a cancel URL; best effort, the answer is ignored.
	 */
	private void cancelOnProvider(Job job) {
		URI url = job.cancelUrl;
		if (url == null || job.finished) {
			return;
		}
		HttpCall cancel = new HttpCall(job.provider.cancelMethod(), url, job.credentials.apply(url), null,
				job.submit.model(), job.submit.target());
		this.transport.exchange(cancel, CANCEL_TIMEOUT).subscribe((answer) -> {
		}, (failure) -> {
		});
	}

	private void report(Job job, JobState polled) {
		String status = "COMPLETED";
		if (polled instanceof JobState.Running running) {
			status = running.status();
		}
		else if (polled instanceof JobState.FetchResult fetch) {
			status = fetch.status();
		}
		else if (polled instanceof JobState.Failed failed) {
			status = failed.status();
		}
		Integer position = (polled instanceof JobState.Running running) ? running.queuePosition() : null;
		long now = this.scheduler.now(TimeUnit.MILLISECONDS);
		job.listener.onProgress(new JobProgress(job.provider.name(), status, position, job.polls,
				Duration.ofMillis(now - job.startedAt)));
	}

	private static JobState read(Job job, RawResponse answer) {
		JsonNode json;
		try {
			json = JsonCodec.get().parse(answer.body());
		}
		catch (RuntimeException ex) {
			throw new HfResponseException("Cannot read the answer of " + job.provider.name() + " about the media job: "
					+ ex.getMessage(), ex);
		}
		return job.provider.read(json);
	}

	private static HttpCall get(Job job, URI url, HttpHeaders headers) {
		return new HttpCall(HttpMethod.GET, url, headers, null, job.submit.model(), job.submit.target());
	}

	private static String contentType(RawResponse answer) {
		if (answer.contentType() != null && !answer.contentType().isCompatibleWith(
				MediaType.APPLICATION_OCTET_STREAM)) {
			return answer.contentType().toString();
		}
		return JsonAnswers.sniff(answer.body());
	}

	private static RawResponse media(Job job, BinaryOutput output) {
		HttpHeaders headers = new HttpHeaders();
		if (job.submitHeaders != null) {
			headers.addAll(job.submitHeaders);
		}
		headers.set(HttpHeaders.CONTENT_TYPE, output.contentType());
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		return new RawResponse(200, headers, output.bytes());
	}

	private static final class Job {

		final HttpCall submit;

		final MediaProvider provider;

		final Function<URI, HttpHeaders> credentials;

		final JobProgressListener listener;

		final long startedAt;

		@Nullable HttpHeaders submitHeaders;

		@Nullable URI statusUrl;

		@Nullable URI resultUrl;

		volatile @Nullable URI cancelUrl;

		volatile boolean finished;

		volatile String lastStatus = "submitted";

		volatile int polls;

		/** The waits before this job's status polls. */
		final BackOffExecution waits;

		Job(HttpCall submit, MediaProvider provider, Function<URI, HttpHeaders> credentials,
				JobProgressListener listener, BackOffExecution waits, long startedAt) {
			this.waits = waits;
			this.submit = submit;
			this.provider = provider;
			this.credentials = credentials;
			this.listener = listener;
			this.startedAt = startedAt;
		}

	}

}
