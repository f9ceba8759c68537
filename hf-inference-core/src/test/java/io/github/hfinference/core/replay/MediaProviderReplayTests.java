package io.github.hfinference.core.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.error.HfUnsupportedProviderException;
import io.github.hfinference.core.media.PollBackoff;
import io.github.hfinference.core.task.BinaryOutput;
import io.github.hfinference.core.task.TextToImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Replays the recorded text-to-image exchanges with third-party providers (hf-protocol.md
 * §b "Long-running providers"): Hub mapping, submission on the router, status polls and the
 * CDN download, checking the route, the provider-side body, the number of polls, that the
 * media comes back, and that the Hugging Face token never reaches a provider CDN.
 */
class MediaProviderReplayTests {

	private static final Pattern FOREIGN_URL = Pattern
		.compile("https://(?!router\\.huggingface\\.co|huggingface\\.co)[a-z0-9.-]+");

	private MockWebServer router;

	private MockWebServer cdn;

	@BeforeEach
	void start() throws Exception {
		this.router = new MockWebServer();
		this.router.start();
		this.cdn = new MockWebServer();
		this.cdn.start();
	}

	@AfterEach
	void stop() {
		this.router.close();
		this.cdn.close();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "fal-ai, black-forest-labs/FLUX.1-dev, /fal-ai/fal-ai/flux/dev, 0, image/png",
			"replicate, ByteDance/SDXL-Lightning, /replicate/v1/predictions, 0, image/png",
			"together, stabilityai/stable-diffusion-xl-base-1.0, /together/v1/images/generations, 0, image/jpeg" })
	void textToImageThroughProvider(String provider, String modelId, String route, int polls, String contentType)
			throws Exception {
		List<Interaction> recorded = Recordings.cassette(Recordings.HUB,
				"TestInferenceClient.test_text_to_image_default[" + provider + ",text-to-image].yaml");
		Interaction submit = null;
		byte[] expectedMedia = null;
		for (Interaction interaction : recorded) {
			boolean huggingFace = interaction.uri().getHost().endsWith("huggingface.co");
			(huggingFace ? this.router : this.cdn).enqueue(rewritten(interaction));
			if (interaction.method().equals("POST")) {
				submit = interaction;
			}
			if (!huggingFace && !interaction.responseContentType().contains("json")) {
				expectedMedia = interaction.responseBody();
			}
		}
		HfInferenceClient client = HfInferenceClient.builder()
			.token(ReplaySupport.TOKEN)
			.noTokenLookup()
			.baseUrl(this.router.url("/").uri())
			.hubUrl(this.router.url("/").uri())
			.pollBackoff(new PollBackoff(Duration.ZERO, Duration.ZERO))
			.build();
		TextToImage.Parameters parameters = submit.requestJson().has("width")
				? TextToImage.Parameters.size(submit.requestJson().path("width").intValue(),
						submit.requestJson().path("height").intValue())
				: null;

		BinaryOutput image = client
			.execute(InferenceRequest.of(TextToImage.TASK, ReplaySupport.viaRouter(modelId, provider),
					"An astronaut riding a horse on the moon.").withParameters(parameters))
			.block(Duration.ofSeconds(30))
			.value();

		assertThat(this.router.takeRequest().getTarget()).startsWith("/api/models/" + modelId);
		RecordedRequest sent = this.router.takeRequest();
		assertThat(sent.getTarget()).isEqualTo(route);
		JsonNode body = ReplaySupport.JSON.readTree(sent.getBody().utf8());
		ObjectNode expectedBody = (ObjectNode) submit.requestJson();
		assertThat(body).isEqualTo(expectedBody);
		assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + ReplaySupport.TOKEN);
		if (provider.equals("replicate")) {
			assertThat(sent.getHeaders().get("Prefer")).isEqualTo("wait");
		}
		List<RecordedRequest> foreign = new ArrayList<>();
		for (int i = 0; i < this.cdn.getRequestCount(); i++) {
			foreign.add(this.cdn.takeRequest());
		}
		assertThat(foreign).allSatisfy((request) -> {
			assertThat(request.getMethod()).isEqualTo("GET");
			assertThat(request.getHeaders().get("Authorization")).as("token sent to a provider host").isNull();
		});
		long statusPolls = foreign.stream().filter((request) -> request.getTarget().contains("get_result")).count();
		assertThat(statusPolls).isEqualTo(polls);
		assertThat(image.contentType()).isEqualTo(contentType);
		if (expectedMedia != null) {
			assertThat(image.bytes()).isEqualTo(expectedMedia);
		}
		else {
			assertThat(image.bytes()).hasSizeGreaterThan(1000);
		}
	}

	/**
	 * The 2025 recordings of black-forest-labs, nebius and hyperbolic: the router no longer
	 * serves them, so the client refuses them before any request, naming the current providers.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "black-forest-labs, black-forest-labs/FLUX.1-dev", "nebius, stabilityai/stable-diffusion-xl-base-1.0",
			"hyperbolic, stabilityai/stable-diffusion-2" })
	void recordedProviderTheRouterNoLongerServesIsRefusedBeforeSending(String provider, String modelId) {
		assertThat(Recordings.cassette(Recordings.HUB,
				"TestInferenceClient.test_text_to_image_default[" + provider + ",text-to-image].yaml"))
			.as("the recording exists")
			.isNotEmpty();

		assertThatExceptionOfType(HfUnsupportedProviderException.class)
			.isThrownBy(() -> ReplaySupport.viaRouter(modelId, provider))
			.withMessageStartingWith("Provider '" + provider + "' is no longer served by the Hugging Face router; "
					+ "current providers: auto, baseten, cerebras,")
			.withMessageContaining("fal-ai")
			.satisfies((ex) -> assertThat(ex.alternatives()).hasSize(19).doesNotContain(provider));
		assertThat(this.router.getRequestCount()).isZero();
	}

	private MockResponse rewritten(Interaction interaction) {
		MockResponse recorded = ReplaySupport.recordedResponse(interaction);
		if (!interaction.responseContentType().contains("json")) {
			return recorded;
		}
		String cdnBase = this.cdn.url("/").toString().replaceAll("/$", "");
		String body = FOREIGN_URL.matcher(new String(interaction.responseBody(), StandardCharsets.UTF_8))
			.replaceAll(cdnBase);
		return recorded.newBuilder().body(new Buffer().writeUtf8(body)).build();
	}

}
