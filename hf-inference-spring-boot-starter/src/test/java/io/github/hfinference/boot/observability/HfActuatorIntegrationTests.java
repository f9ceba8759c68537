package io.github.hfinference.boot.observability;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.actuate.endpoint.MetricsEndpoint;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsEndpointAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.actuate.HfInferenceEndpoint;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Boot's own actuator, health and metrics auto-configurations, the
 * {@code health}, {@code metrics} and {@code hfinference} endpoints show per-model figures
 * after a few calls, and a changed {@code x-sha} is flagged. Hugging Face is the stub of
 * {@code hf-inference-test} ({@link ScriptedHuggingFace}), started without Spring's test integration.
 */
class HfActuatorIntegrationTests {

	@RegisterExtension
	final ScriptedHuggingFace hf = new ScriptedHuggingFace();

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() {
		this.contextRunner = this.hf.contextRunner("hf_test")
			.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
					HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class, ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, MetricsEndpointAutoConfiguration.class))
			.withPropertyValues(ScriptedHuggingFace.modelProperties())
			.withPropertyValues("management.endpoints.web.exposure.include=health,metrics,hfinference",
					"management.endpoint.health.show-details=always");
	}

	@Test
	void actuatorEndpointsShowPerModelFiguresAndDrift() {
		ScriptedHuggingFace.answers(ScriptedHuggingFace.sentiment(this.hf.stub())).withHeader("x-sha", "fff9999");
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			classify(context);
			classify(context);
			chat(context);
			JsonMapper json = JsonMapper.builder().build();
			JsonNode health = json.readTree(json.writeValueAsString(context.getBean(HealthEndpoint.class).healthForPath("hf")));
			assertThat(health.path("status").asString()).isEqualTo("UP");
			assertThat(health.path("components").path("token").path("details").path("owner").asString()).isEqualTo("jane");
			JsonNode sentiment = health.path("components").path("sentiment");
			assertThat(sentiment.path("status").asString()).as(sentiment.toString()).isEqualTo("UP");
			assertThat(sentiment.path("details").path("drift").asBoolean()).isTrue();
			assertThat(sentiment.path("details").path("servedRevision").asString()).isEqualTo("fff9999");
			MetricsEndpoint metrics = context.getBean(MetricsEndpoint.class);
			assertThat(metrics.metric("gen_ai.client.operation", List.of("hf.model:sentiment")).getMeasurements().get(0)
				.getValue()).isEqualTo(2);
			assertThat(metrics.metric("gen_ai.client.token.usage", List.of("hf.model:chat", "gen_ai.token.type:output"))
				.getMeasurements().get(0).getValue()).isEqualTo(3);
			assertThat(metrics.metric("hf.client.revision.drift", List.of("hf.model:sentiment")).getMeasurements()
				.get(0).getValue()).isEqualTo(1);
			JsonNode inference = json.readTree(json.writeValueAsString(context.getBean(HfInferenceEndpoint.class).inference()));
			assertThat(inference.path("models").path("sentiment").path("calls").asLong()).isEqualTo(2);
			assertThat(inference.path("models").path("sentiment").path("drift").asBoolean()).isTrue();
		});
	}

	private static void classify(AssertableApplicationContext context) {
		context.getBean(HfInferenceClient.class).blocking().call(TextClassification.TASK,
				context.getBean(HfModelRegistry.class).definition("sentiment"), "I like it", null);
	}

	private static void chat(AssertableApplicationContext context) {
		context.getBean(HfInferenceClient.class).blocking().call(ChatCompletion.TASK,
				context.getBean(HfModelRegistry.class).definition("chat"), List.of(ChatMessage.user("Hi")), null);
	}

}
