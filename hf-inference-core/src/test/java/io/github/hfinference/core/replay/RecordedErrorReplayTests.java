package io.github.hfinference.core.replay;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.error.HfAuthenticationException;
import io.github.hfinference.core.error.HfBadRequestException;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfNotFoundException;
import io.github.hfinference.core.error.HfValidationException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.FillMask;
import io.github.hfinference.core.task.QuestionAnswering;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.TextGeneration;
import io.github.hfinference.core.task.TextToImage;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

import static io.github.hfinference.core.replay.ReplaySupport.assertSameJson;
import static io.github.hfinference.core.replay.ReplaySupport.json;
import static io.github.hfinference.core.replay.ReplaySupport.normalised;
import static io.github.hfinference.core.replay.ReplaySupport.recordedResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Replays the recorded error responses: every error body shape seen in the wild must end as
 * the typed exception for its status, carrying the server's own message, the TGI or OpenAI
 * error type and the request id, and never the token.
 * <p>
 * When the recorded request is one the client can make (the TGI validation error, the
 * "model_kwargs not used" error, unknown models), the request is checked too. Requests only
 * a broken client could send (chat without messages, messages as a string, a question
 * without context) are replaced by a valid call: only the response mapping matters there.
 */
class RecordedErrorReplayTests {

	private static final String TOKEN = "hf_test_secret_value_123";

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	static Stream<ErrorCase> recordedErrors() {
		return Stream.of(
				replayed(cassette(Recordings.HUB, "TestTextGenerationClientVCR.test_generate_validation_error.yaml"),
						HfValidationException.class, "validation",
						"Input validation error: `inputs` tokens + `max_new_tokens` must be <= 1512. Given: 2 `inputs` "
								+ "tokens and 10000 `max_new_tokens`"),
				// the async recorder kept no request body: the same call is made from its test
				instead(cassette(Recordings.HUB, "test_async_generate_validation_error.yaml"), TextGeneration.TASK,
						"test", HfValidationException.class, "validation",
						"Input validation error: `inputs` tokens + `max_new_tokens` must be <= 1024. Given: 1 `inputs` "
								+ "tokens and 10000 `max_new_tokens`"),
				replayed(cassette(Recordings.HUB,
						"TestTextGenerationClientVCR.test_generate_non_tgi_endpoint_regression_test.yaml"),
						HfBadRequestException.class, null,
						"The following `model_kwargs` are not used by the model: ['return_full_text', 'stop', "
								+ "'details'] (note: typos in the generate arguments will also show up in this list)"),
				replayed(cassette(Recordings.HUB_LEGACY, "TestTextGenerationClientVCR.test_generate_non_tgi_endpoint.yaml"),
						HfBadRequestException.class, null,
						"The following `model_kwargs` are not used by the model: ['watermark', 'stop', "
								+ "'decoder_input_details'] (note: typos in the generate arguments will also show up "
								+ "in this list)"),
				replayed(tape("/hf-inference/models/this-model-does-not-exist-123", 404, "\"inputs\":\"[MASK] world!\"}"),
						HfNotFoundException.class, null, "Model this-model-does-not-exist-123 does not exist"),
				replayed(tape("/api/inference-proxy/hf-inference/models/this-model-does-not-exist-123", 404, null),
						HfNotFoundException.class, null, "Not Found: Model not found"),
				// legacy {"error": [..]} list; the request (a question without context) is not reproducible:
				// the client refuses an empty context before sending anything
				instead(cassette(Recordings.HUB, "InferenceApiTest.test_inference_missing_input.yaml"),
						QuestionAnswering.TASK, new QuestionAnswering.Input("What's my name?", "(none)"),
						HfBadRequestException.class, null, "Error in `inputs.context`: field required"),
				// 401 with both X-Error-Message and a JSON error: the duplicate is dropped
				instead(cassette(Recordings.HUB, "TestInferenceClient.test_chat_completion_unprocessable_entity.yaml"),
						ChatCompletion.TASK, List.of(ChatMessage.user("please output 'Observation'")),
						HfAuthenticationException.class, null, "Invalid username or password."),
				// 422 text/plain from TGI (messages sent as a string by an old client)
				instead(cassette(Recordings.HUB_LEGACY, "InferenceClientVCRTest.test_chat_completion_unprocessable_entity.yaml"),
						ChatCompletion.TASK, List.of(ChatMessage.user("please output 'Observation'")),
						HfValidationException.class, null,
						"Failed to deserialize the JSON body into the target type: messages: invalid type: string "
								+ "\"please output 'Observation'\", expected a sequence at line 1 column 58"),
				instead(tape("/hf-inference/models/HuggingFaceH4/zephyr-7b-beta/v1/chat/completions", 422, null),
						ChatCompletion.TASK, List.of(ChatMessage.user("1+1=")), HfValidationException.class, null,
						"Failed to deserialize the JSON body into the target type: missing field `messages` at line 1 "
								+ "column 143"),
				instead(tape("/hf-inference/models/google/gemma-2b/v1/chat/completions", 422, "template_error"),
						ChatCompletion.TASK, List.of(ChatMessage.user("1+1=")), HfValidationException.class,
						"template_error", "Template error: template not found"),
				// Replicate application/problem+json: the detail, without its trailing newline
				instead(tape("/v1/models/black-forest-labs/flux-schnell/predictions", 422, "provider is not allowed"),
						TextToImage.TASK, "black forest gateau cake", HfValidationException.class, null,
						"- Additional property provider is not allowed"),
				// FastAPI {"detail": [{"loc", "msg"}]}: the message names the field
				instead(tape("/v1/chat/completions", 422, "\"loc\":[\"body\",\"messages\"]"), ChatCompletion.TASK,
						List.of(ChatMessage.user("Paris is")), HfValidationException.class, null,
						"Field required (body.messages)"),
				instead(tape("/fal-ai/flux-lora", 422, "str type expected"), TextToImage.TASK, "Ghibli style sky whale",
						HfValidationException.class, null, "str type expected (body.loras.0.path)"),
				instead(tape("/fal-ai/wizper", 400, null), TextToImage.TASK, "audio", HfBadRequestException.class, null,
						"Unsupported data URL"),
				// OpenAI {"error": {"message", "type"}}
				instead(tape("/v1/chat/completions", 400, "you must provide a model parameter"), ChatCompletion.TASK,
						List.of(ChatMessage.user("one + one =")), HfBadRequestException.class, "invalid_request_error",
						"you must provide a model parameter"),
				instead(tape("/v1/images/generations", 400, "invalid_request_error"), TextToImage.TASK, "a tortoise",
						HfBadRequestException.class, "invalid_request_error", "Invalid request"),
				// {"message": ...} bodies (Mistral, OpenAI's 421)
				instead(tape("/v1/chat/completions", 401, "No API key"), ChatCompletion.TASK,
						List.of(ChatMessage.user("one + one =")), HfAuthenticationException.class, null,
						"No API key found in request"),
				instead(tape("/", 421, null), TextToImage.TASK, "one + one =", HfHttpException.class, null,
						"Welcome to the OpenAI API! Documentation is available at https://platform.openai.com/docs/api-reference"),
				// plain text
				instead(tape("/fal-ai", 404, null), TextToImage.TASK, "Ghibli style sky whale", HfNotFoundException.class,
						null, "404: Not Found"));
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("recordedErrors")
	void mapsRecordedErrorToTypedException(ErrorCase error) throws Exception {
		Interaction recording = error.recording();
		this.mock.server().enqueue(recordedResponse(recording));
		boolean hfInference = isHfInference(recording.uri());
		String modelId = hfInference ? ReplaySupport.modelId(recording.uri()) : "provider/model";
		ModelDefinition model = hfInference ? ReplaySupport.viaRouter(modelId, "hf-inference")
				: ModelDefinition.builder(modelId)
					.id(modelId)
					.target(new InferenceTarget.Endpoint(recording.uri().getHost(),
							this.mock.server().url(pathOf(recording.uri())).uri(), HfToken.of("provider-key-1", "test"),
							false))
					.build();
		Call call = error.call(recording);

		HfHttpException exception = catchThrowableOfType(HfHttpException.class,
				() -> ReplaySupport.client(this.mock.server(), TOKEN).blocking().execute(call.request(model)));

		assertThat(exception).as("typed exception for HTTP %d", recording.status()).isNotNull();
		assertThat(exception.getClass()).isEqualTo(error.type());
		assertThat(exception.getStatus()).isEqualTo(recording.status());
		// 401 and 403 exceptions append a hint on what to check to the server's message
		assertThat(exception.getServerMessage()).satisfiesAnyOf((message) -> assertThat(message).isEqualTo(error.serverMessage()),
				(message) -> assertThat(message).startsWith(error.serverMessage() + " (the token "));
		assertThat(exception.getErrorType()).isEqualTo(error.errorType());
		assertThat(exception.getRequestId()).isEqualTo(recording.responseHeader("x-request-id"));
		assertThat(exception.getMessage()).startsWith("HTTP " + recording.status() + " from model '" + modelId + "'")
			.contains(error.serverMessage())
			.doesNotContain(TOKEN);
		RecordedRequest sent = this.mock.server().takeRequest();
		if (hfInference) {
			assertThat(sent.getTarget()).isEqualTo(ReplaySupport.todayPath(modelId, call.task()));
		}
		else {
			assertThat(sent.getTarget()).isEqualTo(pathOf(recording.uri()));
			assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer provider-key-1");
		}
		if (call.expectedBody() != null) {
			assertSameJson(json(sent.getBody().toByteArray()), call.expectedBody(), "Request replaying " + recording);
		}
	}

	@Test
	void everyRecordedErrorStatusMapsToItsExceptionType() {
		Map<Integer, Class<? extends HfHttpException>> types = Map.of(400, HfBadRequestException.class, 401,
				HfAuthenticationException.class, 404, HfNotFoundException.class, 421, HfHttpException.class, 422,
				HfValidationException.class);
		List<Interaction> errors = Recordings.all()
			.stream()
			.filter((recording) -> recording.method().equals("POST") && recording.status() >= 400)
			.toList();
		assertThat(errors).hasSizeGreaterThan(30);
		for (Interaction recording : errors) {
			HfHttpException exception = io.github.hfinference.core.internal.http.ErrorMapper.fromResponse(recording.status(),
					headers(recording), recording.responseBody(), "m", "t");
			assertThat(exception.getClass()).as(recording.source()).isEqualTo(types.get(recording.status()));
			assertThat(exception.getServerMessage()).as(recording.source())
				.doesNotStartWith("no error message")
				.doesNotEndWith("\n");
		}
	}

	private static org.springframework.http.HttpHeaders headers(Interaction recording) {
		org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
		recording.responseHeaders().forEach(headers::addAll);
		return headers;
	}

	private static String pathOf(URI uri) {
		return (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
	}

	private static boolean isHfInference(URI uri) {
		return uri.getHost().endsWith("huggingface.co") && uri.getPath().contains("hf-inference")
				|| "api-inference.huggingface.co".equals(uri.getHost());
	}

	// ----- cases

	private static ErrorCase replayed(Interaction recording, Class<? extends HfHttpException> type,
			@Nullable String errorType, String serverMessage) {
		return new ErrorCase(recording, null, null, type, errorType, serverMessage);
	}

	private static ErrorCase instead(Interaction recording, Task<?, ?, ?> task, Object input,
			Class<? extends HfHttpException> type, @Nullable String errorType, String serverMessage) {
		return new ErrorCase(recording, task, input, type, errorType, serverMessage);
	}

	private static Interaction cassette(String set, String file) {
		return Recordings.cassette(set, file)
			.stream()
			.filter((recording) -> recording.method().equals("POST") && recording.status() >= 400)
			.findFirst()
			.orElseThrow();
	}

	private static Interaction tape(String path, int status, @Nullable String bodyPart) {
		Predicate<Interaction> matches = (recording) -> path.equals(pathOf(recording.uri()))
				&& recording.status() == status
				&& (bodyPart == null || recording.responseText().contains(bodyPart)
						|| (recording.requestBody() != null && new String(recording.requestBody()).contains(bodyPart)));
		return Recordings.tapes().stream().filter(matches).findFirst().orElseThrow(
				() -> new IllegalArgumentException("No tape " + path + " " + status + " " + bodyPart));
	}

	/**
	 * One recorded error and what it must become.
	 *
	 * @param recording the recorded error response
	 * @param task the task to call instead of reproducing the recorded request, or null to
	 * reproduce it
	 * @param input the input of that call
	 * @param type the expected exception class
	 * @param errorType the expected error type
	 * @param serverMessage the expected server message
	 */
	record ErrorCase(Interaction recording, @Nullable Task<?, ?, ?> task, @Nullable Object input,
			Class<? extends HfHttpException> type, @Nullable String errorType, String serverMessage) {

		Call call(Interaction recording) {
			if (this.task != null) {
				return new Call(this.task, this.input, null, null);
			}
			// the recorded request is a valid task call: reproduce it and compare bodies
			ObjectNode body = normalised((ObjectNode) recording.requestJson(), false);
			Task<?, ?, ?> recordedTask = recording.uri().getPath().contains("does-not-exist") ? FillMask.TASK
					: TextGeneration.TASK;
			Object parameters = body.has("parameters")
					? JsonCodec.get().convert(body.path("parameters"), recordedTask.parametersType()) : null;
			return new Call(recordedTask, body.path("inputs").stringValue(), parameters, body);
		}

		@Override
		public String toString() {
			return this.type.getSimpleName() + " <- " + this.recording.source();
		}

	}

	/**
	 * The call made to provoke the recorded error.
	 *
	 * @param task the task
	 * @param input its input
	 * @param parameters its parameters
	 * @param expectedBody the body expected on the wire, when the recorded request is reproduced
	 */
	record Call(Task<?, ?, ?> task, @Nullable Object input, @Nullable Object parameters,
			@Nullable ObjectNode expectedBody) {

		@SuppressWarnings({ "unchecked", "rawtypes" })
		InferenceRequest<?, ?, ?> request(ModelDefinition model) {
			return InferenceRequest.of((Task) this.task, model, this.input).withParameters(this.parameters);
		}

	}

}
