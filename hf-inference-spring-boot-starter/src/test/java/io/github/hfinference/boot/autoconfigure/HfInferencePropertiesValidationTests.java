package io.github.hfinference.boot.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.hfinference.core.error.HfConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every misconfiguration fails the context at startup with a message that names the
 * property at fault.
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
				.startsWith("hf.inference.models.chat.id: malformed model id 'org/x\\r\\nFORGED log line'")
				.doesNotContain("\r")
				.doesNotContain("\n"));
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

	private void assertFailure(String expectedMessageStart, String... properties) {
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(HfConfigurationException.class)
				.message()
				.startsWith(expectedMessageStart)
				.doesNotContain("hf_test");
		});
	}

}
