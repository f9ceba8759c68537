package io.github.hfinference.boot.declarative;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import reactor.core.publisher.Flux;

import io.github.hfinference.boot.autoconfigure.HfInferenceAutoConfiguration;
import io.github.hfinference.boot.declarative.scan.NotAModel;
import io.github.hfinference.boot.declarative.scan.ScanPackageConfiguration;
import io.github.hfinference.boot.declarative.scan.ScannedChatAssistant;
import io.github.hfinference.boot.declarative.scan.ScannedSentimentClient;
import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.declarative.HfModelDefinitionException;
import io.github.hfinference.core.declarative.InferenceTask;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.Embedding;

import static org.assertj.core.api.Assertions.assertThat;

class HfModelRegistrationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HfInferenceAutoConfiguration.class))
		.withPropertyValues("hf.inference.token=hf_test", "hf.inference.models.sentiment.id=org/sentiment",
				"hf.inference.models.sentiment.provider=hf-inference", "hf.inference.models.chat.id=org/chat");

	@Test
	void runShouldScanAutoConfigurationPackagesByDefault() {
		this.contextRunner.withUserConfiguration(ScanPackages.class).run((context) -> {
			assertThat(context).hasSingleBean(ScannedSentimentClient.class);
			assertThat(context).hasSingleBean(ScannedChatAssistant.class);
			assertThat(context).doesNotHaveBean(NotAModel.class);
			assertThat(context).hasBean("scannedSentimentClient").hasBean("scannedChatAssistant");
			assertThat(AopUtils.isJdkDynamicProxy(context.getBean(ScannedSentimentClient.class))).isTrue();
		});
	}

	@Test
	void runWhenScanIsDisabledShouldNotRegisterScannedInterfaces() {
		this.contextRunner.withUserConfiguration(ScanPackages.class)
			.withPropertyValues("hf.inference.scan.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ScannedSentimentClient.class);
				assertThat(context).doesNotHaveBean(ScannedChatAssistant.class);
			});
	}

	@Test
	void runWithoutAutoConfigurationPackagesShouldRegisterNothing() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(ScannedSentimentClient.class);
		});
	}

	@Test
	void importByTypeShouldRegisterOnlyThatInterface() {
		this.contextRunner.withUserConfiguration(ImportByType.class)
			.withPropertyValues("hf.inference.scan.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(ScannedSentimentClient.class);
				assertThat(context).doesNotHaveBean(ScannedChatAssistant.class);
			});
	}

	@Test
	void importByPackageShouldRegisterItsInterfaces() {
		this.contextRunner.withUserConfiguration(ImportByPackage.class)
			.withPropertyValues("hf.inference.scan.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(ScannedSentimentClient.class);
				assertThat(context).hasSingleBean(ScannedChatAssistant.class);
			});
	}

	@Test
	void importWithoutAttributesShouldScanTheImportingPackage() {
		this.contextRunner.withUserConfiguration(ScanPackageConfiguration.class)
			.withPropertyValues("hf.inference.scan.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(ScannedSentimentClient.class);
				assertThat(context).hasSingleBean(ScannedChatAssistant.class);
			});
	}

	@Test
	void repeatedImportsShouldAllApply() {
		this.contextRunner.withUserConfiguration(RepeatedImports.class)
			.withPropertyValues("hf.inference.scan.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(ScannedSentimentClient.class);
				assertThat(context).hasSingleBean(ScannedChatAssistant.class);
			});
	}

	@Test
	void interfaceImportedAndScannedShouldHaveOneBean() {
		this.contextRunner.withUserConfiguration(ImportByType.class, ScanPackages.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(ScannedSentimentClient.class);
				assertThat(context).hasSingleBean(ScannedChatAssistant.class);
			});
	}

	@Test
	void beanNameTakenShouldFallBackToTheQualifiedName() {
		this.contextRunner.withUserConfiguration(ImportByType.class)
			.withBean("scannedSentimentClient", String.class, () -> "taken")
			.run((context) -> {
				assertThat(context).hasSingleBean(ScannedSentimentClient.class);
				assertThat(context).hasBean(ScannedSentimentClient.class.getName());
				assertThat(context).getBean("scannedSentimentClient").isEqualTo("taken");
			});
	}

	@Test
	void interfaceReferencingAnUnconfiguredModelShouldFailStartup() {
		assertStartupFailure(UnconfiguredModel.class, "HfModel interface " + UnconfiguredModel.class.getName()
				+ " references model 'translator', which is not configured under hf.inference.models "
				+ "(configured models: sentiment, chat)");
	}

	@Test
	void methodWithoutInputShouldFailStartup() {
		assertStartupFailure(NoInput.class, "HfModel interface " + NoInput.class.getName()
				+ ", method classify(): has no input parameter; a method takes exactly one input");
	}

	@Test
	void methodWithTwoInputsShouldFailStartup() {
		assertStartupFailure(TwoInputs.class, "HfModel interface " + TwoInputs.class.getName()
				+ ", method classify(String, String): has two input parameters (parameter #1 (String) and "
				+ "parameter #2 (String))");
	}

	@Test
	void unknownTaskNameShouldFailStartup() {
		assertStartupFailure(UnknownTask.class, "HfModel interface " + UnknownTask.class.getName()
				+ ", method classify(String): names the unknown task 'sentiment-analysis' in @InferenceTask; "
				+ "known tasks: ");
	}

	@Test
	void ambiguousResultTypeShouldFailStartup() {
		assertStartupFailure(Ambiguous.class, "HfModel interface " + Ambiguous.class.getName()
				+ ", method process(String): cannot infer its task, several tasks take (String) and return Object: ");
	}

	@Test
	void unsupportedReturnTypeShouldFailStartup() {
		assertStartupFailure(Unsupported.class, "HfModel interface " + Unsupported.class.getName()
				+ ", method classify(String): returns void, but an inference method returns its result");
	}

	@Test
	void fluxOfStringWithoutAConfiguredTaskShouldFailStartupAsAmbiguous() {
		assertStartupFailure(Streaming.class, "HfModel interface " + Streaming.class.getName()
				+ ", method stream(String): cannot infer its task, several tasks take (String) and stream String: "
				+ "chat-completion (List<ChatMessage> -> ChatCompletionChunk chunks), text-generation "
				+ "(String -> TextGeneration.StreamOutput chunks); name one with @InferenceTask or configure a task "
				+ "for model 'chat'");
	}

	@Test
	void fluxOfStringShouldStreamTheConfiguredChatTask() {
		this.contextRunner.withUserConfiguration(ImportBroken.class)
			.withPropertyValues("broken.type=" + Streaming.class.getName(),
					"hf.inference.models.chat.task=chat-completion")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(Streaming.class);
			});
	}

	@Test
	void taskConfiguredForTheModelShouldBeCheckedAgainstTheMethod() {
		this.contextRunner.withUserConfiguration(ImportWrongForConfiguredTask.class)
			.withPropertyValues("hf.inference.models.sentiment.task=text-classification")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(HfModelDefinitionException.class)
				.hasMessage("HfModel interface " + WrongForConfiguredTask.class.getName()
						+ ", method embed(String): returns Embedding, but task text-classification returns "
						+ "List<ClassificationOutput> (task configured for model 'sentiment')"));
	}

	private void assertStartupFailure(Class<?> type, String expectedMessageStart) {
		this.contextRunner.withUserConfiguration(ImportBroken.class)
			.withPropertyValues("broken.type=" + type.getName())
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(HfModelDefinitionException.class)
					.message()
					.startsWith(expectedMessageStart);
			});
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage(basePackageClasses = ScannedSentimentClient.class)
	static class ScanPackages {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableHfModels(types = ScannedSentimentClient.class)
	static class ImportByType {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableHfModels(basePackageClasses = ScannedSentimentClient.class)
	static class ImportByPackage {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableHfModels(ScannedSentimentClient.class)
	@EnableHfModels(basePackages = "io.github.hfinference.boot.declarative.scan")
	static class RepeatedImports {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableHfModels(types = WrongForConfiguredTask.class)
	static class ImportWrongForConfiguredTask {

	}

	/** Imports the interface named by the {@code broken.type} property. */
	@Configuration(proxyBeanMethods = false)
	@Import(BrokenTypeRegistrar.class)
	static class ImportBroken {

	}

	static class BrokenTypeRegistrar extends AbstractHfModelRegistrar {

		private Environment environment;

		@Override
		public void setEnvironment(Environment environment) {
			super.setEnvironment(environment);
			this.environment = environment;
		}

		@Override
		protected void registerHfModels(Registry registry, AnnotationMetadata importingClassMetadata) {
			registry.registerTypeNames(this.environment.getRequiredProperty("broken.type"));
		}

	}

	@HfModel("translator")
	interface UnconfiguredModel {

		String translate(String text);

	}

	@HfModel("sentiment")
	interface NoInput {

		List<ClassificationOutput> classify();

	}

	@HfModel("sentiment")
	interface TwoInputs {

		List<ClassificationOutput> classify(String text, String more);

	}

	@HfModel("sentiment")
	interface UnknownTask {

		@InferenceTask("sentiment-analysis")
		List<ClassificationOutput> classify(String text);

	}

	@HfModel("sentiment")
	interface Ambiguous {

		Object process(String text);

	}

	@HfModel("sentiment")
	interface Unsupported {

		void classify(String text);

	}

	@HfModel("chat")
	interface Streaming {

		Flux<String> stream(String text);

	}

	@HfModel("sentiment")
	interface WrongForConfiguredTask {

		Embedding embed(String text);

	}

}
