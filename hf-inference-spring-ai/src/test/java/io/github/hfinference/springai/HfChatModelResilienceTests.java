package io.github.hfinference.springai;

import io.micrometer.core.instrument.MeterRegistry;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring AI user behind {@code ChatClient} sees one successful answer when the first
 * attempt is rate limited or its target is down; the client's meters show the retry or
 * the failover, and the call is one Spring AI {@code gen_ai.client.operation} timer.
 */
class HfChatModelResilienceTests {

	private static final String ANSWER = ChatStub.completion("{\"role\":\"assistant\",\"content\":\"Paris.\"}",
			"stop");

	private ChatStub primary;

	private ChatStub backup;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() throws Exception {
		this.primary = new ChatStub();
		this.backup = new ChatStub();
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("hf.inference.token=hf_test", "hf.inference.hub-url=" + this.primary.url(),
					"hf.inference.observations.cost.enabled=false", "hf.inference.retry.initial-interval=1ms",
					"hf.inference.retry.jitter=0", "spring.ai.model.chat=huggingface",
					"spring.ai.model.embedding=none", "hf.inference.spring-ai.chat-model=solo",
					"spring.ai.openai.api-key=sk-test", "hf.inference.models.solo.id=" + ChatStub.MODEL_ID,
					"hf.inference.models.solo.task=chat-completion",
					"hf.inference.models.solo.endpoint-url=" + this.primary.url(),
					"hf.inference.models.duo.id=" + ChatStub.MODEL_ID, "hf.inference.models.duo.task=chat-completion",
					"hf.inference.models.duo.targets[0].name=primary",
					"hf.inference.models.duo.targets[0].url=" + this.primary.url(),
					"hf.inference.models.duo.targets[1].name=backup",
					"hf.inference.models.duo.targets[1].url=" + this.backup.url())
			.run();
	}

	@AfterEach
	void stop() {
		this.context.close();
		this.primary.close();
		this.backup.close();
	}

	@Test
	void rateLimitedThenAnsweredIsOneAnswerAndOneRetry() {
		this.primary.server.enqueue(new MockResponse.Builder().code(429)
			.addHeader("Retry-After", "0")
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":\"Rate limit reached\"}")
			.build());
		this.primary.answer(ANSWER);

		ChatResponse response = ChatClient.create(this.context.getBean(ChatModel.class))
			.prompt()
			.user("Capital of France?")
			.call()
			.chatResponse();

		assertThat(response.getResult().getOutput().getText()).isEqualTo("Paris.");
		assertThat((Object) response.getMetadata().get("hf.attempts")).isEqualTo(2);
		MeterRegistry meters = this.context.getBean(MeterRegistry.class);
		assertThat(meters.get("hf.client.retries").tag("hf.model", "solo").counter().count()).isEqualTo(1);
		assertThat(meters.get("hf.client.rate.limited").tag("hf.model", "solo").counter().count()).isEqualTo(1);
		assertThat(this.primary.server.getRequestCount()).isEqualTo(2);
		assertThat(meters.get("gen_ai.client.operation").timers()).singleElement().satisfies((operation) -> {
			assertThat(operation.count()).isEqualTo(1);
			assertThat(operation.getId().getTag("gen_ai.system")).isEqualTo("huggingface");
			assertThat(operation.getId().getTag("gen_ai.operation.name")).isEqualTo("chat");
		});
		assertThat(meters.get("gen_ai.client.token.usage").meters()).hasSize(3)
			.allSatisfy((usage) -> assertThat(usage.getId().getTag("gen_ai.system")).isEqualTo("huggingface"));
	}

	@Test
	void primaryDownFailsOverToTheBackupInOneAnswer() {
		this.primary.server.enqueue(new MockResponse.Builder().code(503)
			.addHeader("Content-Type", "application/json")
			.body("{\"error\":\"Service unavailable\"}")
			.build());
		this.backup.answer(ANSWER);
		ChatModel duo = this.context.getBean(Models.class).duo();

		ChatResponse response = ChatClient.create(duo).prompt().user("Capital of France?").call().chatResponse();

		assertThat(response.getResult().getOutput().getText()).isEqualTo("Paris.");
		assertThat((Object) response.getMetadata().get("hf.target")).isEqualTo("backup");
		MeterRegistry meters = this.context.getBean(MeterRegistry.class);
		assertThat(meters.get("hf.client.failovers")
			.tag("hf.model", "duo")
			.tag("hf.provider", "primary")
			.tag("hf.failover.target", "backup")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.primary.server.getRequestCount()).isEqualTo(1);
		assertThat(this.backup.server.getRequestCount()).isEqualTo(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@org.springframework.context.annotation.Bean
		Models models(@Qualifier("duo") ChatModel duo) {
			return new Models(duo);
		}

	}

	record Models(ChatModel duo) {

	}

}
