package io.github.hfinference.boot.observability;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.hfinference.boot.autoconfigure.HfInferenceAutoConfiguration;
import io.github.hfinference.boot.autoconfigure.HfInferenceEndpointAutoConfiguration;
import io.github.hfinference.boot.autoconfigure.health.HfHealthContributorAutoConfiguration;
import io.github.hfinference.boot.autoconfigure.observation.HfInferenceObservationAutoConfiguration;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.Usage;
import io.github.hfinference.test.HfInferenceStub;
import io.github.hfinference.test.TaskScript;

import static io.github.hfinference.test.HfAnswers.label;

/**
 * The Hugging Face the observability tests run against: the stub of
 * {@code hf-inference-test} with a pinned sentiment model on hf-inference, a chat model
 * on two providers (one in error, one with a published price), a TGI endpoint and a token
 * owned by {@code jane}. Register it on an instance field with {@code @RegisterExtension}:
 * the stub starts before each test and is closed after it.
 */
final class ScriptedHuggingFace implements BeforeEachCallback, AfterEachCallback {

	static final String SENTIMENT_ID = "distilbert/sst2";

	static final String SENTIMENT_PATH = "/hf-inference/models/" + SENTIMENT_ID;

	static final String CHAT_ID = "meta-llama/Llama-3.1-8B-Instruct";

	static final String PINNED_SHA = "abc1234";

	/** What the Hub and the sentiment answers report: a commit the pin is a prefix of. */
	static final String SERVED_SHA = PINNED_SHA + "def";

	private @Nullable HfInferenceStub stub;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.stub = start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.stub != null) {
			this.stub.close();
			this.stub = null;
		}
	}

	/** The stub, started for the current test. */
	HfInferenceStub stub() {
		HfInferenceStub started = this.stub;
		if (started == null) {
			throw new IllegalStateException("The stub runs only during a test");
		}
		return started;
	}

	private static HfInferenceStub start() {
		HfInferenceStub stub = HfInferenceStub.start().whoami("jane");
		stub.model(SENTIMENT_ID).servesRevision(SERVED_SHA);
		answers(sentiment(stub));
		stub.model(CHAT_ID)
			.servedBy("together", "novita")
			.providerStatus("novita", "error")
			.pricing("together", 0.5, 2.0)
			.chat()
			.answers(new ChatCompletionOutput("c1", 1732000000L, CHAT_ID, null,
					List.of(new ChatCompletionOutput.Choice(0, ChatMessage.assistant("Paris."), "stop", null)),
					new Usage(12, 3, 15)));
		stub.endpoint("tgi").servesRevision(PINNED_SHA);
		return stub;
	}

	/**
	 * A context runner with the client's, health, observation and endpoint
	 * auto-configurations, pointed at the stub with a token.
	 * @param token the token
	 * @return the runner
	 */
	ApplicationContextRunner contextRunner(String token) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HfInferenceAutoConfiguration.class,
					HfHealthContributorAutoConfiguration.class, HfInferenceObservationAutoConfiguration.class,
					HfInferenceEndpointAutoConfiguration.class))
			.withPropertyValues(connectionProperties(stub(), token));
	}

	/**
	 * The properties pointing the client at the stub (router and Hub) with a token.
	 * @param stub the stub
	 * @param token the token
	 * @return the properties
	 */
	private static String[] connectionProperties(HfInferenceStub stub, String token) {
		return new String[] { "hf.inference.token=" + token, "hf.inference.base-url=" + stub.baseUrl(),
				"hf.inference.hub-url=" + stub.hubUrl() };
	}

	/**
	 * The properties declaring the sentiment model, pinned to {@link #PINNED_SHA} on
	 * hf-inference, and the chat model.
	 * @return the properties
	 */
	static String[] modelProperties() {
		return new String[] { "hf.inference.models.sentiment.id=" + SENTIMENT_ID,
				"hf.inference.models.sentiment.provider=hf-inference",
				"hf.inference.models.sentiment.task=text-classification",
				"hf.inference.models.sentiment.revision=" + PINNED_SHA, "hf.inference.models.chat.id=" + CHAT_ID,
				"hf.inference.models.chat.task=chat-completion" };
	}

	/** The sentiment model's script. */
	static TaskScript<List<ClassificationOutput>> sentiment(HfInferenceStub stub) {
		return stub.model(SENTIMENT_ID).task(TextClassification.TASK);
	}

	/**
	 * Adds the sentiment model's usual answer, with a compute time and a request id.
	 * @param script the sentiment script
	 * @return the script
	 */
	static TaskScript<List<ClassificationOutput>> answers(TaskScript<List<ClassificationOutput>> script) {
		return script.answers(List.of(label("POSITIVE", 0.99)))
			.withHeader("x-compute-time", "0.125")
			.withHeader("x-request-id", "req-sentiment");
	}

	/**
	 * How many requests went to a path.
	 * @param stub the stub
	 * @param path the path, without query
	 * @return the count
	 */
	static long count(HfInferenceStub stub, String path) {
		return stub.calls().stream().filter((call) -> call.path().equals(path)).count();
	}

}
