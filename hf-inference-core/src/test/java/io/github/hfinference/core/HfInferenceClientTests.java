package io.github.hfinference.core;

import java.util.List;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HfInferenceClientTests {

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	@Test
	void textClassificationOnHfInferencePostsInputsAndReadsNestedList() throws Exception {
		this.mock.server().enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.addHeader("x-sha", "714eb0fa")
			.body("[[{\"label\":\"POSITIVE\",\"score\":0.99},{\"label\":\"NEGATIVE\",\"score\":0.01}]]")
			.build());
		var model = TestModels.onHfInference("sentiment", "distilbert/sst2");
		InferenceResponse<List<ClassificationOutput>> response = this.mock.client().blocking()
			.execute(InferenceRequest.of(TextClassification.TASK, model, "I like you"));
		assertThat(response.value()).containsExactly(new ClassificationOutput("POSITIVE", 0.99),
				new ClassificationOutput("NEGATIVE", 0.01));
		assertThat(response.metadata().servedRevision()).isEqualTo("714eb0fa");
		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getTarget()).isEqualTo("/hf-inference/models/distilbert/sst2");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
		assertThat(request.getBody().utf8()).isEqualTo("{\"inputs\":\"I like you\"}");
		assertThat(request.getHeaders().get("Content-Length")).as("sent in one piece, not chunked").isEqualTo("23");
		assertThat(request.getHeaders().get("Transfer-Encoding")).isNull();
	}

	@Test
	void aCallsOwnHeadersGoWithThatCallOnly() throws Exception {
		var model = TestModels.onHfInference("sentiment", "distilbert/sst2");
		for (int i = 0; i < 3; i++) {
			this.mock.server().enqueue(new MockResponse.Builder().code(200)
				.addHeader("Content-Type", "application/json")
				.body("[[{\"label\":\"POSITIVE\",\"score\":0.99}]]")
				.build());
		}

		this.mock.client().blocking().execute(InferenceRequest.of(TextClassification.TASK, model, "one"));
		this.mock.client().blocking()
			.execute(InferenceRequest.of(TextClassification.TASK, model, "two")
				.withOptions(CallOptions.defaults().withHeader("X-Trace", "t-2")));
		this.mock.client().blocking().execute(InferenceRequest.of(TextClassification.TASK, model, "three"));

		for (String trace : new String[] { null, "t-2", null }) {
			RecordedRequest request = this.mock.server().takeRequest();
			assertThat(request.getHeaders().get("X-Trace")).isEqualTo(trace);
			assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
			assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json");
			assertThat(request.getHeaders().get("User-Agent")).startsWith("hf-inference-java/");
		}
	}

	@Test
	void anEmptySuccessfulBodyIsReadAsNoBytes() {
		this.mock.server().enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "image/png").build());
		var model = TestModels.onHfInference("image", "org/image");

		var image = this.mock.client().blocking()
			.call(io.github.hfinference.core.task.TextToImage.TASK, model, "a cat", null);

		assertThat(image.bytes()).isEmpty();
	}

	@Test
	void routerCallWithoutAnyTokenFailsWithAMessageSayingWhereToSetOne() {
		HfInferenceClient tokenless = HfInferenceClient.builder()
			.noTokenLookup()
			.baseUrl(this.mock.server().url("/").uri())
			.build();
		assertThatExceptionOfType(io.github.hfinference.core.error.HfMissingTokenException.class)
			.isThrownBy(() -> tokenless.blocking().call(TextClassification.TASK, "org/model", "x"))
			.withMessageContaining("hf.inference.token")
			.withMessageContaining("HF_TOKEN");
		assertThat(this.mock.server().getRequestCount()).isZero();
	}

	@Test
	void rateLimitCarriesRetryAfter() {
		this.mock.server().enqueue(new MockResponse.Builder().code(429)
			.addHeader("Retry-After", "7")
			.addHeader("x-request-id", "req-1")
			.body("{\"error\":\"Rate limit reached\"}")
			.build());
		var model = io.github.hfinference.core.ModelDefinition.builder("sentiment")
			.id("m")
			.target(new io.github.hfinference.core.InferenceTarget.Router("hf-inference"))
			.policy(io.github.hfinference.core.ResiliencePolicy.defaults()
				.withRetry(io.github.hfinference.core.ResiliencePolicy.RetrySettings.disabled()))
			.build();
		assertThatExceptionOfType(HfRateLimitException.class)
			.isThrownBy(() -> this.mock.client().blocking().call(TextClassification.TASK, model, "x", null))
			.satisfies((ex) -> {
				assertThat(ex.getRetryAfter()).hasSeconds(7);
				assertThat(ex.getRequestId()).isEqualTo("req-1");
				assertThat(ex.getMessage()).contains("Rate limit reached").doesNotContain("hf_test");
			});
	}

}
