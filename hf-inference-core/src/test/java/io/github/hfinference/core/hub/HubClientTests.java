package io.github.hfinference.core.hub;

import java.time.Duration;

import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.MockServerFixture;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.error.HfAuthenticationException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.hub.HubClient.EndpointInfo;
import io.github.hfinference.core.hub.HubClient.ModelInfo;
import io.github.hfinference.core.hub.HubClient.WhoAmI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class HubClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	@RegisterExtension
	final MockServerFixture mock = new MockServerFixture();

	private HubClient hub;

	@BeforeEach
	void start() {
		this.hub = this.mock.client().hub();
	}

	@Test
	void whoamiReadsOwnerAndRoleWithTheToken() throws InterruptedException {
		this.mock.server().enqueue(json("{\"type\":\"user\",\"name\":\"alice\",\"orgs\":[],"
				+ "\"auth\":{\"type\":\"access_token\",\"accessToken\":{\"displayName\":\"ci\",\"role\":\"fineGrained\"}}}"));
		WhoAmI whoami = this.hub.whoami(TIMEOUT).block(Duration.ofSeconds(10));
		assertThat(whoami.name()).isEqualTo("alice");
		assertThat(whoami.role()).isEqualTo("fineGrained");
		assertThat(whoami.tokenName()).isEqualTo("ci");
		RecordedRequest request = this.mock.server().takeRequest();
		assertThat(request.getTarget()).isEqualTo("/api/whoami-v2");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
	}

	@Test
	void whoamiWithAnInvalidTokenIsAnAuthenticationError() {
		this.mock.server().enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"Invalid credentials\"}").build());
		assertThatExceptionOfType(HfAuthenticationException.class).isThrownBy(() -> this.hub.whoami(TIMEOUT).block(Duration.ofSeconds(10)));
	}

	@Test
	void modelInfoReadsShaWarmthAndProviderStatuses() throws InterruptedException {
		this.mock.server().enqueue(json("{\"_id\":\"x\",\"id\":\"org/m\",\"sha\":\"abc123def\",\"inference\":\"warm\","
				+ "\"inferenceProviderMapping\":{\"hf-inference\":{\"status\":\"live\",\"providerId\":\"org/m\","
				+ "\"task\":\"text-classification\"},\"together\":{\"status\":\"error\",\"providerId\":\"t/m\","
				+ "\"task\":\"text-classification\"}}}"));
		ModelInfo info = this.hub.modelInfo("org/m", TIMEOUT).block(Duration.ofSeconds(10));
		assertThat(info.sha()).isEqualTo("abc123def");
		assertThat(info.inference()).isEqualTo("warm");
		assertThat(info.providers()).extracting((entry) -> entry.provider() + ":" + entry.status())
			.containsExactly("hf-inference:live", "together:error");
		assertThat(this.mock.server().takeRequest().getTarget()).isEqualTo(
				"/api/models/org/m?expand%5B%5D=sha&expand%5B%5D=inference&expand%5B%5D=inferenceProviderMapping");
	}

	@Test
	void endpointHealthAndInfoUseTheEndpointsOwnCredentials() throws InterruptedException {
		InferenceTarget.Endpoint endpoint = new InferenceTarget.Endpoint("tgi", this.mock.server().url("/tgi").uri(),
				HfToken.of("endpoint_key", "test"), false);
		this.mock.server().enqueue(new MockResponse.Builder().code(200).build());
		this.mock.server().enqueue(json("{\"model_id\":\"org/m\",\"model_sha\":\"abc123def\"}"));
		this.hub.endpointHealth(endpoint, TIMEOUT).block(Duration.ofSeconds(10));
		EndpointInfo info = this.hub.endpointInfo(endpoint, TIMEOUT).block(Duration.ofSeconds(10));
		assertThat(info.modelSha()).isEqualTo("abc123def");
		RecordedRequest health = this.mock.server().takeRequest();
		assertThat(health.getTarget()).isEqualTo("/tgi/health");
		assertThat(health.getHeaders().get("Authorization")).isEqualTo("Bearer endpoint_key");
		assertThat(this.mock.server().takeRequest().getTarget()).isEqualTo("/tgi/info");
	}

	@Test
	void anEndpointWithoutCredentialsNeverReceivesTheHuggingFaceToken() throws InterruptedException {
		InferenceTarget.Endpoint endpoint = InferenceTarget.Endpoint.of(this.mock.server().url("/tei").uri());
		this.mock.server().enqueue(new MockResponse.Builder().code(503).body("loading").build());
		assertThatExceptionOfType(HfServerException.class)
			.isThrownBy(() -> this.hub.endpointHealth(endpoint, TIMEOUT).block(Duration.ofSeconds(10)));
		assertThat(this.mock.server().takeRequest().getHeaders().get("Authorization")).isNull();
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

}
