package io.github.hfinference.springai;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.github.hfinference.test.HfInferenceAssertions;
import io.github.hfinference.test.HfInferenceStub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Start-up of an application with this module and Spring AI's OpenAI starter on the class
 * path: {@code spring.ai.model.*} picks which models are the default beans, per-alias
 * models are injected by qualifier, and a wrong alias fails start-up naming its property.
 */
class HfSpringAiStartupTests {

	private static final String MODEL_ID = HfChatModelTests.MODEL_ID;

	private HfInferenceStub stub;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeEach
	void start() {
		this.stub = HfInferenceStub.start();
	}

	@AfterEach
	void stop() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.stub.close();
	}

	@Test
	void huggingfaceSelectionMakesOurModelsTheDefaultBeansNextToOpenAi() throws Exception {
		ConfigurableApplicationContext context = run("spring.ai.model.chat=huggingface",
				"spring.ai.model.embedding=huggingface", "hf.inference.spring-ai.chat-model=chat",
				"hf.inference.spring-ai.embedding-model=embed");

		assertThat(context.getBean(ChatModel.class)).isInstanceOf(HfChatModel.class);
		assertThat(context.getBean(EmbeddingModel.class)).isInstanceOf(HfEmbeddingModel.class);
		assertThat(context.getBeansOfType(OpenAiChatModel.class)).isEmpty();
		assertThat(context.getBeansOfType(OpenAiEmbeddingModel.class)).isEmpty();
		this.stub.endpoint("chat").chat().replies("Paris.");
		String answer = context.getBean(ChatClient.Builder.class).build().prompt().user("Capital?").call().content();
		assertThat(answer).isEqualTo("Paris.");
		HfInferenceAssertions.assertThat(this.stub)
			.receivedCalls("chat")
			.hasSize(1)
			.first()
			.hasBodyJson("{\"model\":\"" + MODEL_ID + "\"}");
		assertThat(context.getBean(EmbeddingModel.class).dimensions()).isEqualTo(384);
	}

	@Test
	void openAiSelectionKeepsOpenAiTheDefaultAndOursByQualifier() {
		ConfigurableApplicationContext context = run("spring.ai.model.chat=openai", "spring.ai.model.embedding=openai",
				"hf.inference.spring-ai.chat-model=chat");

		assertThat(context.getBean(ChatModel.class)).isInstanceOf(OpenAiChatModel.class);
		assertThat(context.getBean(EmbeddingModel.class)).isInstanceOf(OpenAiEmbeddingModel.class);
		assertThat(context.getBean(ChatClient.Builder.class)).isNotNull();
		Injected injected = context.getBean(Injected.class);
		assertThat(injected.other()).isInstanceOf(HfChatModel.class);
		assertThat(((HfChatModel) injected.other()).model().id()).isEqualTo("Qwen/Qwen2.5-7B-Instruct");
		assertThat(((HfEmbeddingModel) injected.embed()).model().alias()).isEqualTo("embed");
	}

	@Test
	void withoutSelectionTheAliasPropertyAloneMakesTheDefaultBean() {
		ConfigurableApplicationContext context = run("spring.autoconfigure.exclude="
				+ "org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration",
				"hf.inference.spring-ai.chat-model=other");


		assertThat(((HfChatModel) context.getBean(ChatModel.class)).model().alias()).isEqualTo("other");
		assertThat(context.getBean(EmbeddingModel.class)).isInstanceOf(OpenAiEmbeddingModel.class);
	}

	@Test
	void missingChatAliasFailsStartupNamingTheProperty() {
		assertThatException().isThrownBy(() -> run("spring.ai.model.chat=huggingface"))
			.havingRootCause()
			.withMessageStartingWith("hf.inference.spring-ai.chat-model is not set: name the alias of a "
					+ "chat-completion model configured under hf.inference.models (configured: chat, embed, other)");
	}

	@Test
	void unknownEmbeddingAliasFailsStartupNamingThePropertyAndTheAlias() {
		assertThatException()
			.isThrownBy(() -> run("spring.ai.model.embedding=huggingface",
					"hf.inference.spring-ai.embedding-model=embedings"))
			.havingRootCause()
			.withMessage("hf.inference.spring-ai.embedding-model names model 'embedings', which is not configured "
					+ "under hf.inference.models (configured: chat, embed, other)");
	}

	@Test
	void aliasOfAnotherTaskFailsStartupNamingBothProperties() {
		assertThatException()
			.isThrownBy(() -> run("spring.ai.model.embedding=huggingface",
					"hf.inference.spring-ai.embedding-model=chat"))
			.havingRootCause()
			.withMessage("hf.inference.spring-ai.embedding-model names model 'chat', configured with task "
					+ "'chat-completion' (hf.inference.models.chat.task); it needs a feature-extraction model");
	}

	private ConfigurableApplicationContext run(String... properties) {
		String[] common = { "hf.inference.token=hf_test", "hf.inference.base-url=" + this.stub.baseUrl(),
				"hf.inference.hub-url=" + this.stub.hubUrl(), "hf.inference.observations.cost.enabled=false",
				"hf.inference.models.chat.id=" + MODEL_ID, "hf.inference.models.chat.task=chat-completion",
				"hf.inference.models.chat.endpoint-url=" + this.stub.endpointUrl("chat"),
				"hf.inference.models.other.id=Qwen/Qwen2.5-7B-Instruct",
				"hf.inference.models.other.task=chat-completion", "hf.inference.models.other.endpoint-url=" + this.stub.endpointUrl("other"),
				"hf.inference.models.embed.id=sentence-transformers/all-MiniLM-L6-v2",
				"hf.inference.models.embed.provider=local", "hf.inference.models.embed.task=feature-extraction",
				"spring.ai.openai.api-key=sk-test" };
		ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.properties(common)
			.properties(properties)
			.run();
		this.contexts.add(context);
		return context;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@Bean
		Injected injected(@Qualifier("other") ChatModel other, @Qualifier("embed") EmbeddingModel embed) {
			return new Injected(other, embed);
		}

	}

	record Injected(ChatModel other, EmbeddingModel embed) {

	}

}
