package io.github.hfinference.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.hfinference.core.error.HfConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every misconfiguration fails the context at startup with a message that names the
 * property at fault: as the properties are bound, or, for in-process providers, once
 * the beans that provide them are known.
 */
class HfInferencePropertiesValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HfInferenceAutoConfiguration.class))
		.withPropertyValues("hf.inference.token=hf_test");

	@Test
	void unknownTask() {
		assertFailure("hf.inference.models.sentiment.task: unknown task 'text-clasification'; known tasks: ",
				"hf.inference.models.sentiment.id=org/m", "hf.inference.models.sentiment.task=text-clasification");
	}

	@Test
	void missingModelIdForAProvider() {
		assertFailure("hf.inference.models.chat.id: missing model id; a model served through the router (provider "
				+ "'together') needs its Hugging Face model id (org/name)", "hf.inference.models.chat.provider=together");
	}

	@Test
	void missingModelIdForTheAutoRouter() {
		assertFailure("hf.inference.models.chat.id: missing model id; a model served through the router (provider "
				+ "'auto') needs its Hugging Face model id (org/name)", "hf.inference.models.chat.task=chat-completion");
	}

	@Test
	void malformedModelId() {
		assertFailure("hf.inference.models.chat.id: malformed model id 'org/my model'; expected name or org/name",
				"hf.inference.models.chat.id=org/my model");
	}

	@Test
	void modelIdClimbingOutOfItsPathFailsAtStartUp() {
		assertFailure("hf.inference.models.chat.id: malformed model id 'org/../../x'",
				"hf.inference.models.chat.id=org/../../x");
	}

	@Test
	void modelIdWithLineBreaksIsQuotedEscapedSoNoLogLineCanBeForged() {
		this.contextRunner.withPropertyValues("hf.inference.models.chat.id=org/x\r\nFORGED log line")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.message()
				.contains("hf.inference.models.chat.id: malformed model id 'org/x\\r\\nFORGED log line'")
				.doesNotContain("\r")
				.doesNotContain("\nFORGED"));
	}

	@Test
	void gatewayModelNameOutsideTheHubRulesIsAcceptedBecauseItOnlyGoesInTheBody() {
		this.contextRunner
			.withPropertyValues("hf.inference.models.chat.id=accounts/fireworks/models/llama-v3:free",
					"hf.inference.models.chat.task=chat-completion",
					"hf.inference.models.chat.targets[0].url=https://gateway.example.com",
					"hf.inference.models.chat.targets[0].protocol=openai")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void malformedRevision() {
		assertFailure("hf.inference.models.chat.revision: malformed revision 'main branch'; expected a commit sha "
				+ "(40 hex characters) or a branch or tag name", "hf.inference.models.chat.id=org/m",
				"hf.inference.models.chat.revision=main branch");
	}

	@Test
	void unknownProvider() {
		assertStartupFailure("hf.inference.models.x.provider: unknown provider 'foo'; known providers: auto, baseten, ",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.provider=foo");
	}

	@Test
	void providerTheRouterNoLongerServesFailsAtStartupListingTheCurrentOnes() {
		assertStartupFailure("hf.inference.models.x.provider: provider 'nebius' is no longer served by the Hugging Face "
				+ "router; known providers: auto, baseten, cerebras, cohere, deepinfra, fal-ai, featherless-ai, "
				+ "fireworks-ai, groq, hf-inference, novita, nscale, openai, ovhcloud, publicai, replicate, "
				+ "scaleway, together, wavespeed, zai-org",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.provider=nebius");
	}

	@Test
	void taskTheTargetProviderDoesNotServeFailsAtStartupNamingTheProvidersThatDo() {
		assertFailure("hf.inference.models.video.targets[1].provider: Provider 'hf-inference' does not serve task "
				+ "'text-to-video'; providers that do: fal-ai, replicate", "hf.inference.models.video.id=org/v",
				"hf.inference.models.video.task=text-to-video", "hf.inference.models.video.targets[0].provider=fal-ai",
				"hf.inference.models.video.targets[1].provider=hf-inference");
	}

	@Test
	void localProviderWithoutItsModule() {
		assertStartupFailure("hf.inference.models.x.provider: unknown provider 'local'; no in-process provider named "
				+ "'local' is registered: add the module that provides it; known providers: ",
				"hf.inference.models.x.provider=local");
	}

	@Test
	void unknownProviderInATarget() {
		assertStartupFailure("hf.inference.models.x.targets[1].provider: unknown provider 'togther'",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.targets[0].provider=hf-inference",
				"hf.inference.models.x.targets[1].provider=togther");
	}

	@Test
	void protocolOnAProviderTarget() {
		assertFailure("hf.inference.models.x.targets[0].protocol: applies to url targets only",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.targets[0].provider=fal-ai",
				"hf.inference.models.x.targets[0].protocol=openai");
	}

	@Test
	void zeroTimeout() {
		assertFailure("hf.inference.timeout must be positive, got PT0S", "hf.inference.timeout=0s");
	}

	@Test
	void negativeConnectTimeout() {
		assertFailure("hf.inference.connect-timeout must be positive, got PT-1S", "hf.inference.connect-timeout=-1s");
	}

	@Test
	void zeroModelTimeout() {
		assertFailure("hf.inference.models.x.timeout must be positive, got PT0S", "hf.inference.models.x.id=org/m",
				"hf.inference.models.x.timeout=0ms");
	}

	@Test
	void negativeRetryInterval() {
		assertFailure("hf.inference.retry.initial-interval must not be negative, got PT-1S",
				"hf.inference.retry.initial-interval=-1s");
	}

	@Test
	void zeroRetryDeadline() {
		assertFailure("hf.inference.retry.deadline must be positive, got PT0S", "hf.inference.retry.deadline=0s");
	}

	@Test
	void negativeModelRetryMaxInterval() {
		assertFailure("hf.inference.models.x.retry.max-interval must not be negative, got PT-2S",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.retry.max-interval=-2s");
	}

	@Test
	void negativeMaxRetries() {
		assertFailure("hf.inference.retry.max-retries must not be negative, got -1", "hf.inference.retry.max-retries=-1");
	}

	@Test
	void multiplierBelowOne() {
		assertFailure("hf.inference.retry.multiplier must be at least 1, got 0.5", "hf.inference.retry.multiplier=0.5");
	}

	@Test
	void jitterAboveOne() {
		assertFailure("hf.inference.models.x.retry.jitter must be between 0 and 1, got 2.0",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.retry.jitter=2");
	}

	@Test
	void zeroCircuitBreakerOpenDuration() {
		assertFailure("hf.inference.circuit-breaker.open-duration must be positive, got PT0S",
				"hf.inference.circuit-breaker.open-duration=0s");
	}

	@Test
	void zeroCircuitBreakerFailureThreshold() {
		assertFailure("hf.inference.models.x.circuit-breaker.failure-threshold must be at least 1, got 0",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.circuit-breaker.failure-threshold=0");
	}

	@Test
	void negativeAdmissionLimits() {
		assertFailure("hf.inference.models.x.admission.max-concurrent-calls must not be negative, got -1",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.admission.max-concurrent-calls=-1");
		assertFailure("hf.inference.models.x.admission.max-queue-wait must not be negative, got PT-1S",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.admission.max-queue-wait=-1s");
	}

	@Test
	void invalidBatching() {
		assertFailure("hf.inference.models.x.batching.max-size must not be negative, got -2",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.batching.max-size=-2");
		assertFailure("hf.inference.models.x.batching.max-wait must be positive, got PT0S",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.batching.max-size=8",
				"hf.inference.models.x.batching.max-wait=0ms");
	}

	@Test
	void invalidChatSettings() {
		assertFailure("hf.inference.models.x.chat.max-tool-rounds must be at least 1, got 0",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.chat.max-tool-rounds=0");
		assertFailure("hf.inference.models.x.chat.max-image-size must be positive, got 0B",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.chat.max-image-size=0");
	}

	@Test
	void zeroTargetWeight() {
		assertFailure("hf.inference.models.x.targets[0].weight must be at least 1, got 0",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.targets[0].provider=hf-inference",
				"hf.inference.models.x.targets[0].weight=0");
	}

	@Test
	void relativeBaseUrl() {
		assertFailure("hf.inference.base-url: 'router.huggingface.co' is not an absolute http(s) URL",
				"hf.inference.base-url=router.huggingface.co");
	}

	@Test
	void nonHttpEndpointUrl() {
		assertFailure("hf.inference.models.x.endpoint-url: 'ftp://files.example.com' is not an absolute http(s) URL",
				"hf.inference.models.x.endpoint-url=ftp://files.example.com");
	}

	@Test
	void providerAndEndpointUrl() {
		assertFailure("hf.inference.models.x: set either provider or endpoint-url, not both; list several targets "
				+ "under targets", "hf.inference.models.x.id=org/m", "hf.inference.models.x.provider=hf-inference",
				"hf.inference.models.x.endpoint-url=https://e.example.com");
	}

	@Test
	void targetsAndShortcut() {
		assertFailure("hf.inference.models.x: set either targets or the provider/endpoint-url shortcut, not both",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.provider=hf-inference",
				"hf.inference.models.x.targets[0].provider=together");
	}

	@Test
	void targetWithProviderAndUrl() {
		assertFailure("hf.inference.models.x.targets[0]: set exactly one of provider and url",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.targets[0].provider=together",
				"hf.inference.models.x.targets[0].url=https://e.example.com");
	}

	@Test
	void tokenOnAProviderTarget() {
		assertFailure("hf.inference.models.x.targets[0]: token and send-hf-token apply to url targets only",
				"hf.inference.models.x.id=org/m", "hf.inference.models.x.targets[0].provider=together",
				"hf.inference.models.x.targets[0].token=sk_x");
	}

	@Test
	void tokenWithWhiteSpace() {
		assertFailure("The access token from hf.inference.token contains white space", "hf.inference.token=hf_a b");
	}

	@Test
	void revisionClimbingOutOfItsPathFailsAtStartUp() {
		assertFailure("hf.inference.models.chat.revision: malformed revision '../main'",
				"hf.inference.models.chat.id=org/m", "hf.inference.models.chat.revision=../main");
	}

	@Test
	void legacyOrganisationToken() {
		assertFailure("The access token from hf.inference.models.x.targets[0].token is a legacy organisation API token",
				"hf.inference.models.x.targets[0].url=https://e.example.com",
				"hf.inference.models.x.targets[0].token=api_org_abc");
	}

	/** A mistake found as the properties are bound, before any bean is created. */
	private void assertFailure(String expectedMessage, String... properties) {
		assertFailure(BindValidationException.class, "default message [" + expectedMessage, properties);
	}

	/** A mistake that needs the application's beans to be found (which in-process providers exist). */
	private void assertStartupFailure(String expectedMessage, String... properties) {
		assertFailure(HfConfigurationException.class, expectedMessage, properties);
	}

	private void assertFailure(Class<? extends Throwable> type, String expectedMessage, String... properties) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(type)
				.message()
				.contains(expectedMessage)
				.doesNotContain("hf_test");
		});
	}

}
