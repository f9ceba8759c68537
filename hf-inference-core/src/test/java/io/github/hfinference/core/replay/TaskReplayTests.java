package io.github.hfinference.core.replay;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.replay.ReplayCatalog.ReplayCase;
import io.github.hfinference.core.replay.TaskScenarios.Call;
import io.github.hfinference.core.replay.TaskScenarios.Scenario;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Task.TaskRoute;
import io.github.hfinference.core.task.Tasks;

import static io.github.hfinference.core.replay.ReplaySupport.assertSameJson;
import static io.github.hfinference.core.replay.ReplaySupport.json;
import static io.github.hfinference.core.replay.ReplaySupport.normalised;
import static io.github.hfinference.core.replay.ReplaySupport.recordedResponse;
import static io.github.hfinference.core.replay.ReplaySupport.todayPath;
import static io.github.hfinference.core.replay.ReplaySupport.viaRouter;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every recorded hf-inference task call (huggingface_hub 2025 router cassettes,
 * the 2023-24 api-inference cassettes, and the huggingface.js router and Hub-proxy tapes):
 * the recorded response is served by a mock server, the client makes the same call through
 * {@code new InferenceTarget.Router("hf-inference")}, and the test checks
 * <ol type="a">
 * <li>the method and path: verbatim for recordings whose URL is still current, today's
 * route otherwise (the legacy {@code api-inference.huggingface.co/models/{id}} and the Hub
 * proxy {@code huggingface.co/api/inference-proxy/hf-inference/models/{id}} become
 * {@code /hf-inference/models/{id}}; the recorded
 * {@code /hf-inference/pipeline/feature-extraction/{id}} becomes
 * {@code /hf-inference/models/{id}/pipeline/feature-extraction}, as in hf-protocol.md §a and
 * the recordings README; a chat body sent to a bare model URL goes to
 * {@code .../v1/chat/completions});</li>
 * <li>the body, semantically: raw bytes for binary inputs, JSON otherwise, after the
 * normalisations of {@link ReplaySupport#normalised} (dropped {@code options}, {@code model}
 * in task bodies, {@code null}s, empty {@code parameters}, {@code "stream": false}) and the
 * per-task protocol updates documented in {@link TaskScenarios} (sentence-similarity,
 * table, question answering and visual question answering fields nested under
 * {@code inputs}; candidate labels as a list; single texts not wrapped in lists). When the
 * recorder dropped the request body (huggingface.js drops binary and 1000+ character bodies;
 * async Python tests stored none) a synthetic input is sent and its encoding checked;</li>
 * <li>the typed result carries the recorded values, and the response metadata the recorded
 * {@code x-sha} and {@code x-request-id}.</li>
 * </ol>
 */
class TaskReplayTests {

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	static Stream<ReplayCase> recordedTaskCalls() {
		return ReplayCatalog.taskReplays().stream();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("recordedTaskCalls")
	void replaysRecordedTaskCall(ReplayCase replay) throws Exception {
		replay(replay.scenario(), replay);
	}

	@Test
	void everyTaskIsReplayedFromAtLeastOneRecording() {
		Map<String, Long> replays = replaysPerTask();
		// text-to-video and image-to-video are not served by hf-inference and no recording
		// holds their provider submissions (huggingface.js/tapes.json keeps only one mp4
		// download), nor any of text-to-audio, image-text-to-image and image-text-to-video:
		// MediaJobTests covers them with hand-written sequences; no recording holds a
		// Responses API exchange either (ResponsesTests)
		assertThat(replays.keySet()).containsAll(Tasks.ids()
			.stream()
			.filter((id) -> !Set.of("text-to-video", "image-to-video", "text-to-audio", "image-text-to-image",
					"image-text-to-video", "responses").contains(id))
			.toList());
		assertThat(replays.values()).allMatch((count) -> count > 0);
	}

	@Test
	void everyRecordedHfInferenceCallIsReplayedOrLeftForADocumentedReason() {
		List<ReplayCatalog.Skipped> skipped = ReplayCatalog.skipped();
		assertThat(skipped).extracting(ReplayCatalog.Skipped::reason)
			.allMatch((reason) -> List
				.of(ReplayCatalog.ERROR, ReplayCatalog.STREAM, ReplayCatalog.CONVERSATIONAL, ReplayCatalog.BATCH)
				.contains(reason));
		assertThat(ReplayCatalog.taskReplays().size() + skipped.size())
			.isEqualTo(ReplayCatalog.hfInferenceCalls().size());
		assertThat(ReplayCatalog.taskReplays()).hasSizeGreaterThan(150);
	}

	/** Replays per task id (batch feature extraction counted as feature-extraction). */
	static Map<String, Long> replaysPerTask() {
		return ReplayCatalog.taskReplays()
			.stream()
			.collect(Collectors.groupingBy((replay) -> replay.scenario().task().id(), TreeMap::new,
					Collectors.counting()));
	}

	private <I, P, R> void replay(Scenario<I, P, R> scenario, ReplayCase replay) throws Exception {
		Interaction recording = replay.recording();
		Task<I, P, R> task = scenario.task();
		boolean chat = task.route() == TaskRoute.CHAT_COMPLETIONS;
		this.mock.server().enqueue(recordedResponse(recording));

		Call<I, P> call;
		Object expectedBody;
		if (recording.hasJsonRequestBody()) {
			ObjectNode today = normalised((ObjectNode) recording.requestJson(), chat);
			scenario.migration().apply(today, replay.modelId());
			call = scenario.fromJson().apply(today);
			expectedBody = today;
		}
		else if (recording.requestBody() != null && recording.requestBody().length > 0) {
			assertThat(scenario.fromBinary()).as("%s takes a raw binary body", task).isNotNull();
			call = scenario.fromBinary().apply(recording.requestBody());
			expectedBody = recording.requestBody();
		}
		else {
			call = scenario.synthetic();
			assertThat(call).as("%s has a synthetic call for unrecorded bodies", task).isNotNull();
			expectedBody = (scenario.syntheticJson() != null)
					? json(scenario.syntheticJson().replace("{model}", replay.modelId()))
					: ((BinaryInput) call.input()).bytes();
		}

		InferenceResponse<R> response = this.mock.client().blocking()
			.execute(InferenceRequest.of(task, viaRouter(replay.modelId(), "hf-inference"), call.input())
				.withParameters(call.parameters()));

		RecordedRequest sent = this.mock.server().takeRequest();
		assertThat(sent.getMethod()).isEqualTo("POST");
		String path = todayPath(replay.modelId(), task);
		if (ReplaySupport.isTodaysUrl(recording.uri(), task)) {
			assertThat(recording.uri().getRawPath()).isEqualTo(path);
		}
		assertThat(sent.getTarget()).isEqualTo(path);
		assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + ReplaySupport.TOKEN);
		assertThat(sent.getHeaders().get("Accept")).isEqualTo((task.accept() != null) ? task.accept() : "*/*");
		byte[] body = sent.getBody().toByteArray();
		if (expectedBody instanceof byte[] bytes) {
			assertThat(body).as("raw binary body").isEqualTo(bytes);
			assertThat(sent.getHeaders().get("Content-Type")).as("no Content-Type for unnamed bytes").isNull();
		}
		else {
			assertSameJson(json(body), (JsonNode) expectedBody, "Request body replaying " + recording);
			assertThat(sent.getHeaders().get("Content-Type")).isEqualTo("application/json");
		}

		scenario.verify().accept(response.value(), recording);
		assertThat(response.metadata().target()).isEqualTo("hf-inference");
		assertThat(response.metadata().servedRevision()).isEqualTo(recording.responseHeader("x-sha"));
		if (recording.responseHeader("x-request-id") != null) {
			assertThat(response.metadata().requestId()).isEqualTo(recording.responseHeader("x-request-id"));
		}
	}

}
