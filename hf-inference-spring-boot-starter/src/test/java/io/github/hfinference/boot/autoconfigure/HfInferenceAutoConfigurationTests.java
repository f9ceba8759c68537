package io.github.hfinference.boot.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import reactor.core.publisher.Mono;

import io.github.hfinference.boot.HfInferenceClientCustomizer;
import io.github.hfinference.boot.HfModelProxyFactoryCustomizer;
import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.declarative.EnableHfModels;
import io.github.hfinference.core.BatchingSettings;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InProcessProvider;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.LoadBalancing;
import io.github.hfinference.core.auth.TokenResolver;
import io.github.hfinference.core.chat.ChatSettings;
import io.github.hfinference.core.chat.HfChatClient;
import io.github.hfinference.core.declarative.CallAdapter;
import io.github.hfinference.core.declarative.ConfiguredModel;
import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.declarative.HfModelProxyFactory;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class HfInferenceAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HfInferenceAutoConfiguration.class))
		.withPropertyValues("hf.inference.token=hf_test");

	@Test
	void runShouldCreateClientRegistryAndProxyFactory() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(HfInferenceClient.class);
			assertThat(context).hasSingleBean(HfModelRegistry.class);
			assertThat(context).hasSingleBean(HfModelProxyFactory.class);
			assertThat(context).hasSingleBean(HfChatClient.class);
			assertThat(context).hasSingleBean(HfInferenceProperties.class);
			assertThat(context.getBean(HfInferenceClient.class).hasToken()).isTrue();
			assertThat(context.getBean(HfInferenceClient.class).hubUrl()).isEqualTo(URI.create("https://huggingface.co"));
		});
	}

	@Test
	void runWhenUserDefinesClientShouldBackOff() {
		HfInferenceClient client = HfInferenceClient.builder().noTokenLookup().build();
		this.contextRunner.withBean(HfInferenceClient.class, () -> client)
			.run((context) -> assertThat(context).getBean(HfInferenceClient.class).isSameAs(client));
	}

	@Test
	void runWhenUserDefinesModelRegistryShouldBackOff() {
		HfModelRegistry registry = new HfModelRegistry(
				Map.of("mine", ConfiguredModel.of(ModelDefinition.of("org/mine"))));
		this.contextRunner.withPropertyValues("hf.inference.models.ignored.id=org/ignored")
			.withBean(HfModelRegistry.class, () -> registry)
			.run((context) -> assertThat(context).getBean(HfModelRegistry.class).isSameAs(registry));
	}

	@Test
	void runWhenUserDefinesProxyFactoryShouldBackOffAndUseIt() {
		this.contextRunner.withUserConfiguration(UserProxyFactoryConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(HfModelProxyFactory.class);
				assertThat(context).getBean("userProxyFactory").isSameAs(context.getBean(HfModelProxyFactory.class));
			});
	}

	@Test
	void runShouldApplyClientCustomizersInOrder() {
		this.contextRunner.withUserConfiguration(ClientCustomizersConfiguration.class)
			.run((context) -> assertThat(context.getBean(HfInferenceClient.class).hubUrl())
				.isEqualTo(URI.create("https://hub.example.com")));
	}

	@Test
	void runShouldApplyProxyFactoryCustomizers() {
		this.contextRunner.withUserConfiguration(OptionalCallAdapterConfiguration.class)
			.withPropertyValues("hf.inference.models.local.provider=test-local")
			.withBean(InProcessProvider.class, FixedClassifier::new)
			.run((context) -> assertThat(context.getBean(OptionalClassifier.class).classify("hi"))
				.hasValueSatisfying((labels) -> assertThat(labels).extracting(ClassificationOutput::label)
					.containsExactly("LOCAL")));
	}

	@Test
	void runShouldRegisterInProcessProvidersAndAcceptThemAsModelProviders() {
		this.contextRunner.withBean(InProcessProvider.class, FixedClassifier::new)
			.withUserConfiguration(LocalClassifierConfiguration.class)
			.withPropertyValues("hf.inference.models.local.provider=test-local")
			.run((context) -> {
				ModelDefinition local = context.getBean(HfModelRegistry.class).definition("local");
				assertThat(local.targets()).containsExactly(new InferenceTarget.InProcess("test-local"));
				assertThat(context.getBean(LocalClassifier.class).classify("hi")).extracting(ClassificationOutput::label)
					.containsExactly("LOCAL");
			});
	}

	@Test
	void runShouldMapAVideoModelWithAProviderAndAnOpenAiGateway() {
		this.contextRunner.withPropertyValues("hf.inference.models.video.id=Lightricks/LTX-Video",
				"hf.inference.models.video.task=text-to-video", "hf.inference.models.video.targets[0].provider=fal-ai",
				"hf.inference.models.video.targets[1].url=https://gateway.example.com/v1",
				"hf.inference.models.video.targets[1].protocol=openai",
				"hf.inference.models.video.targets[1].name=gateway",
				"hf.inference.models.video.targets[1].token=gw_secret")
			.run((context) -> {
				ConfiguredModel video = context.getBean(HfModelRegistry.class).resolve("video").orElseThrow();
				assertThat(video.task()).isSameAs(io.github.hfinference.core.task.TextToVideo.TASK);
				assertThat(video.definition().targets()).extracting(InferenceTarget::name)
					.containsExactly("fal-ai", "gateway");
				InferenceTarget.Gateway gateway = (InferenceTarget.Gateway) video.definition().targets().get(1);
				assertThat(gateway.url()).isEqualTo(URI.create("https://gateway.example.com/v1"));
				assertThat(gateway.token()).isNotNull();
				assertThat(gateway.sendHfToken()).isFalse();
				assertThat(gateway.toString()).doesNotContain("gw_secret");
			});
	}

	@Test
	void runShouldMapModelProperties() {
		this.contextRunner.withPropertyValues("hf.inference.retry.max-retries=5",
				"hf.inference.models.chat.id=meta-llama/Llama-3.1-8B-Instruct", "hf.inference.models.chat.revision=main",
				"hf.inference.models.chat.task=chat-completion", "hf.inference.models.chat.timeout=20s",
				"hf.inference.models.chat.load-balancing=weighted", "hf.inference.models.chat.targets[0].provider=together",
				"hf.inference.models.chat.targets[0].weight=3",
				"hf.inference.models.chat.targets[1].url=https://tgi.example.com/v1",
				"hf.inference.models.chat.targets[1].name=tgi", "hf.inference.models.chat.targets[1].token=sk_endpoint",
				"hf.inference.models.chat.retry.initial-interval=2s", "hf.inference.models.chat.circuit-breaker.failure-threshold=2",
				"hf.inference.models.chat.admission.max-concurrent-calls=4",
				"hf.inference.models.chat.admission.max-queue-wait=500ms", "hf.inference.models.embed.endpoint-url=http://tei:8080",
				"hf.inference.models.embed.batching.max-size=32", "hf.inference.models.embed.batching.max-wait=10ms",
				"hf.inference.models.chat.chat.include-usage=false", "hf.inference.models.chat.chat.max-image-size=5MB",
				"hf.inference.models.chat.chat.max-tool-rounds=2", "hf.inference.models.chat.chat.tool-errors=fail",
				"hf.inference.models.chat.chat.structured-output=json-object",
				"hf.inference.models.chat.chat.repair-structured-output=true")
			.run((context) -> {
				HfModelRegistry registry = context.getBean(HfModelRegistry.class);
				assertThat(registry.aliases()).containsExactly("chat", "embed");
				ConfiguredModel chat = registry.resolve("chat").orElseThrow();
				assertThat(chat.task()).isSameAs(ChatCompletion.TASK);
				ModelDefinition definition = chat.definition();
				assertThat(definition.id()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
				assertThat(definition.revision()).isEqualTo("main");
				assertThat(definition.timeout()).isEqualTo(Duration.ofSeconds(20));
				assertThat(definition.targets()).extracting(InferenceTarget::name).containsExactly("together", "tgi");
				assertThat(definition.weight(0)).isEqualTo(3);
				assertThat(definition.weight(1)).isEqualTo(1);
				InferenceTarget.Endpoint endpoint = (InferenceTarget.Endpoint) definition.targets().get(1);
				assertThat(endpoint.url()).isEqualTo(URI.create("https://tgi.example.com/v1"));
				assertThat(endpoint.token()).isNotNull();
				assertThat(endpoint.sendHfToken()).isFalse();
				ResiliencePolicy policy = definition.policy();
				assertThat(policy.loadBalancing()).isEqualTo(LoadBalancing.WEIGHTED);
				assertThat(policy.retry().maxRetries()).as("global value").isEqualTo(5);
				assertThat(policy.retry().initialInterval()).as("model override").isEqualTo(Duration.ofSeconds(2));
				assertThat(policy.circuitBreaker().failureThreshold()).isEqualTo(2);
				assertThat(policy.circuitBreaker().openDuration()).isEqualTo(Duration.ofSeconds(30));
				assertThat(policy.admission().maxConcurrentCalls()).isEqualTo(4);
				assertThat(policy.admission().maxQueueWait()).isEqualTo(Duration.ofMillis(500));
				ModelDefinition embed = registry.definition("embed");
				assertThat(embed.id()).isNull();
				assertThat(embed.targets()).containsExactly(InferenceTarget.Endpoint.of(URI.create("http://tei:8080")));
				assertThat(embed.policy().retry().maxRetries()).as("global value").isEqualTo(5);
				assertThat(embed.policy().loadBalancing()).isEqualTo(LoadBalancing.FAILOVER);
				assertThat(embed.batching()).isEqualTo(BatchingSettings.of(32, Duration.ofMillis(10)));
				assertThat(definition.batching().enabled()).as("off unless configured").isFalse();
				assertThat(definition.chat()).isEqualTo(new ChatSettings(false, 5L * 1024 * 1024, 2,
						ChatSettings.ToolErrors.FAIL, ChatSettings.StructuredOutputMode.JSON_OBJECT, true));
				assertThat(embed.chat()).as("defaults").isEqualTo(ChatSettings.defaults());
			});
	}

	@Test
	void runWithoutProviderShouldUseTheAutoRouter() {
		this.contextRunner.withPropertyValues("hf.inference.models.m.id=org/m")
			.run((context) -> assertThat(context.getBean(HfModelRegistry.class).definition("m").targets())
				.containsExactly(InferenceTarget.Router.AUTO));
	}

	@Test
	void runWithoutTokenShouldStartAndSayItOnce(CapturedOutput output, @TempDir Path home) {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(HfInferenceAutoConfiguration.class))
			.withPropertyValues("hf.inference.token=")
			.withBean(HfInferenceClientCustomizer.class,
					() -> (builder) -> builder.tokenResolver(TokenResolver.from(Map.of(), home)))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(HfInferenceClient.class).hasToken()).isFalse();
				assertThat(output).containsOnlyOnce("No Hugging Face token is configured (hf.inference.token)");
			});
	}

	@Test
	void runWithTokenShouldNeverLogIt(CapturedOutput output) {
		this.contextRunner.withPropertyValues("hf.inference.token=hf_secretvalue")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(HfInferenceClient.class).hasToken()).isTrue();
				assertThat(output).doesNotContain("hf_secretvalue").doesNotContain("No Hugging Face token");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserProxyFactoryConfiguration {

		@Bean
		HfModelProxyFactory userProxyFactory() {
			return HfModelProxyFactory.builder(HfInferenceClient.builder().noTokenLookup().build()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClientCustomizersConfiguration {

		@Bean
		@org.springframework.core.annotation.Order(1)
		HfInferenceClientCustomizer second() {
			return (builder) -> builder.hubUrl(URI.create("https://hub.example.com"));
		}

		@Bean
		@org.springframework.core.annotation.Order(0)
		HfInferenceClientCustomizer first() {
			return (builder) -> builder.hubUrl(URI.create("https://first.example.com"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableHfModels(types = OptionalClassifier.class)
	static class OptionalCallAdapterConfiguration {

		@Bean
		HfModelProxyFactoryCustomizer optionalCallAdapter() {
			return (builder) -> builder.callAdapterFactory(new OptionalCallAdapterFactory());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableHfModels(types = LocalClassifier.class)
	static class LocalClassifierConfiguration {

	}

	/** Adapts {@code Optional<R>} return types: a blocking call, empty if no value. */
	static class OptionalCallAdapterFactory implements CallAdapter.Factory {

		@Override
		public @Nullable CallAdapter get(ResolvableType returnType, java.lang.reflect.Method method) {
			if (returnType.toClass() != Optional.class) {
				return null;
			}
			return new CallAdapter() {

				@Override
				public ResolvableType valueType() {
					return returnType.getGeneric(0);
				}

				@Override
				public Object adapt(Mono<?> call) {
					return call.blockOptional();
				}

			};
		}

	}

	@HfModel("local")
	interface OptionalClassifier {

		Optional<List<ClassificationOutput>> classify(String text);

	}

	@HfModel("local")
	interface LocalClassifier {

		List<ClassificationOutput> classify(String text);

	}

	static class FixedClassifier implements InProcessProvider {

		@Override
		public String name() {
			return "test-local";
		}

		@Override
		public boolean supports(Task<?, ?, ?> task) {
			return task == TextClassification.TASK;
		}

		@Override
		@SuppressWarnings("unchecked")
		public <I, P, R> Mono<R> execute(Task<I, P, R> task, ModelDefinition model, I input, @Nullable P parameters) {
			return Mono.just((R) List.of(new ClassificationOutput("LOCAL", 1.0)));
		}

	}

}
