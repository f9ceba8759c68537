package io.github.hfinference.test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.MockResponse;

import io.github.hfinference.test.internal.StubRoute;
import io.github.hfinference.test.internal.WireFormat;

/**
 * Runs a scripted binary answer of a {@code fal-ai} model as fal does: a queued request
 * ({@code ?_subdomain=queue}, videos) gets {@code request_id}, {@code status_url} and
 * {@code response_url}; the status is {@code IN_PROGRESS} on the first poll and
 * {@code COMPLETED} after; the result names the media URL ({@code video.url} or
 * {@code images[0].url}), which serves the bytes. A direct request (images) gets the
 * result at once.
 */
final class MediaJobs {

	private static final Pattern JOB = Pattern.compile(StubRoute.MEDIA + "([^/]+)/(status|result|content)");

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();

	private final AtomicInteger ids = new AtomicInteger();

	/**
	 * Turns a successful answer into a job; failures pass through.
	 * @param answer the scripted answer
	 * @param queued whether the request asked for fal's queue
	 * @param urls resolves a stub path to its URL
	 * @return the response to the submission
	 */
	MockResponse submit(MockResponse answer, boolean queued, Function<String, URI> urls) {
		if (answer.getCode() != 200 || answer.getBody() == null) {
			return answer;
		}
		okio.Buffer content = new okio.Buffer();
		try {
			answer.getBody().writeTo(content);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		String contentType = answer.getHeaders().get("Content-Type");
		String id = "job-" + this.ids.incrementAndGet();
		boolean video = contentType != null && contentType.startsWith("video/");
		Job job = new Job(content.readByteArray(), (contentType != null) ? contentType : "application/octet-stream",
				video, urls.apply(StubRoute.MEDIA + id + "/"));
		this.jobs.put(id, job);
		if (!queued) {
			return Script.response(200, WireFormat.json(job.result())).build();
		}
		return Script.response(200, WireFormat.json(Map.of("request_id", id, "status", "IN_QUEUE", "status_url",
				job.base + "status", "response_url", job.base + "result"))).build();
	}

	/**
	 * Answers a poll, a result fetch or a download.
	 * @param path the request path
	 * @return the response
	 */
	MockResponse answer(String path) {
		Matcher matcher = JOB.matcher(path);
		Job job = matcher.matches() ? this.jobs.get(matcher.group(1)) : null;
		if (job == null) {
			return Script.response(404, WireFormat.json(Map.of("detail", "No media job at " + path))).build();
		}
		return switch (matcher.group(2)) {
			case "status" -> Script.response(200, WireFormat.json((job.polls.getAndIncrement() == 0)
					? Map.of("status", "IN_PROGRESS") : Map.of("status", "COMPLETED", "response_url",
							job.base + "result"))).build();
			case "result" -> Script.response(200, WireFormat.json(job.result())).build();
			default -> Script.response(200, new WireFormat.Body(job.bytes, job.contentType)).build();
		};
	}

	void clear() {
		this.jobs.clear();
	}

	private record Job(byte[] bytes, String contentType, boolean video, URI base, AtomicInteger polls) {

		Job(byte[] bytes, String contentType, boolean video, URI base) {
			this(bytes, contentType, video, base, new AtomicInteger());
		}

		Map<String, Object> result() {
			Map<String, Object> media = Map.of("url", this.base + "content", "content_type", this.contentType);
			return this.video ? Map.of("video", media) : Map.of("images", List.of(media));
		}

	}

}
