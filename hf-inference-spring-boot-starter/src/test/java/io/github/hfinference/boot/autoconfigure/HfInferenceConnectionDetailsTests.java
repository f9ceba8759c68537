package io.github.hfinference.boot.autoconfigure;

import java.net.URI;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the client connects, and with which token, comes from an
 * {@link HfInferenceConnectionDetails} bean: by default the properties, otherwise the
 * bean a Testcontainers service connection or a service binding contributes.
 */
class HfInferenceConnectionDetailsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HfInferenceAutoConfiguration.class))
		.withPropertyValues("hf.inference.token=hf_test_from_properties",
				"hf.inference.base-url=http://properties.invalid", "hf.inference.hub-url=http://hub-properties.invalid",
				"hf.inference.retry.enabled=false", "hf.inference.models.sentiment.id=org/sentiment",
				"hf.inference.models.sentiment.provider=hf-inference");

	@Test
	void propertiesAreTheDefaultConnectionDetails() {
		this.contextRunner.run((context) -> {
			HfInferenceConnectionDetails details = context.getBean(HfInferenceConnectionDetails.class);
			assertThat(details).isInstanceOf(PropertiesHfInferenceConnectionDetails.class);
			assertThat(details.getBaseUrl()).isEqualTo("http://properties.invalid");
			assertThat(details.getHubUrl()).isEqualTo("http://hub-properties.invalid");
			assertThat(details.toString()).doesNotContain("hf_test_from_properties");
		});
	}

	@Test
	void aConnectionDetailsBeanWinsOverTheProperties() throws Exception {
		try (MockWebServer server = new MockWebServer()) {
			server.enqueue(new MockResponse.Builder().code(200)
				.addHeader("Content-Type", "application/json")
				.body("[[{\"label\":\"POSITIVE\",\"score\":0.9}]]")
				.build());
			server.start();
			String url = server.url("/").toString();
			HfInferenceConnectionDetails mine = new Fixed(url, url + "hub", "hf_test_from_binding");
			this.contextRunner.withBean(HfInferenceConnectionDetails.class, () -> mine).run((context) -> {
				assertThat(context).hasSingleBean(HfInferenceConnectionDetails.class);
				HfInferenceClient client = context.getBean(HfInferenceClient.class);
				assertThat(client.hubUrl()).isEqualTo(URI.create(url + "hub"));
				client.blocking().call(TextClassification.TASK,
						context.getBean(HfModelRegistry.class).definition("sentiment"), "great", null);
				RecordedRequest request = server.takeRequest();
				assertThat(request.getTarget()).isEqualTo("/hf-inference/models/org/sentiment");
				assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer hf_test_from_binding");
			});
		}
	}

	private record Fixed(String baseUrl, String hubUrl, String token) implements HfInferenceConnectionDetails {

		@Override
		public String getBaseUrl() {
			return this.baseUrl;
		}

		@Override
		public String getHubUrl() {
			return this.hubUrl;
		}

		@Override
		public @Nullable String getToken() {
			return this.token;
		}

	}

}
