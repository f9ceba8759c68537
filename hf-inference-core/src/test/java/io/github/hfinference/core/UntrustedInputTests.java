package io.github.hfinference.core;

import java.time.Duration;
import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.error.HfForbiddenException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfInferenceException.ErrorContext;
import io.github.hfinference.core.error.HfInvalidRequestException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The cases of a new user trying the client with hostile input and a misbehaving local
 * server: each either fails with a typed error before any I/O, or sends the right request
 * and reports what went wrong with the call's context.
 */
class UntrustedInputTests {

	private static final String CHAT_ANSWER = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"m\","
			+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"Hi\"},"
			+ "\"finish_reason\":\"stop\"}]}";

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture((builder) -> builder.observationRegistry(this.registry));

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	/** A model on the router's hf-inference provider, without retries. */
	static ModelDefinition hfInference(String id) {
		return TestModels.onHfInference("sentiment", id, ResiliencePolicy.defaults().withRetry(RetrySettings.disabled()));
	}

	private List<ClassificationOutput> classify(ModelDefinition model) {
		return this.mock.client().blocking().call(TextClassification.TASK, model, "I like you", null);
	}

	@Test
	void modelIdClimbingOutOfItsPathIsRefusedBeforeAnyInferenceRequest() {
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> this.mock.client().call(TextClassification.TASK, "../../_stats", "x")
				.block(Duration.ofSeconds(10)))
			.withMessageContaining("malformed model id '../../_stats'");
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@Test
	void modelIdClimbingOutOfItsPathIsRefusedBeforeAnyHubLookup() {
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> this.mock.client().hub().modelInfo("../../_stats", Duration.ofSeconds(5))
				.block(Duration.ofSeconds(10)))
			.withMessageContaining("'../../_stats'");
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@Test
	void emptyModelIdNeverProducesARequest() {
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> this.mock.client().call(TextClassification.TASK, "", "x").block(Duration.ofSeconds(10)))
			.withMessageContaining("missing model id");
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@Test
	void controlCharactersOfARefusedIdAreEscapedInTheMessage() {
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> ModelDefinition.of("org/x\r\nFORGED\u0007"))
			.withMessageContaining("'org/x\\r\\nFORGED\\u0007'")
			.withMessageNotContaining("\r")
			.withMessageNotContaining("\n");
	}

	@Test
	void revisionClimbingOutOfItsPathIsRefused() {
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> hfInference("org/m").toBuilder().revision("../main").build())
			.withMessageContaining("malformed revision '../main'");
	}

	@Test
	void providerNameOutsideTheProviderSyntaxIsRefused() {
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> new InferenceTarget.Router("../hf-inference"))
			.withMessageContaining("malformed provider name '../hf-inference'");
	}

	@Test
	void wellFormedModelIdGoesToItsOwnPath() throws InterruptedException {
		this.mock.server().enqueue(json("[{\"label\":\"POSITIVE\",\"score\":0.9}]"));

		assertThat(classify(hfInference("Org-1/name_2.v3"))).extracting(ClassificationOutput::label)
			.containsExactly("POSITIVE");

		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getTarget()).isEqualTo("/hf-inference/models/Org-1/name_2.v3");
	}

	@Test
	void nullInputIsAnHfInferenceExceptionNamingTheInput() {
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> this.mock.client().call(TextClassification.TASK, "org/m", null))
			.isInstanceOf(HfInferenceException.class)
			.withMessage("input of task 'text-classification' must not be null");
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@Test
	void emptyInputIsRefusedBeforeAnyRequest() {
		assertThatExceptionOfType(HfInvalidRequestException.class)
			.isThrownBy(() -> this.mock.client().call(TextClassification.TASK, "org/m", ""))
			.withMessage("input of task 'text-classification' must not be empty");
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@Test
	void chatCompletionAnswerToTextClassificationIsADecodeErrorNotEmptyLabels() {
		this.mock.server().enqueue(json(CHAT_ANSWER));

		HfResponseException failure = catchThrowableOfType(HfResponseException.class,
				() -> classify(hfInference("org/m")));

		assertThat(failure).isNotNull();
		assertThat(failure.getMessage()).contains("label");
	}

	@Test
	void classificationAnswerToChatIsADecodeErrorNotAnEmptyCompletion() {
		this.mock.server().enqueue(json("[{\"label\":\"POSITIVE\",\"score\":0.99}]"));
		this.mock.server().enqueue(json("{\"id\":\"x\",\"object\":\"chat.completion\"}"));
		ModelDefinition chat = hfInference("org/m");

		for (String missing : List.of("ChatCompletionOutput", "choices")) {
			HfResponseException failure = catchThrowableOfType(HfResponseException.class,
					() -> this.mock.client().blocking().call(ChatCompletion.TASK, chat, List.of(ChatMessage.user("Hi")), null));

			assertThat(failure).as(missing).isNotNull();
			assertThat(failure.getMessage()).contains(missing).contains("task=chat-completion");
		}
	}

	@Test
	void truncatedJsonIsADecodeErrorWithTheCallsContextAndItsOwnOutcome() {
		this.mock.server().enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req-7")
			.body("[{\"label\":\"POSITIVE\",\"sco")
			.build());

		HfResponseException failure = catchThrowableOfType(HfResponseException.class,
				() -> classify(hfInference("org/m")));

		ErrorContext context = failure.getContext();
		assertThat(context).isNotNull();
		assertThat(context.task()).isEqualTo("text-classification");
		assertThat(context.modelAlias()).isEqualTo("sentiment");
		assertThat(context.modelId()).isEqualTo("org/m");
		assertThat(context.target()).isEqualTo("hf-inference");
		assertThat(context.provider()).isEqualTo("hf-inference");
		assertThat(context.attempt()).isEqualTo(1);
		assertThat(context.requestId()).isEqualTo("req-7");
		assertThat(failure.getMessage()).contains("task=text-classification, model=sentiment (org/m), "
				+ "target=hf-inference, provider=hf-inference, attempt=1, request id=req-7, elapsed=");
		assertThat(this.registry).hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("outcome", "DECODE")
			.hasLowCardinalityKeyValue("hf.provider", "hf-inference")
			.hasLowCardinalityKeyValue("error.type", "HfResponseException");
	}

	@Test
	void forbiddenFromHfInferenceIsTaggedWithThatProviderAndCarriesTheContext() {
		this.mock.server().enqueue(new MockResponse.Builder().code(403)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-request-id", "req-403")
			.body("{\"error\":\"no access\"}")
			.build());

		HfForbiddenException failure = catchThrowableOfType(HfForbiddenException.class,
				() -> classify(hfInference("org/m")));

		assertThat(failure.getContext()).isNotNull();
		assertThat(failure.getContext().requestId()).isEqualTo("req-403");
		assertThat(failure.getContext().provider()).isEqualTo("hf-inference");
		assertThat(this.registry).hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("hf.provider", "hf-inference");
	}

	@Test
	void jsonAnswerToAnImageTaskIsADecodeErrorNotAnImage() {
		this.mock.server().enqueue(json(CHAT_ANSWER));

		assertThatExceptionOfType(HfResponseException.class)
			.isThrownBy(() -> this.mock.client().blocking()
				.call(io.github.hfinference.core.task.TextToImage.TASK, hfInference("org/m"), "a cat", null))
			.withMessageContaining("Expected a binary answer");
	}

	@Test
	void malformedStreamEventIsADecodeErrorWithTheStreamsContext() {
		this.mock.server().enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream")
			.addHeader("x-request-id", "req-s1")
			.body("data: {\"token\": {\"id\": 1, \"text\": \"Hi\"}\n\ndata: {\"token\": \"oops\"}\n\n")
			.build());

		HfResponseException failure = catchThrowableOfType(HfResponseException.class,
				() -> this.mock.client()
					.stream(io.github.hfinference.core.task.TextGeneration.STREAM, hfInference("org/m"), "Hi", null)
					.collectList()
					.block(Duration.ofSeconds(10)));

		assertThat(failure).isNotNull();
		assertThat(failure.getContext()).isNotNull();
		assertThat(failure.getContext().task()).isEqualTo("text-generation");
		assertThat(failure.getContext().target()).isEqualTo("hf-inference");
		assertThat(failure.getContext().attempt()).isEqualTo(1);
		assertThat(failure.getContext().requestId()).isEqualTo("req-s1");
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

}
