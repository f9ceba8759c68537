package io.github.hfinference.core.media;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.TestModels;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.declarative.ConfiguredModel;
import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.declarative.HfModelProxyFactory;
import io.github.hfinference.core.declarative.InferenceTask;
import io.github.hfinference.core.declarative.ModelResolver;
import io.github.hfinference.core.error.HfJobFailedException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.error.HfUnsupportedProviderException;
import io.github.hfinference.core.media.JobProgress.JobProgressListener;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.BinaryOutput;
import io.github.hfinference.core.task.ImageTextToImage;
import io.github.hfinference.core.task.ImageTextToVideo;
import io.github.hfinference.core.task.ImageToVideo;
import io.github.hfinference.core.task.TextToAudio;
import io.github.hfinference.core.task.TextToImage;
import io.github.hfinference.core.task.TextToVideo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Long-running media jobs end to end against mock servers: queue progress, polls and
 * downloads, failure, deadline, cancellation, gateways with their own credentials, and
 * failover from a provider to a gateway.
 */
class MediaJobTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The first bytes of an MP4 file ({@code ....ftyp}). */
	private static final byte[] MP4 = { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm' };

	/** The first bytes of a PNG file. */
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 };

	private final MockWebServer router = new MockWebServer();

	private final MockWebServer cdn = new MockWebServer();

	private final MockWebServer gateway = new MockWebServer();

	@BeforeEach
	void start() throws IOException {
		this.router.start();
		this.cdn.start();
		this.gateway.start();
	}

	@AfterEach
	void stop() {
		this.router.close();
		this.cdn.close();
		this.gateway.close();
	}

	@Test
	void falQueueVideoReportsProgressPollsUntilCompletedAndDownloadsWithoutToken() throws Exception {
		mapping("fal-ai", "fal-ai/ltx-video", "text-to-video");
		String requests = base(this.router) + "/fal-ai/fal-ai/ltx-video/requests/r1";
		json(this.router, "{\"request_id\":\"r1\",\"status\":\"IN_QUEUE\",\"queue_position\":2,\"status_url\":\""
				+ requests + "/status\",\"response_url\":\"" + requests + "\"}");
		json(this.router, "{\"status\":\"IN_QUEUE\",\"queue_position\":1}");
		json(this.router, "{\"status\":\"IN_PROGRESS\"}");
		json(this.router, "{\"status\":\"COMPLETED\"}");
		json(this.router, "{\"video\":{\"url\":\"" + base(this.cdn) + "/files/video.mp4\"}}");
		this.cdn.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(MP4)).build());

		MediaJob<BinaryOutput> job = client(PollBackoff.DEFAULT.first(), null).submit(InferenceRequest
			.of(TextToVideo.TASK, model("video", new InferenceTarget.Router("fal-ai")), "A cat surfing")
			.withParameters(new TextToVideo.Parameters(null, null, 9, null, null, null, null, null,
					Map.of("resolution", "480p"))));
		BinaryOutput video = job.result().block(Duration.ofSeconds(30));
		List<JobProgress> progress = job.progress().collectList().block(Duration.ofSeconds(5));

		assertThat(video.bytes()).isEqualTo(MP4);
		assertThat(video.contentType()).isEqualTo("video/mp4");
		assertThat(progress).extracting(JobProgress::status)
			.containsExactly("IN_QUEUE", "IN_QUEUE", "IN_PROGRESS", "COMPLETED");
		assertThat(progress).extracting(JobProgress::queuePosition).containsExactly(2, 1, null, null);
		assertThat(progress).extracting(JobProgress::polls).containsExactly(0, 1, 2, 3);
		assertThat(progress).extracting(JobProgress::provider).containsOnly("fal-ai");
		assertThat(this.router.takeRequest().getTarget()).startsWith("/api/models/org/video");
		RecordedRequest submit = this.router.takeRequest();
		assertThat(submit.getTarget()).isEqualTo("/fal-ai/fal-ai/ltx-video?_subdomain=queue");
		assertThat(JSON.readTree(submit.getBody().utf8())).isEqualTo(
				JSON.readTree("{\"prompt\":\"A cat surfing\",\"num_frames\":9,\"resolution\":\"480p\"}"));
		assertPolled(this.router, 3, "/fal-ai/fal-ai/ltx-video/requests/r1/status", "Bearer hf_test");
		assertThat(this.router.takeRequest().getTarget()).isEqualTo("/fal-ai/fal-ai/ltx-video/requests/r1");
		assertThat(this.router.getRequestCount()).isEqualTo(6);
		RecordedRequest download = this.cdn.takeRequest();
		assertThat(download.getTarget()).isEqualTo("/files/video.mp4");
		assertThat(download.getHeaders().get("Authorization")).isNull();
	}

	@Test
	void failedReplicateJobRaisesTheProviderErrorAfterExactlyTwoPolls() {
		mapping("replicate", "genmo/mochi-1", "text-to-video");
		json(this.router, "{\"id\":\"p1\",\"status\":\"starting\",\"output\":null,\"urls\":{\"get\":\""
				+ base(this.router) + "/replicate/v1/predictions/p1\"}}");
		json(this.router, "{\"id\":\"p1\",\"status\":\"processing\",\"output\":null}");
		json(this.router, "{\"id\":\"p1\",\"status\":\"failed\",\"error\":\"CUDA out of memory\"}");

		assertThatExceptionOfType(HfJobFailedException.class)
			.isThrownBy(() -> client(Duration.ZERO, null)
				.call(TextToVideo.TASK, model("video", new InferenceTarget.Router("replicate")), "A cat", null)
				.block(Duration.ofSeconds(30)))
			.withMessageContaining("CUDA out of memory")
			.withMessageContaining("'failed'")
			.satisfies((ex) -> assertThat(ex.status()).isEqualTo("failed"));
		assertThat(this.router.getRequestCount()).as("mapping, submission, 2 polls").isEqualTo(4);
	}

	@Test
	void jobPastItsDeadlineTimesOutNamingTheLastStatus() throws Exception {
		replicateJobStillProcessingAfterTwoPolls();
		// the third poll gets no answer: the job is still running when the deadline passes
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		CompletableFuture<Throwable> failure = new CompletableFuture<>();
		client(Duration.ZERO, time)
			.call(TextToVideo.TASK,
					model("video", new InferenceTarget.Router("replicate"), Duration.ofMinutes(5)), "A cat", null)
			.subscribe(null, failure::complete);
		for (int request = 0; request < 5; request++) {
			assertThat(this.router.takeRequest(30, TimeUnit.SECONDS)).isNotNull();
		}
		time.advanceTimeBy(Duration.ofMinutes(5));

		assertThat(failure.get(30, TimeUnit.SECONDS)).isInstanceOf(HfTimeoutException.class)
			.hasMessageContaining("did not finish within 300000 ms")
			.hasMessageContaining("last status: processing")
			.hasMessageContaining("3 polls");
		assertThat(this.router.getRequestCount()).as("mapping, submission, 3 polls").isEqualTo(5);
	}

	@Test
	void cancellingTheResultStopsPolling() throws Exception {
		replicateJobStillProcessingAfterTwoPolls();
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		WatchedJob job = watchReplicateVideo(time);
		BlockingQueue<JobProgress> progress = job.progress();
		this.router.takeRequest(30, TimeUnit.SECONDS);
		this.router.takeRequest(30, TimeUnit.SECONDS);
		while (progress.size() < 2) {
			time.advanceTimeBy(Duration.ofMillis(100));
			Thread.onSpinWait();
		}

		job.result().dispose();
		time.advanceTimeBy(Duration.ofHours(1));

		assertThat(progress).extracting(JobProgress::status).containsExactly("starting", "processing");
		assertThat(this.router.getRequestCount()).as("mapping, submission, 1 poll, nothing after cancel")
			.isEqualTo(3);
	}

	@Test
	void cancellingAReplicateJobStopsPollingAndCancelsThePrediction() throws Exception {
		mapping("replicate", "genmo/mochi-1", "text-to-video");
		String prediction = base(this.router) + "/replicate/v1/predictions/p1";
		json(this.router, "{\"id\":\"p1\",\"status\":\"starting\",\"urls\":{\"get\":\"" + prediction
				+ "\",\"cancel\":\"" + prediction + "/cancel\"}}");
		json(this.router, "{\"id\":\"p1\",\"status\":\"canceled\"}");
		json(this.router, "{\"id\":\"p1\",\"status\":\"processing\"}");
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		WatchedJob job = watchReplicateVideo(time);
		BlockingQueue<JobProgress> progress = job.progress();
		assertThat(progress.poll(30, TimeUnit.SECONDS)).extracting(JobProgress::status).isEqualTo("starting");

		job.result().dispose();
		assertThat(this.router.takeRequest().getMethod()).as("mapping").isEqualTo("GET");
		assertThat(this.router.takeRequest().getMethod()).as("submission").isEqualTo("POST");
		RecordedRequest cancel = this.router.takeRequest(30, TimeUnit.SECONDS);
		time.advanceTimeBy(Duration.ofHours(1));

		assertThat(cancel.getMethod()).isEqualTo("POST");
		assertThat(cancel.getTarget()).isEqualTo("/replicate/v1/predictions/p1/cancel");
		assertThat(cancel.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
		assertThat(this.router.getRequestCount()).as("mapping, submission, cancel, no poll").isEqualTo(3);
	}

	@Test
	void gatewayImageUsesItsOwnCredentialsAndOpenAiBody() throws Exception {
		json(this.gateway, "{\"created\":1,\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(PNG)
				+ "\"}]}");
		InferenceTarget.Gateway target = new InferenceTarget.Gateway("gw", URI.create(base(this.gateway) + "/v1"),
				HfToken.of("gw_secret", "test"), false);

		BinaryOutput image = client(Duration.ZERO, null).call(TextToImage.TASK, model("image", target),
				"A red fox", TextToImage.Parameters.size(512, 512)).block(Duration.ofSeconds(30));

		assertThat(image.bytes()).isEqualTo(PNG);
		assertThat(image.contentType()).isEqualTo("image/png");
		RecordedRequest request = this.gateway.takeRequest();
		assertThat(request.getTarget()).isEqualTo("/v1/images/generations");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer gw_secret");
		assertThat(JSON.readTree(request.getBody().utf8())).isEqualTo(JSON.readTree(
				"{\"model\":\"org/image\",\"prompt\":\"A red fox\",\"size\":\"512x512\",\"response_format\":\"b64_json\"}"));
	}

	@Test
	void gatewayNeverReceivesTheHuggingFaceTokenUnlessAllowed() throws Exception {
		json(this.gateway, "{\"data\":[{\"url\":\"" + base(this.cdn) + "/img.png\"}]}");
		this.cdn.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
			.body(new Buffer().write(PNG)).build());
		InferenceTarget.Gateway target = new InferenceTarget.Gateway("gw", URI.create(base(this.gateway)), null,
				false);

		BinaryOutput image = client(Duration.ZERO, null).call(TextToImage.TASK, model("image", target), "A fox",
				null).block(Duration.ofSeconds(30));

		assertThat(image.bytes()).isEqualTo(PNG);
		assertThat(this.gateway.takeRequest().getHeaders().get("Authorization")).isNull();
		assertThat(this.cdn.takeRequest().getHeaders().get("Authorization")).isNull();
	}

	@Test
	void gatewayVideoJobIsPolledWithTheGatewayCredentials() throws Exception {
		json(this.gateway, "{\"id\":\"v1\",\"status\":\"queued\"}");
		json(this.gateway, "{\"id\":\"v1\",\"status\":\"in_progress\"}");
		json(this.gateway, "{\"id\":\"v1\",\"status\":\"completed\",\"data\":[{\"url\":\"" + base(this.cdn)
				+ "/v.mp4\"}]}");
		this.cdn.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(MP4)).build());
		InferenceTarget.Gateway target = new InferenceTarget.Gateway("gw", URI.create(base(this.gateway)),
				HfToken.of("gw_secret", "test"), false);

		BinaryOutput video = client(Duration.ZERO, null)
			.call(ImageToVideo.TASK, model("video", target), BinaryInput.of(PNG),
					new TextToVideo.Parameters("Make it move", null, null, null, null, null, 5, "1280x720", null))
			.block(Duration.ofSeconds(30));

		assertThat(video.contentType()).isEqualTo("video/mp4");
		RecordedRequest submit = this.gateway.takeRequest();
		assertThat(submit.getTarget()).isEqualTo("/v1/videos/generations");
		JsonNode body = JSON.readTree(submit.getBody().utf8());
		assertThat(body.path("model").asString()).isEqualTo("org/video");
		assertThat(body.path("prompt").asString()).isEqualTo("Make it move");
		assertThat(body.path("duration").intValue()).isEqualTo(5);
		assertThat(body.path("size").asString()).isEqualTo("1280x720");
		assertThat(body.path("image").asString()).startsWith("data:image/png;base64,");
		assertPolled(this.gateway, 2, "/v1/videos/generations/v1", "Bearer gw_secret");
		assertThat(this.cdn.takeRequest().getHeaders().get("Authorization")).isNull();
	}

	@Test
	void videoModelFailsOverFromAnUnavailableProviderToAGateway() throws Exception {
		mapping("fal-ai", "fal-ai/ltx-video", "text-to-video");
		this.router.enqueue(new MockResponse.Builder().code(503)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":\"Service Unavailable\"}")
			.build());
		json(this.gateway, "{\"data\":[{\"b64_json\":\"" + Base64.getEncoder().encodeToString(MP4) + "\"}]}");
		ModelDefinition video = ModelDefinition.builder("video")
			.id("org/video")
			.target(new InferenceTarget.Router("fal-ai"))
			.target(new InferenceTarget.Gateway("gw", URI.create(base(this.gateway)), HfToken.of("gw_secret", "t"),
					false))
			.policy(ResiliencePolicy.defaults().withCircuitBreaker(CircuitBreakerSettings.disabled()))
			.build();

		BinaryOutput result = client(Duration.ZERO, null).call(TextToVideo.TASK, video, "A cat", null)
			.block(Duration.ofSeconds(30));

		assertThat(result.bytes()).isEqualTo(MP4);
		assertThat(this.router.getRequestCount()).as("mapping and one submission").isEqualTo(2);
		assertThat(this.gateway.getRequestCount()).isEqualTo(1);
	}

	@Test
	void imageToImageOnFalSendsTheImageAsADataUrlAndThePrompt() throws Exception {
		mapping("fal-ai", "fal-ai/flux/dev/image-to-image", "image-to-image");
		json(this.router, "{\"images\":[{\"url\":\"" + base(this.cdn) + "/out.png\"}]}");
		this.cdn.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png")
			.body(new Buffer().write(PNG)).build());

		BinaryOutput image = client(Duration.ZERO, null)
			.call(io.github.hfinference.core.task.ImageToImage.TASK, model("image", new InferenceTarget.Router("fal-ai")),
					new BinaryInput(PNG, "image/png"),
					new io.github.hfinference.core.task.ImageToImage.Parameters("Make it blue", null, null, 20, null))
			.block(Duration.ofSeconds(30));

		assertThat(image.bytes()).isEqualTo(PNG);
		this.router.takeRequest();
		RecordedRequest submit = this.router.takeRequest();
		assertThat(submit.getTarget()).isEqualTo("/fal-ai/fal-ai/flux/dev/image-to-image");
		assertThat(JSON.readTree(submit.getBody().utf8())).isEqualTo(JSON.readTree("{\"prompt\":\"Make it blue\","
				+ "\"num_inference_steps\":20,\"image_url\":\"data:image/png;base64,"
				+ Base64.getEncoder().encodeToString(PNG) + "\"}"));
		assertThat(this.cdn.takeRequest().getHeaders().get("Authorization")).isNull();
	}

	@Test
	void providerThatCannotServeTheTaskIsRefusedBeforeSendingNamingTheProvidersThatDo() {
		assertThatExceptionOfType(HfUnsupportedProviderException.class)
			.isThrownBy(() -> client(Duration.ZERO, null)
				.call(TextToVideo.TASK, model("video", new InferenceTarget.Router("together")), "A cat", null)
				.block(Duration.ofSeconds(30)))
			.withMessageStartingWith("Provider 'together' does not serve task 'text-to-video'; providers that do: fal-ai, "
					+ "replicate, wavespeed");
		assertThat(this.router.getRequestCount()).isZero();
	}

	@Test
	void videoOnHfInferenceIsRefusedBeforeSendingAsTheOfficialClientsDo() {
		HfInferenceClient client = client(Duration.ZERO, null);

		assertThatExceptionOfType(HfUnsupportedProviderException.class)
			.isThrownBy(() -> client.call(ImageToVideo.TASK, ModelDefinition.of("org/video", "hf-inference"),
					new BinaryInput(PNG, "image/png"), null).block(Duration.ofSeconds(30)))
			.withMessageStartingWith("Provider 'hf-inference' does not serve task 'image-to-video'; providers that do: fal-ai, "
					+ "wavespeed")
			.satisfies((ex) -> assertThat(ex.task()).isEqualTo("image-to-video"));
		assertThatExceptionOfType(HfUnsupportedProviderException.class)
			.isThrownBy(() -> client.call(TextToVideo.TASK, ModelDefinition.of("org/video", "hf-inference"), "A cat",
					null).block(Duration.ofSeconds(30)))
			.satisfies((ex) -> assertThat(ex.alternatives()).containsExactly("fal-ai", "replicate", "wavespeed"));
		assertThat(this.router.getRequestCount()).isZero();
	}

	@Test
	void textToAudioOnFalAiIsQueuedAndTheAudioFileDownloaded() throws Exception {
		byte[] wav = "RIFF....WAVEfmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		BinaryOutput audio = falQueueJob("stable-audio", "fal-ai/stable-audio", "text-to-audio",
				"{\"audio_file\":{\"url\":\"" + base(this.cdn) + "/a.wav\"}}", wav,
				(client, model) -> client.call(TextToAudio.TASK, model, "Rain on a tin roof",
						TextToAudio.Parameters.extra(Map.of("seconds_total", 5))));

		assertThat(audio.bytes()).isEqualTo(wav);
		assertSubmitted("/fal-ai/fal-ai/stable-audio?_subdomain=queue",
				"{\"prompt\":\"Rain on a tin roof\",\"seconds_total\":5}");
	}

	@Test
	void imageTextToImageOnFalAiSendsTheImageAsUrlAndUrlListWithThePrompt() throws Exception {
		BinaryOutput image = falQueueJob("edit", "fal-ai/flux-kontext", "image-text-to-image",
				"{\"images\":[{\"url\":\"" + base(this.cdn) + "/e.png\"}]}", PNG,
				(client, model) -> client.call(ImageTextToImage.TASK, model, new BinaryInput(PNG, "image/png"),
						io.github.hfinference.core.task.ImageToImage.Parameters.prompt("Add a hat")));

		assertThat(image.contentType()).isEqualTo("image/png");
		String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG);
		assertSubmitted("/fal-ai/fal-ai/flux-kontext?_subdomain=queue", "{\"prompt\":\"Add a hat\",\"image_url\":\""
				+ dataUrl + "\",\"image_urls\":[\"" + dataUrl + "\"]}");
	}

	@Test
	void imageTextToVideoOnFalAiSendsTheImageWithThePromptAndDownloadsTheVideo() throws Exception {
		BinaryOutput video = falQueueJob("animate", "fal-ai/wan-i2v", "image-text-to-video",
				"{\"video\":{\"url\":\"" + base(this.cdn) + "/v.mp4\"}}", MP4,
				(client, model) -> client.call(ImageTextToVideo.TASK, model, new BinaryInput(PNG, "image/png"),
						new TextToVideo.Parameters("It waves", null, null, null, null, null, null, null, null)));

		assertThat(video.contentType()).isEqualTo("video/mp4");
		assertSubmitted("/fal-ai/fal-ai/wan-i2v?_subdomain=queue", "{\"prompt\":\"It waves\",\"image_url\":\""
				+ "data:image/png;base64," + Base64.getEncoder().encodeToString(PNG) + "\"}");
	}

	@Test
	void wavespeedImageTextToVideoIsPolledThroughTheRouterAndDownloadedWithoutToken() throws Exception {
		mapping("wavespeed", "wavespeed-ai/wan-2.1/i2v-480p", "image-text-to-video");
		json(this.router, "{\"code\":200,\"message\":\"success\",\"data\":{\"id\":\"t1\",\"urls\":{\"get\":"
				+ "\"https://api.wavespeed.ai/api/v3/predictions/t1/result\"}}}");
		json(this.router, "{\"code\":200,\"data\":{\"id\":\"t1\",\"status\":\"processing\",\"outputs\":[]}}");
		json(this.router, "{\"code\":200,\"data\":{\"id\":\"t1\",\"status\":\"completed\",\"outputs\":[\""
				+ base(this.cdn) + "/w.mp4\"]}}");
		this.cdn.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(MP4)).build());

		BinaryOutput video = client(Duration.ZERO, null)
			.call(ImageTextToVideo.TASK, model("animate", new InferenceTarget.Router("wavespeed")),
					new BinaryInput(PNG, "image/png"),
					new TextToVideo.Parameters("It waves", null, null, null, null, null, null, null, null))
			.block(Duration.ofSeconds(30));

		assertThat(video.bytes()).isEqualTo(MP4);
		this.router.takeRequest();
		RecordedRequest submit = this.router.takeRequest();
		assertThat(submit.getTarget()).isEqualTo("/wavespeed/api/v3/wavespeed-ai/wan-2.1/i2v-480p");
		String base64 = Base64.getEncoder().encodeToString(PNG);
		assertThat(JSON.readTree(submit.getBody().utf8())).isEqualTo(JSON.readTree("{\"prompt\":\"It waves\","
				+ "\"image\":\"" + base64 + "\",\"images\":[\"" + base64 + "\"]}"));
		assertPolled(this.router, 2, "/wavespeed/api/v3/predictions/t1/result", "Bearer hf_test");
		assertThat(this.cdn.takeRequest().getHeaders().get("Authorization")).isNull();
	}

	@Test
	void failedWavespeedTaskRaisesItsError() {
		mapping("wavespeed", "wavespeed-ai/flux-dev", "text-to-image");
		json(this.router, "{\"code\":200,\"data\":{\"id\":\"t2\",\"urls\":{\"get\":"
				+ "\"https://api.wavespeed.ai/api/v3/predictions/t2/result\"}}}");
		json(this.router, "{\"code\":200,\"data\":{\"id\":\"t2\",\"status\":\"failed\",\"error\":\"NSFW\"}}");

		assertThatExceptionOfType(HfJobFailedException.class)
			.isThrownBy(() -> client(Duration.ZERO, null)
				.call(TextToImage.TASK, model("image", new InferenceTarget.Router("wavespeed")), "A cat", null)
				.block(Duration.ofSeconds(30)))
			.withMessageContaining("NSFW");
	}

	/**
	 * Runs one fal-ai queue job (submission, one poll answering COMPLETED, the result) on the
	 * mock router and downloads {@code media} from the CDN.
	 */
	private BinaryOutput falQueueJob(String name, String providerId, String task, String result, byte[] media,
			java.util.function.BiFunction<HfInferenceClient, ModelDefinition, Mono<BinaryOutput>> call) {
		mapping("fal-ai", providerId, task);
		String requests = base(this.router) + "/fal-ai/" + providerId + "/requests/r1";
		json(this.router, "{\"request_id\":\"r1\",\"status\":\"IN_QUEUE\",\"status_url\":\"" + requests
				+ "/status\",\"response_url\":\"" + requests + "\"}");
		json(this.router, "{\"status\":\"COMPLETED\"}");
		json(this.router, result);
		this.cdn.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(media)).build());
		return call.apply(client(Duration.ZERO, null), model(name, new InferenceTarget.Router("fal-ai")))
			.block(Duration.ofSeconds(30));
	}

	private void assertSubmitted(String target, String body) throws InterruptedException {
		assertThat(this.router.takeRequest().getTarget()).startsWith("/api/models/org/");
		RecordedRequest submit = this.router.takeRequest();
		assertThat(submit.getTarget()).isEqualTo(target);
		assertThat(JSON.readTree(submit.getBody().utf8())).isEqualTo(JSON.readTree(body));
		assertThat(this.cdn.takeRequest().getHeaders().get("Authorization")).isNull();
	}

	@Test
	void declarativeMethodGeneratesAVideo() throws Exception {
		mapping("fal-ai", "fal-ai/ltx-video", "text-to-video");
		json(this.router, "{\"video\":{\"url\":\"" + base(this.cdn) + "/v.mp4\"}}");
		this.cdn.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(MP4)).build());
		HfModelProxyFactory factory = HfModelProxyFactory.builder(client(Duration.ZERO, null))
			.modelResolver(ModelResolver
				.of(Map.of("video", ConfiguredModel.of(model("video", new InferenceTarget.Router("fal-ai"))))))
			.build();
		VideoMaker maker = factory.createClient(VideoMaker.class);

		Mono<BinaryOutput> video = maker.generate("A cat surfing", TextToVideo.Parameters.extra(Map.of("seed", 7)));
		List<JobProgress> seen = new ArrayList<>();
		BinaryOutput output = video.contextWrite(JobProgressListener.attach(seen::add)).block(Duration.ofSeconds(30));

		assertThat(output.bytes()).isEqualTo(MP4);
		this.router.takeRequest();
		assertThat(JSON.readTree(this.router.takeRequest().getBody().utf8()))
			.isEqualTo(JSON.readTree("{\"prompt\":\"A cat surfing\",\"seed\":7}"));
		assertThat(seen).as("a synchronous answer has no polls").isEmpty();
	}

	/** A declarative video client. */
	@HfModel("video")
	interface VideoMaker {

		@InferenceTask("text-to-video")
		Mono<BinaryOutput> generate(String prompt, TextToVideo.Parameters parameters);

	}

	private HfInferenceClient client(Duration pollWait, VirtualTimeScheduler time) {
		HfInferenceClient.Builder builder = MockServerFixture.builder(this.router.url("/").uri())
			.pollBackoff(new PollBackoff(pollWait, pollWait));
		if (time != null) {
			builder.scheduler(time);
		}
		return builder.build();
	}

	private static ModelDefinition model(String name, InferenceTarget target) {
		return model(name, target, null);
	}

	private static ModelDefinition model(String name, InferenceTarget target, Duration timeout) {
		return ModelDefinition.builder(name)
			.id("org/" + name)
			.target(target)
			.timeout(timeout)
			.policy(TestModels.SINGLE_ATTEMPT)
			.build();
	}

	/** The next {@code polls} requests to {@code server} poll {@code target} with {@code authorization}. */
	private static void assertPolled(MockWebServer server, int polls, String target, String authorization)
			throws InterruptedException {
		for (int poll = 0; poll < polls; poll++) {
			RecordedRequest status = server.takeRequest();
			assertThat(status.getTarget()).isEqualTo(target);
			assertThat(status.getHeaders().get("Authorization")).isEqualTo(authorization);
		}
	}

	/**
	 * Submits a video job to Replicate, polled every second on {@code time}, and subscribes
	 * to its progress and its result.
	 */
	private WatchedJob watchReplicateVideo(VirtualTimeScheduler time) {
		MediaJob<BinaryOutput> job = client(Duration.ofSeconds(1), time).submit(InferenceRequest.of(TextToVideo.TASK,
				model("video", new InferenceTarget.Router("replicate")), "A cat"));
		BlockingQueue<JobProgress> progress = new LinkedBlockingQueue<>();
		job.progress().subscribe(progress::add);
		return new WatchedJob(progress, job.result().subscribe());
	}

	/**
	 * A submitted job's progress so far and the subscription to its result.
	 *
	 * @param progress the progress reports received
	 * @param result the subscription to the result; disposing it cancels the job
	 */
	private record WatchedJob(BlockingQueue<JobProgress> progress, Disposable result) {

	}

	/** Replicate's mapping, a started prediction, and two polls answering that it is still processing. */
	private void replicateJobStillProcessingAfterTwoPolls() {
		mapping("replicate", "genmo/mochi-1", "text-to-video");
		json(this.router, "{\"id\":\"p1\",\"status\":\"starting\",\"urls\":{\"get\":\"" + base(this.router)
				+ "/replicate/v1/predictions/p1\"}}");
		json(this.router, "{\"id\":\"p1\",\"status\":\"processing\"}");
		json(this.router, "{\"id\":\"p1\",\"status\":\"processing\"}");
	}

	private void mapping(String provider, String providerId, String task) {
		json(this.router, "{\"id\":\"org/video\",\"inferenceProviderMapping\":{\"" + provider
				+ "\":{\"status\":\"live\",\"providerId\":\"" + providerId + "\",\"task\":\"" + task + "\"}}}");
	}

	private static void json(MockWebServer server, String body) {
		server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body)
			.build());
	}

	private static String base(MockWebServer server) {
		return server.url("/").toString().replaceAll("/$", "");
	}

}
