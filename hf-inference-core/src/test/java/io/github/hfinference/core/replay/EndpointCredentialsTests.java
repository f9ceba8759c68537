package io.github.hfinference.core.replay;

import java.io.IOException;
import java.net.URI;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
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

	private final MockWebServer server = new MockWebServer();

	private final MockWebServer otherHost = new MockWebServer();

	private HfInferenceClient client;

	@BeforeEach
	void start() throws IOException {
		this.server.start();
		this.otherHost.start();
		this.client = ReplaySupport.client(this.server, SECRET);
	}

	@AfterEach
	void stop() {
		this.server.close();
		this.otherHost.close();
	}

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
		this.server.enqueue(new MockResponse.Builder().code(200).body(OK).build());
		this.client.blocking()
			.call(TextClassification.TASK, ReplaySupport.viaRouter("org/model", "hf-inference"), "I like you", null);
		assertThat(this.server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
	}

	@Test
	void redirectToAnotherHostIsNotFollowedFromAnEndpoint() throws Exception {
		String elsewhere = this.otherHost.url("/steal").toString();
		this.server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", elsewhere).build());
		this.otherHost.enqueue(new MockResponse.Builder().code(200).body(OK).build());

		HfHttpException exception = catchThrowableOfType(HfHttpException.class,
				() -> this.client.blocking()
					.call(TextClassification.TASK, ModelDefinition.builder("m")
						.target(new InferenceTarget.Endpoint("proxy", url("/"), null, true))
						.build(), "I like you", null));

		assertThat(exception).isNotNull();
		assertThat(exception.getStatus()).isEqualTo(307);
		assertThat(exception.getServerMessage()).contains("redirect to " + elsewhere + " not followed");
		assertThat(this.otherHost.getRequestCount()).isZero();
		assertThat(this.server.getRequestCount()).isOne();
	}

	@Test
	void redirectToAnotherHostIsNotFollowedFromTheRouter() {
		this.server.enqueue(new MockResponse.Builder().code(307)
			.addHeader("Location", this.otherHost.url("/hf-inference/models/org/model").toString())
			.build());

		HfHttpException exception = catchThrowableOfType(HfHttpException.class, () -> this.client.blocking()
			.call(TextClassification.TASK, ReplaySupport.viaRouter("org/model", "hf-inference"), "I like you", null));

		assertThat(exception.getStatus()).isEqualTo(307);
		assertThat(exception.getMessage()).doesNotContain(SECRET);
		assertThat(this.otherHost.getRequestCount()).isZero();
	}

	private RecordedRequest callEndpoint(InferenceTarget.Endpoint endpoint) throws InterruptedException {
		this.server.enqueue(new MockResponse.Builder().code(200).body(OK).build());
		var result = this.client.blocking()
			.call(TextClassification.TASK, ModelDefinition.builder("m").target(endpoint).build(), "I like you", null);
		assertThat(result).extracting((output) -> output.label()).containsExactly("POSITIVE");
		return this.server.takeRequest();
	}

	private URI url(String path) {
		return this.server.url(path).uri();
	}

}
