package io.github.hfinference.core.replay;

import java.net.URI;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Credentials only go where they belong: the Hugging Face token is not sent to a
 * non-Hugging-Face endpoint unless configured, an endpoint's own key replaces it, and a
 * redirect to another host is never followed.
 */
class EndpointCredentialsTests {

	private static final String SECRET = "hf_test_secret_value_123";

	private static final String OK = "[{\"label\":\"POSITIVE\",\"score\":0.99}]";

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture((builder) -> builder.token(SECRET));

	@RegisterExtension
	final MockServerFixture otherHost = new MockServerFixture();

	@Test
	void hfTokenIsNotSentToAnotherHostByDefault() throws Exception {
		RecordedRequest request = callEndpoint(new InferenceTarget.Endpoint("tgi", url("/generate"), null, false));
		assertThat(request.getTarget()).isEqualTo("/generate");
		assertThat(request.getHeaders().get("Authorization")).isNull();
	}

	@Test
	void endpointKeyReplacesTheHfToken() throws Exception {
		RecordedRequest request = callEndpoint(
				new InferenceTarget.Endpoint("vllm", url("/"), HfToken.of("sk-provider-key", "test"), false));
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-provider-key");
	}

	@Test
	void hfTokenIsSentToAnotherHostWhenAllowed() throws Exception {
		RecordedRequest request = callEndpoint(new InferenceTarget.Endpoint("proxy", url("/"), null, true));
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
	}

	@Test
	void hfTokenIsSentToTheRouter() throws Exception {
		this.mock.server().enqueue(new MockResponse.Builder().code(200).body(OK).build());
		this.mock.client().blocking()
			.call(TextClassification.TASK, ReplaySupport.viaRouter("org/model", "hf-inference"), "I like you", null);
		assertThat(this.mock.server().takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
	}

	@Test
	void redirectToAnotherHostIsNotFollowedFromAnEndpoint() throws Exception {
		String elsewhere = this.otherHost.server().url("/steal").toString();
		this.mock.server().enqueue(new MockResponse.Builder().code(307).addHeader("Location", elsewhere).build());
		this.otherHost.server().enqueue(new MockResponse.Builder().code(200).body(OK).build());

		HfHttpException exception = catchThrowableOfType(HfHttpException.class,
				() -> this.mock.client().blocking()
					.call(TextClassification.TASK, ModelDefinition.builder("m")
						.target(new InferenceTarget.Endpoint("proxy", url("/"), null, true))
						.build(), "I like you", null));

		assertThat(exception).isNotNull();
		assertThat(exception.getStatus()).isEqualTo(307);
		assertThat(exception.getServerMessage()).contains("redirect to " + elsewhere + " not followed");
		assertThat(this.otherHost.server().getRequestCount()).isZero();
		assertThat(this.mock.server().getRequestCount()).isOne();
	}

	@Test
	void redirectToAnotherHostIsNotFollowedFromTheRouter() {
		this.mock.server().enqueue(new MockResponse.Builder().code(307)
			.addHeader("Location", this.otherHost.server().url("/hf-inference/models/org/model").toString())
			.build());

		HfHttpException exception = catchThrowableOfType(HfHttpException.class, () -> this.mock.client().blocking()
			.call(TextClassification.TASK, ReplaySupport.viaRouter("org/model", "hf-inference"), "I like you", null));

		assertThat(exception.getStatus()).isEqualTo(307);
		assertThat(exception.getMessage()).doesNotContain(SECRET);
		assertThat(this.otherHost.server().getRequestCount()).isZero();
	}

	private RecordedRequest callEndpoint(InferenceTarget.Endpoint endpoint) throws InterruptedException {
		this.mock.server().enqueue(new MockResponse.Builder().code(200).body(OK).build());
		var result = this.mock.client().blocking()
			.call(TextClassification.TASK, ModelDefinition.builder("m").target(endpoint).build(), "I like you", null);
		assertThat(result).extracting((output) -> output.label()).containsExactly("POSITIVE");
		return this.mock.server().takeRequest();
	}

	private URI url(String path) {
		return this.mock.server().url(path).uri();
	}

}
