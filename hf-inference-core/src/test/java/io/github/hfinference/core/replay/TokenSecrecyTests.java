package io.github.hfinference.core.replay;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The token never shows: not in any exception raised for an error response (the
 * hand-written fixtures, every recorded error body, a server that echoes the credential
 * back), nor in the {@code toString()} of the objects that hold it.
 */
class TokenSecrecyTests {

	private static final String SECRET = "hf_test_secret_value_123";

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture((builder) -> builder.token(SECRET));

	@Test
	void noErrorResponseRevealsTheToken() {
		List<MockResponse> responses = new ArrayList<>();
		ErrorFixtures.all().forEach((fixture) -> responses.add(fixture.response()));
		Recordings.all()
			.stream()
			.filter((recording) -> recording.method().equals("POST") && recording.status() >= 400)
			.forEach((recording) -> responses.add(ReplaySupport.recordedResponse(recording)));
		// gateways that quote the request's credentials back
		responses.add(new MockResponse.Builder().code(401)
			.addHeader("Content-Type", "application/json")
			.addHeader("X-Error-Message", "Invalid credentials in Authorization header: Bearer " + SECRET)
			.body("{\"error\":\"Token " + SECRET + " is not valid\"}")
			.build());
		responses.add(new MockResponse.Builder().code(400).body("bad token " + SECRET).build());
		assertThat(responses).hasSizeGreaterThan(40);

		for (MockResponse response : responses) {
			this.mock.server().enqueue(response);
			HfHttpException exception = catchThrowableOfType(HfHttpException.class, () -> this.mock.client().blocking()
				.call(TextClassification.TASK, ReplaySupport.viaRouter("org/model", "hf-inference"), "text", null));
			assertThat(exception).isNotNull();
			assertThat(exception.getMessage()).doesNotContain(SECRET).doesNotContain("secret_value");
			assertThat(exception.getServerMessage()).doesNotContain(SECRET);
			assertThat(exception.toString()).doesNotContain(SECRET);
		}
	}

	@Test
	void echoedCredentialIsMasked() throws Exception {
		this.mock.server().enqueue(new MockResponse.Builder().code(401).body("bad token " + SECRET).build());

		HfHttpException exception = catchThrowableOfType(HfHttpException.class, () -> this.mock.client().blocking()
			.call(TextClassification.TASK, ReplaySupport.viaRouter("org/model", "hf-inference"), "text", null));

		assertThat(exception.getServerMessage()).startsWith("bad token ****");
		assertThat(this.mock.server().takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + SECRET);
	}

	@Test
	void connectionFailuresDoNotRevealTheToken() {
		URI closed = URI.create("http://127.0.0.1:" + this.mock.server().getPort() + "/");
		this.mock.server().close();
		HfInferenceException exception = catchThrowableOfType(HfInferenceException.class, () -> this.mock.client().blocking()
			.call(TextClassification.TASK,
					ModelDefinition.builder("m")
						.target(new InferenceTarget.Endpoint("e", closed, null, true))
						.policy(io.github.hfinference.core.ResiliencePolicy.defaults()
							.withRetry(io.github.hfinference.core.ResiliencePolicy.RetrySettings.disabled()))
						.build(),
					"text", null));
		assertThat(exception).isNotNull();
		assertThat(exception.getMessage()).doesNotContain(SECRET);
	}

	@Test
	void objectsHoldingTheTokenDoNotPrintIt() {
		HfToken token = HfToken.of(SECRET, "test");
		InferenceTarget.Endpoint endpoint = new InferenceTarget.Endpoint("private", URI.create("https://example.com"),
				token, false);
		ModelDefinition model = ModelDefinition.builder("alias").id("org/model").target(endpoint).build();
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(SECRET);
		HttpCall call = new HttpCall(HttpMethod.POST, URI.create("https://example.com"), headers, new byte[0], "m",
				"private");

		assertThat(List.of(token.toString(), endpoint.toString(), model.toString(), call.toString()))
			.allSatisfy((text) -> assertThat(text).doesNotContain(SECRET).doesNotContain("secret_value"));
		assertThat(token.toString()).isEqualTo("HfToken[hf_****, from test]");
		assertThat(endpoint.toString()).contains("token=****");
		assertThat(token.authorizationHeader()).isEqualTo("Bearer " + SECRET);
	}

}
