package io.github.hfinference.boot.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.actuate.HfInferenceEndpoint;
import io.github.hfinference.boot.actuate.HfModelActivity;
import io.github.hfinference.boot.observation.HfInferenceMeterObservationHandler;
import io.github.hfinference.boot.observation.HfResilienceMeters;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.RevisionMismatchAction;
import io.github.hfinference.core.observation.DefaultInferenceObservationConvention;
import io.github.hfinference.core.observation.InferenceCallListener;
import io.github.hfinference.core.observation.InferenceObservationContext;
import io.github.hfinference.core.observation.InferenceObservationConvention;
import io.github.hfinference.core.task.TextClassification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions and properties of the health, observation and endpoint auto-configurations.
 */
@ExtendWith(OutputCaptureExtension.class)
class HfObservabilityAutoConfigurationTests {

	@RegisterExtension
	final ScriptedHuggingFace hf = new ScriptedHuggingFace();

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void start() {
		this.contextRunner = this.hf.contextRunner("hf_test")
			.withPropertyValues("hf.inference.models.sentiment.id=" + ScriptedHuggingFace.SENTIMENT_ID,
					"hf.inference.models.sentiment.provider=hf-inference");
	}

	@Test
	void healthContributorIsNamedHfAndHasTheTokenAndEveryModel() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasBean("hfHealthContributor");
			CompositeReactiveHealthContributor hf = context.getBean("hfHealthContributor",
					CompositeReactiveHealthContributor.class);
			assertThat(hf.stream().map((entry) -> entry.name())).containsExactly("token", "sentiment");
		});
	}

	@Test
	void healthContributorIsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("management.health.hf.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("hfHealthContributor"));
	}

	@Test
	void healthContributorBacksOffForAUserBean() {
		HealthIndicator mine = () -> Health.up().build();
		this.contextRunner.withBean("hfHealthContributor", HealthContributor.class, () -> mine)
			.run((context) -> assertThat(context.getBean("hfHealthContributor")).isSameAs(mine));
	}

	@ParameterizedTest
	@ValueSource(strings = { "timeout", "deadline", "token-ttl", "model-ttl" })
	void healthTimeLimitsMustBePositiveAtBindTime(String property) {
		this.contextRunner.withPropertyValues("hf.inference.health." + property + "=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(BindValidationException.class)
				.hasMessageContaining("hf.inference.health." + property)
				.hasMessageContaining("must be positive, got PT0S"));
	}

	@Test
	void endpointNeedsToBeExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(HfInferenceEndpoint.class)
			.doesNotHaveBean(HfModelActivity.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=hfinference")
			.run((context) -> assertThat(context).hasSingleBean(HfInferenceEndpoint.class)
				.hasSingleBean(HfModelActivity.class));
	}

	@Test
	void observationsNeedAnObservationRegistryAndMetersAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean("hfInferenceObservationCustomizer")
			.doesNotHaveBean(HfInferenceMeterObservationHandler.class));
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.run((context) -> assertThat(context).hasBean("hfInferenceObservationCustomizer")
				.doesNotHaveBean(HfResilienceMeters.class));
		this.contextRunner.withBean(ObservationRegistry.class, TestObservationRegistry::create)
			.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(HfInferenceMeterObservationHandler.class)
				.hasSingleBean(HfResilienceMeters.class));
	}

	@Test
	void bootsObservationPropertiesSwitchTheCallObservationOff() {
		List<String> observed = new CopyOnWriteArrayList<>();
		ObservationHandler<Observation.Context> recorder = new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		};
		ApplicationContextRunner observing = this.contextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withBean("recorder", ObservationHandler.class, () -> recorder);
		observing.run((context) -> {
			classify(context);
			assertThat(observed).containsExactly("gen_ai.client.operation");
		});
		observed.clear();
		observing.withPropertyValues("management.observations.enable.gen_ai=false").run((context) -> {
			classify(context);
			assertThat(observed).isEmpty();
		});
	}

	@Test
	void callsAreObservedWithGenAiKeys() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			classify(context);
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("gen_ai.client.operation")
				.that()
				.hasBeenStopped()
				.hasLowCardinalityKeyValue("gen_ai.operation.name", "text-classification")
				.hasLowCardinalityKeyValue("hf.task", "text-classification")
				.hasLowCardinalityKeyValue("gen_ai.provider.name", "hf-inference")
				.hasLowCardinalityKeyValue("gen_ai.request.model", ScriptedHuggingFace.SENTIMENT_ID)
				.hasLowCardinalityKeyValue("hf.model", "sentiment")
				.hasLowCardinalityKeyValue("hf.provider", "hf-inference")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasHighCardinalityKeyValue("hf.request.id", "req-sentiment")
				.hasHighCardinalityKeyValue("hf.revision", ScriptedHuggingFace.SERVED_SHA);
		});
	}

	@Test
	void aConventionBeanRenamesTheObservation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		InferenceObservationConvention convention = new DefaultInferenceObservationConvention("my.inference") {

			@Override
			public KeyValues getLowCardinalityKeyValues(InferenceObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "search");
			}

		};
		this.contextRunner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(InferenceObservationConvention.class, () -> convention)
			.run((context) -> {
				classify(context);
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("my.inference")
					.that()
					.hasLowCardinalityKeyValue("team", "search");
			});
	}

	@Test
	void onRevisionMismatchIsBoundPerModel() {
		this.contextRunner.withPropertyValues("hf.inference.models.sentiment.on-revision-mismatch=fail")
			.run((context) -> assertThat(
					context.getBean(HfModelRegistry.class).definition("sentiment").revisionMismatch())
				.isEqualTo(RevisionMismatchAction.FAIL));
		this.contextRunner.run((context) -> assertThat(
				context.getBean(HfModelRegistry.class).definition("sentiment").revisionMismatch())
			.isEqualTo(RevisionMismatchAction.WARN));
	}

	@Test
	void startupSaysWhatAPinCanGuarantee(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("hf.inference.models.sentiment.revision=abc1234",
					"hf.inference.models.branch.id=org/branch", "hf.inference.models.branch.provider=together",
					"hf.inference.models.branch.revision=main",
					"hf.inference.models.dedicated.endpoint-url=https://my-endpoint.example/",
					"hf.inference.models.dedicated.revision=abc1234")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("hf.inference.models.sentiment.revision cannot be enforced on hf-inference")
					.contains("hf.inference.models.branch.revision pins 'main', a branch or tag name: it cannot be verified")
					.contains("hf.inference.models.branch.revision cannot be enforced on together")
					.contains("hf.inference.models.dedicated.revision: the pin of my-endpoint.example belongs to the "
							+ "endpoint's deployment");
			});
	}

	@Test
	void listenerBeansAreRegisteredWithTheClient() {
		List<String> successes = new CopyOnWriteArrayList<>();
		InferenceCallListener listener = new InferenceCallListener() {

			@Override
			public void onSuccess(String modelAlias, String task, ResponseMetadata metadata) {
				successes.add(modelAlias + " " + task + " " + metadata.target());
			}

		};
		this.contextRunner.withBean(InferenceCallListener.class, () -> listener).run((context) -> {
			classify(context);
			assertThat(successes).containsExactly("sentiment text-classification hf-inference");
		});
	}

	private static void classify(ApplicationContext context) {
		context.getBean(HfInferenceClient.class).blocking().call(TextClassification.TASK,
				context.getBean(HfModelRegistry.class).definition("sentiment"), "I like it", null);
	}

}
