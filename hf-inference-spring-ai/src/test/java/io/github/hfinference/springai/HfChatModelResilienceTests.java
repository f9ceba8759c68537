package io.github.hfinference.springai;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
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

import io.github.hfinference.core.task.chat.Usage;
import io.github.hfinference.test.HfAnswers;
import io.github.hfinference.test.HfInferenceAssertions;
import io.github.hfinference.test.HfInferenceStub;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring AI user behind {@code ChatClient} sees one successful answer when the first
 * attempt is rate limited or its target is down; the client's meters show the retry or
 * the failover, and the call is one Spring AI {@code gen_ai.client.operation} timer.
 */
class HfChatModelResilienceTests {

	private static final String MODEL_ID = HfChatModelTests.MODEL_ID;

	/** Two endpoints of the stub: {@code solo} calls the primary, {@code duo} fails over to the backup. */
	private static final String PRIMARY = "primary";

	private static final String BACKUP = "backup";

	private HfInferenceStub stub;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void start() {
		this.stub = HfInferenceStub.start();
		String primary = this.stub.endpointUrl(PRIMARY).toString();
		this.context = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("hf.inference.token=hf_test", "hf.inference.hub-url=" + this.stub.hubUrl(),
					"hf.inference.observations.cost.enabled=false", "hf.inference.retry.initial-interval=1ms",
					"hf.inference.retry.jitter=0", "spring.ai.model.chat=huggingface",
					"spring.ai.model.embedding=none", "hf.inference.spring-ai.chat-model=solo",
					"spring.ai.openai.api-key=sk-test", "hf.inference.models.solo.id=" + MODEL_ID,
					"hf.inference.models.solo.task=chat-completion",
					"hf.inference.models.solo.endpoint-url=" + primary,
					"hf.inference.models.duo.id=" + MODEL_ID, "hf.inference.models.duo.task=chat-completion",
					"hf.inference.models.duo.targets[0].name=primary",
					"hf.inference.models.duo.targets[0].url=" + primary,
					"hf.inference.models.duo.targets[1].name=backup",
					"hf.inference.models.duo.targets[1].url=" + this.stub.endpointUrl(BACKUP))
			.run();
	}

	@AfterEach
	void stop() {
		this.context.close();
		this.stub.close();
	}

	@Test
	void rateLimitedThenAnsweredIsOneAnswerAndOneRetry() {
		this.stub.endpoint(PRIMARY).chat().fails(429).retryAfter(Duration.ZERO).answers(paris());

		ChatResponse response = ChatClient.create(this.context.getBean(ChatModel.class))
			.prompt()
			.user("Capital of France?")
			.call()
			.chatResponse();

		assertThat(response.getResult().getOutput().getText()).isEqualTo("Paris.");
		assertThat((Object) response.getMetadata().get("hf.attempts")).isEqualTo(2);
		MeterRegistry meters = this.context.getBean(MeterRegistry.class);
		HfInferenceAssertions.assertThat(meters).hasRetried("solo", 1);
		assertThat(meters.get("hf.client.rate.limited").tag("hf.model", "solo").counter().count()).isEqualTo(1);
		HfInferenceAssertions.assertThat(this.stub).receivedCalls(PRIMARY).hasSize(2);
		assertThat(this.stub.calls()).hasSize(2);
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
		this.stub.endpoint(PRIMARY).chat().fails(503);
		this.stub.endpoint(BACKUP).chat().answers(paris());
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
		HfInferenceAssertions.assertThat(this.stub).receivedCalls(PRIMARY).hasSize(1);
		HfInferenceAssertions.assertThat(this.stub).receivedCalls(BACKUP).hasSize(1);
		assertThat(this.stub.calls()).hasSize(2);
	}

	private static io.github.hfinference.core.task.chat.ChatCompletionOutput paris() {
		return HfAnswers.chatReply(MODEL_ID, "Paris.", new Usage(20, 5, 25));
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
