package io.github.hfinference.boot.observability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.github.hfinference.boot.HfInferenceClientCustomizer;
import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.actuate.HfInferenceEndpoint;
import io.github.hfinference.boot.observation.HfModelPricing;
import io.github.hfinference.boot.observation.HfRevisionDriftMeterBinder;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.error.HfRevisionMismatchException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The health contributor, meters and actuator endpoint, against a local Hub, router and
 * TGI endpoint, after real calls.
 */
@ExtendWith(OutputCaptureExtension.class)
class HfObservabilityTests {

	private static final String TOKEN = "hf_test_secret_value_123";

	@RegisterExtension
	final ScriptedHuggingFace hf = new ScriptedHuggingFace();

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() {
		this.contextRunner = this.hf.contextRunner(TOKEN)
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withUserConfiguration(MetricsConfiguration.class)
			.withPropertyValues(ScriptedHuggingFace.modelProperties())
			.withPropertyValues("hf.inference.retry.initial-interval=1ms", "hf.inference.retry.jitter=0",
					"management.endpoints.web.exposure.include=hfinference",
					"hf.inference.models.tgi.endpoint-url=" + this.hf.stub().endpointUrl("tgi"));
	}

	@Test
	void healthIsUpWithTokenOwnerProviderStatusesAndEndpoint() {
		this.contextRunner.run((context) -> {
			Health token = health(context, "token");
			assertThat(token.getStatus()).isEqualTo(Status.UP);
			assertThat(token.getDetails()).containsEntry("owner", "jane").containsEntry("role", "read")
				.containsEntry("type", "user");
			Health sentiment = health(context, "sentiment");
			assertThat(sentiment.getStatus()).isEqualTo(Status.UP);
			assertThat(target(sentiment, "hf-inference")).containsEntry("providerStatus", "live")
				.containsEntry("circuit", "CLOSED");
			assertThat(sentiment.getDetails()).containsEntry("drift", false)
				.containsEntry("pinnedRevision", ScriptedHuggingFace.PINNED_SHA);
			Health chat = health(context, "chat");
			assertThat(chat.getStatus()).isEqualTo(Status.UP);
			assertThat(target(chat, "auto")).containsEntry("providers", Map.of("together", "live", "novita", "error"));
			Health tgi = health(context, "tgi");
			assertThat(tgi.getStatus()).isEqualTo(Status.UP);
			assertThat(target(tgi, "localhost")).containsEntry("type", "endpoint");
		});
	}

	@Test
	void askingForOneModelChecksEveryModelAtOnce() {
		this.contextRunner.run((context) -> {
			assertThat(health(context, "tgi").getStatus()).isEqualTo(Status.UP);
			assertThat(count("/api/models/" + ScriptedHuggingFace.SENTIMENT_ID)).isEqualTo(1);
			assertThat(count("/api/models/" + ScriptedHuggingFace.CHAT_ID)).isEqualTo(1);
			assertThat(health(context, "sentiment").getStatus()).isEqualTo(Status.UP);
			assertThat(health(context, "chat").getStatus()).isEqualTo(Status.UP);
			assertThat(count("/api/models/" + ScriptedHuggingFace.SENTIMENT_ID)).as("cached").isEqualTo(1);
			assertThat(count("/endpoints/tgi/health")).as("cached").isEqualTo(1);
		});
	}

	@Test
	void aModelWhoseChecksMissTheDeadlineIsUnknownWhileTheOthersAreUp() throws java.io.IOException {
		// an endpoint that accepts connections and never answers
		try (java.net.ServerSocket stalling = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			this.contextRunner.withPropertyValues("hf.inference.health.deadline=200ms",
					"hf.inference.models.tgi.endpoint-url=http://localhost:" + stalling.getLocalPort() + "/tgi")
				.run((context) -> {
			Health tgi = health(context, "tgi");
			assertThat(tgi.getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(target(tgi, "localhost")).containsEntry("error",
					"checks did not finish within PT0.2S (hf.inference.health.deadline)");
			assertThat(health(context, "sentiment").getStatus()).isEqualTo(Status.UP);
				});
		}
	}

	@Test
	void noHealthCheckRunsInferenceUnlessAModelOptsIn() {
		this.contextRunner.run((context) -> {
			for (String name : List.of("token", "sentiment", "chat", "tgi")) {
				health(context, name);
			}
			assertThat(ScriptedHuggingFace.count(this.hf.stub(), ScriptedHuggingFace.SENTIMENT_PATH)).isZero();
			assertThat(ScriptedHuggingFace.count(this.hf.stub(), "/v1/chat/completions")).isZero();
			assertThat(health(context, "chat").getDetails()).doesNotContainKey("probe");
		});
	}

	@Test
	void aChatModelMayOptInToAMinimalProbeCall() throws Exception {
		this.contextRunner.withPropertyValues("hf.inference.models.chat.health.probe=true").run((context) -> {
			Health chat = health(context, "chat");
			assertThat(chat.getStatus()).isEqualTo(Status.UP);
			assertThat(chat.getDetails()).containsEntry("probe", Map.of("servedBy", "auto", "status", "UP"));
			health(context, "chat");
			assertThat(ScriptedHuggingFace.count(this.hf.stub(), "/v1/chat/completions")).as("cached").isEqualTo(1);
		});
		assertThat(this.hf.stub().calls(ScriptedHuggingFace.CHAT_ID)).singleElement()
			.satisfies((probe) -> assertThat(probe.bodyText()).contains("\"max_tokens\":1"));
	}

	@Test
	void onlyChatModelsCanBeProbed() {
		this.contextRunner.withPropertyValues("hf.inference.models.sentiment.health.probe=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("hf.inference.models.sentiment.health.probe: only chat-completion models"));
	}

	@Test
	void tokenIsDownOn401() {
		this.hf.stub().whoamiFails(401);
		this.contextRunner.run((context) -> {
			Health token = health(context, "token");
			assertThat(token.getStatus()).isEqualTo(Status.DOWN);
			assertThat((String) token.getDetails().get("error")).contains("HTTP 401", "the Hub rejected the token")
				.doesNotContain("model");
		});
	}

	@Test
	void badTokenHealthDetailDoesNotCallTheAccountLookupAModel() {
		this.hf.stub().whoamiFails(401);
		this.contextRunner.run((context) -> assertThat((String) health(context, "token").getDetails().get("error"))
			.startsWith("HfAuthenticationException (HTTP 401): the Hub rejected the token")
			.doesNotContain("model"));
	}

	@Test
	void tokenIsUnknownOn429AndTheCheckIsCached() {
		this.hf.stub().whoamiFails(429);
		this.contextRunner.run((context) -> {
			assertThat(health(context, "token").getStatus()).isEqualTo(Status.UNKNOWN);
			this.hf.stub().whoami("jane");
			assertThat(health(context, "token").getStatus()).isEqualTo(Status.UNKNOWN);
			assertThat(ScriptedHuggingFace.count(this.hf.stub(), "/api/whoami-v2")).isEqualTo(1);
		});
	}

	@Test
	void tokenCheckIsRepeatedOnceItsTimeToLiveHasPassed() {
		this.hf.stub().whoamiFails(429);
		this.contextRunner.withPropertyValues("hf.inference.health.token-ttl=1ns").run((context) -> {
			assertThat(health(context, "token").getStatus()).isEqualTo(Status.UNKNOWN);
			this.hf.stub().whoami("jane");
			// the cached result is dropped by a task on Reactor's clock, not at once: wait for it
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(health(context, "token").getStatus()).isEqualTo(Status.UP));
			assertThat(ScriptedHuggingFace.count(this.hf.stub(), "/api/whoami-v2")).isGreaterThanOrEqualTo(2);
		});
	}

	@Test
	void noTokenIsUnknownNotDown() {
		this.contextRunner.withPropertyValues("hf.inference.token=")
			.withBean(HfInferenceClientCustomizer.class,
					() -> (builder) -> builder.noTokenLookup())
			.run((context) -> {
				Health token = health(context, "token");
				assertThat(token.getStatus()).isEqualTo(Status.UNKNOWN);
				assertThat(token.getDetails()).containsEntry("configured", false);
				assertThat(ScriptedHuggingFace.count(this.hf.stub(), "/api/whoami-v2")).isZero();
			});
	}

	@Test
	void providerInErrorAndUnreachableEndpointAreDown() {
		this.hf.stub().model(ScriptedHuggingFace.SENTIMENT_ID).providerStatus("hf-inference", "error");
		this.hf.stub().endpoint("tgi").health(503);
		this.contextRunner.run((context) -> {
			Health sentiment = health(context, "sentiment");
			assertThat(sentiment.getStatus()).isEqualTo(Status.DOWN);
			assertThat(target(sentiment, "hf-inference")).containsEntry("providerStatus", "error")
				.containsEntry("status", "DOWN");
			assertThat(health(context, "tgi").getStatus()).isEqualTo(Status.DOWN);
		});
	}

	@Test
	void openCircuitMakesItsTargetDown() {
		ScriptedHuggingFace.sentiment(this.hf.stub()).reset().fails(500, "broken");
		this.contextRunner
			.withPropertyValues("hf.inference.retry.enabled=false", "hf.inference.circuit-breaker.failure-threshold=1")
			.run((context) -> {
				assertThatExceptionOfType(HfServerException.class).isThrownBy(() -> classify(context));
				Health sentiment = health(context, "sentiment");
				assertThat(sentiment.getStatus()).isEqualTo(Status.DOWN);
				assertThat(target(sentiment, "hf-inference")).containsEntry("circuit", "OPEN")
					.containsEntry("providerStatus", "live");
				JsonNode model = endpointJson(context).path("models").path("sentiment");
				assertThat(model.path("errors").asLong()).isEqualTo(1);
				assertThat(model.path("lastError").path("summary").asString()).startsWith("HfServerException (HTTP 500)");
				assertThat(model.path("targets").get(0).path("circuit").asString()).isEqualTo("OPEN");
			});
	}

	@Test
	void changedServedRevisionIsFlaggedAsDriftEverywhere(CapturedOutput output) {
		ScriptedHuggingFace.answers(ScriptedHuggingFace.sentiment(this.hf.stub()).reset()).withHeader("x-sha", "fff9999");
		this.contextRunner.run((context) -> {
			classify(context);
			classify(context);
			Health sentiment = health(context, "sentiment");
			assertThat(sentiment.getStatus()).isEqualTo(Status.UP);
			assertThat(sentiment.getDetails()).containsEntry("drift", true).containsEntry("servedRevision", "fff9999");
			JsonNode model = endpointJson(context).path("models").path("sentiment");
			assertThat(model.path("drift").asBoolean()).isTrue();
			assertThat(model.path("lastServedRevision").asString()).isEqualTo("fff9999");
			assertThat(model.path("pinnedRevision").asString()).isEqualTo(ScriptedHuggingFace.PINNED_SHA);
			assertThat(meters(context).get("hf.client.revision.drift").tags("hf.model", "sentiment").gauge().value())
				.isEqualTo(1.0);
		});
		assertThat(output.getOut().split("served revision fff9999", -1)).as("warned once").hasSize(2);
	}

	@Test
	void hubRevisionOtherThanThePinIsDrift() {
		this.hf.stub().model(ScriptedHuggingFace.SENTIMENT_ID).servesRevision("9999999aaa");
		this.contextRunner.run((context) -> {
			Health sentiment = health(context, "sentiment");
			assertThat(sentiment.getStatus()).isEqualTo(Status.UP);
			assertThat(sentiment.getDetails()).containsEntry("drift", true).containsEntry("hubRevision", "9999999aaa");
		});
	}

	@Test
	void endpointServingAnotherCommitIsDrift() {
		this.hf.stub().endpoint("tgi").servesRevision("1111111");
		this.contextRunner.withPropertyValues("hf.inference.models.tgi.revision=" + ScriptedHuggingFace.PINNED_SHA)
			.run((context) -> {
				Health tgi = health(context, "tgi");
				assertThat(tgi.getDetails()).containsEntry("drift", true)
					.containsEntry("endpointRevisions", Map.of("localhost", "1111111"));
				assertThat(target(tgi, "localhost")).containsEntry("modelSha", "1111111");
			});
	}

	@Test
	void onRevisionMismatchFailFailsTheCall() {
		ScriptedHuggingFace.answers(ScriptedHuggingFace.sentiment(this.hf.stub()).reset()).withHeader("x-sha", "fff9999");
		this.contextRunner.withPropertyValues("hf.inference.models.sentiment.on-revision-mismatch=fail")
			.run((context) -> assertThatExceptionOfType(HfRevisionMismatchException.class)
				.isThrownBy(() -> classify(context)));
	}

	@Test
	void metersCarryPerModelTagsAfterRealCalls() {
		ScriptedHuggingFace.answers(ScriptedHuggingFace.sentiment(this.hf.stub()).reset().fails(429));
		this.contextRunner.run((context) -> {
			classify(context);
			chat(context);
			MeterRegistry meters = meters(context);
			assertThat(meters.get("gen_ai.client.operation")
				.tags("hf.model", "sentiment", "gen_ai.operation.name", "text-classification", "gen_ai.request.model",
						ScriptedHuggingFace.SENTIMENT_ID, "hf.provider", "hf-inference", "outcome", "SUCCESS")
				.timer()
				.count()).isEqualTo(1);
			assertThat(meters.get("gen_ai.client.operation").tags("hf.model", "chat", "hf.provider", "auto").timer().count())
				.isEqualTo(1);
			assertThat(meters.get("gen_ai.client.token.usage").tags("hf.model", "chat", "gen_ai.token.type", "input")
				.counter().count()).isEqualTo(12);
			assertThat(meters.get("gen_ai.client.token.usage").tags("hf.model", "chat", "gen_ai.token.type", "output")
				.counter().count()).isEqualTo(3);
			assertThat(meters.get("hf.client.compute.time").tags("hf.model", "sentiment").timer()
				.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(125);
			assertThat(meters.get("hf.client.retries").tags("hf.model", "sentiment", "hf.provider", "hf-inference")
				.counter().count()).isEqualTo(1);
			assertThat(meters.get("hf.client.rate.limited").tags("hf.model", "sentiment").counter().count()).isEqualTo(1);
			assertThat(meters.get("hf.client.revision.drift").tags("hf.model", "sentiment").gauge().value()).isZero();
			JsonNode model = endpointJson(context).path("models").path("sentiment");
			assertThat(model.path("calls").asLong()).isEqualTo(1);
			assertThat(model.path("retries").asLong()).isEqualTo(1);
			assertThat(model.path("rateLimited").asLong()).isEqualTo(1);
			assertThat(model.path("lastTarget").asString()).isEqualTo("hf-inference");
		});
	}

	@Test
	void costIsEstimatedFromThePublishedPriceOfTheProviderThatServed() {
		this.contextRunner.withPropertyValues("hf.inference.models.chat.provider=together").run((context) -> {
			context.getBean(HfModelPricing.class).refresh().block(Duration.ofSeconds(10));
			chat(context);
			classify(context);
			MeterRegistry meters = meters(context);
			// 12 input tokens at 0.5 USD and 3 output tokens at 2.0 USD per million
			assertThat(meters.get("hf.client.cost").tags("hf.model", "chat", "hf.provider", "together").counter().count())
				.isCloseTo(12 * 0.5e-6 + 3 * 2.0e-6, within(1e-12));
			assertThat(meters.find("hf.client.cost").tags("hf.model", "sentiment").counter()).isNull();
		});
	}

	@Test
	void noCostWithoutAPublishedPrice() {
		this.contextRunner.run((context) -> {
			context.getBean(HfModelPricing.class).refresh().block(Duration.ofSeconds(10));
			chat(context);
			assertThat(meters(context).find("hf.client.cost").counter()).as("auto: the serving provider is unknown")
				.isNull();
		});
		this.contextRunner.withPropertyValues("hf.inference.observations.cost.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HfModelPricing.class));
	}

	@Test
	void endpointDescribesEveryModel() {
		this.contextRunner.run((context) -> {
			classify(context);
			JsonNode json = endpointJson(context);
			assertThat(json.path("tokenConfigured").asBoolean()).isTrue();
			assertThat(json.path("models").propertyNames()).containsExactly("sentiment", "chat", "tgi");
			JsonNode sentiment = json.path("models").path("sentiment");
			assertThat(sentiment.path("id").asString()).isEqualTo(ScriptedHuggingFace.SENTIMENT_ID);
			assertThat(sentiment.path("task").asString()).isEqualTo("text-classification");
			assertThat(sentiment.path("onRevisionMismatch").asString()).isEqualTo("warn");
			assertThat(sentiment.path("lastServedRevision").asString()).isEqualTo(ScriptedHuggingFace.SERVED_SHA);
			assertThat(sentiment.path("drift").asBoolean()).isFalse();
			assertThat(sentiment.path("calls").asLong()).isEqualTo(1);
			assertThat(sentiment.path("errors").asLong()).isZero();
			JsonNode target = sentiment.path("targets").get(0);
			assertThat(target.path("name").asString()).isEqualTo("hf-inference");
			assertThat(target.path("type").asString()).isEqualTo("router");
			assertThat(target.path("circuit").asString()).isEqualTo("CLOSED");
			assertThat(json.path("models").path("tgi").path("targets").get(0).path("type").asString())
				.isEqualTo("endpoint");
		});
	}

	@Test
	void endpointShowsTheCatalogueProvidersOfEachRouterModel() {
		this.contextRunner.run((context) -> {
			context.getBean(HfInferenceClient.class).catalog().refresh().block(Duration.ofSeconds(10));
			JsonNode models = endpointJson(context).path("models");
			JsonNode catalog = models.path("chat").path("catalog");
			assertThat(catalog).hasSize(2);
			assertThat(catalog.get(0).path("provider").asString()).isEqualTo("together");
			assertThat(catalog.get(0).path("status").asString()).isEqualTo("live");
			assertThat(catalog.get(0).path("pricing").path("input").asDouble()).isEqualTo(0.5);
			assertThat(catalog.get(0).path("pricing").path("output").asDouble()).isEqualTo(2.0);
			assertThat(catalog.get(1).path("status").asString()).isEqualTo("error");
			assertThat(models.path("sentiment").path("catalog").isNull()).as("not in the catalogue").isTrue();
			assertThat(models.path("tgi").path("catalog").isNull()).as("an endpoint").isTrue();
		});
	}

	@Test
	void healthShowsTheCatalogueStatusOfEachProviderOfARouterModel() {
		this.contextRunner.run((context) -> {
			context.getBean(HfInferenceClient.class).catalog().refresh().block(Duration.ofSeconds(10));
			assertThat(health(context, "chat").getDetails().get("catalog"))
				.isEqualTo(java.util.Map.of("together", "live", "novita", "error"));
			assertThat(health(context, "sentiment").getDetails()).doesNotContainKey("catalog");
		});
	}

	@Test
	void theTokenAppearsNowhere(CapturedOutput output) {
		ScriptedHuggingFace.answers(ScriptedHuggingFace.sentiment(this.hf.stub()).reset().fails(429))
			.withHeader("x-sha", "fff9999");
		this.contextRunner.withPropertyValues("hf.inference.health.token-ttl=1ns", "hf.inference.health.model-ttl=1ns",
				"hf.inference.models.broken.id=org/broken",
				"hf.inference.models.broken.provider=hf-inference", "hf.inference.models.broken.retry.enabled=false")
			.run((context) -> {
				classify(context);
				chat(context);
				HfInferenceClient client = context.getBean(HfInferenceClient.class);
				try {
					client.blocking().call(TextClassification.TASK,
							context.getBean(HfModelRegistry.class).definition("broken"), "x", null);
				}
				catch (RuntimeException ex) {
					assertThat(ex.toString()).doesNotContain(TOKEN);
				}
				StringBuilder everything = new StringBuilder();
				JsonMapper json = JsonMapper.builder().build();
				for (String name : List.of("token", "sentiment", "chat", "tgi", "broken")) {
					everything.append(json.writeValueAsString(health(context, name).getDetails()));
				}
				this.hf.stub().whoamiFails(401);
				this.hf.stub().model(ScriptedHuggingFace.SENTIMENT_ID).providerStatus("hf-inference", "error");
				// the cached token check expires on Reactor's clock, not at once: wait for the rejection
				Health rejected = await().atMost(Duration.ofSeconds(10))
					.until(() -> health(context, "token"), (health) -> Status.DOWN.equals(health.getStatus()));
				everything.append(json.writeValueAsString(rejected.getDetails()));
				everything.append(json.writeValueAsString(health(context, "sentiment").getDetails()));
				everything.append(endpointJson(context));
				meters(context).getMeters().forEach((meter) -> everything.append(meter.getId()));
				everything.append(output);
				assertThat(everything).contains("jane", "HTTP 401", "fff9999", "gen_ai.client.token.usage", "broken")
					.doesNotContain(TOKEN);
			});
		assertThat(output.toString()).doesNotContain(TOKEN);
	}

	@Configuration(proxyBeanMethods = false)
	static class MetricsConfiguration {

		@Bean
		SimpleMeterRegistry simpleMeterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		DefaultMeterObservationHandler defaultMeterObservationHandler(MeterRegistry meterRegistry) {
			return new DefaultMeterObservationHandler(meterRegistry);
		}

	}

	private static List<ChatMessage> question() {
		return List.of(ChatMessage.user("Capital of France?"));
	}

	private static void classify(AssertableApplicationContext context) {
		context.getBean(HfInferenceClient.class).blocking().call(TextClassification.TASK,
				context.getBean(HfModelRegistry.class).definition("sentiment"), "I like it", null);
	}

	private static void chat(AssertableApplicationContext context) {
		context.getBean(HfInferenceClient.class).blocking().call(ChatCompletion.TASK,
				context.getBean(HfModelRegistry.class).definition("chat"), question(), null);
	}

	static Health health(AssertableApplicationContext context, String name) {
		CompositeReactiveHealthContributor hf = context.getBean("hfHealthContributor",
				CompositeReactiveHealthContributor.class);
		return ((ReactiveHealthIndicator) hf.getContributor(name)).health().block(Duration.ofSeconds(30));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> target(Health health, String target) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("targets")).get(target);
	}

	private static MeterRegistry meters(AssertableApplicationContext context) {
		// Boot's metrics auto-configuration binds MeterBinder beans; it is not part of this context
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		if (registry.find("hf.client.revision.drift").gauge() == null) {
			context.getBean(HfRevisionDriftMeterBinder.class).bindTo(registry);
		}
		return registry;
	}

	private static JsonNode endpointJson(AssertableApplicationContext context) {
		JsonMapper json = JsonMapper.builder().build();
		return json.readTree(json.writeValueAsString(context.getBean(HfInferenceEndpoint.class).inference()));
	}

	private long count(String path) {
		return this.hf.stub().calls().stream().filter((call) -> call.path().equals(path)).count();
	}

}
