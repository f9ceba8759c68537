package io.github.hfinference.boot.observability;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.github.hfinference.boot.autoconfigure.HfInferenceAutoConfiguration;
import io.github.hfinference.boot.autoconfigure.HfInferenceEndpointAutoConfiguration;
import io.github.hfinference.boot.autoconfigure.health.HfHealthContributorAutoConfiguration;
import io.github.hfinference.boot.autoconfigure.observation.HfInferenceObservationAutoConfiguration;

/**
 * A local Hub, router and TGI endpoint in one server, answering by path; each answer can
 * be changed by a test, and requests are counted by path.
 */
final class MockHuggingFace extends Dispatcher implements AutoCloseable {

	static final String SENTIMENT_ID = "distilbert/sst2";

	static final String SENTIMENT_PATH = "/hf-inference/models/" + SENTIMENT_ID;

	static final String PINNED_SHA = "abc1234";

	/** The sentiment model's task and pinned revision, and a chat model served through {@code auto}. */
	static final String[] PINNED_SENTIMENT_AND_CHAT = { "hf.inference.models.sentiment.task=text-classification",
			"hf.inference.models.sentiment.revision=" + PINNED_SHA,
			"hf.inference.models.chat.id=meta-llama/Llama-3.1-8B-Instruct",
			"hf.inference.models.chat.task=chat-completion" };

	final MockWebServer server = new MockWebServer();

	final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	volatile int whoamiStatus = 200;

	volatile String servedSha = PINNED_SHA + "def";

	volatile String hubSha = PINNED_SHA + "def";

	volatile String hfInferenceStatus = "live";

	volatile int sentimentStatus = 200;

	/** Answers with this status before succeeding, once per value left. */
	final AtomicInteger sentimentFailuresLeft = new AtomicInteger();

	volatile int sentimentFailureStatus = 429;

	volatile int endpointHealthStatus = 200;

	/** Whether the endpoint's health check never answers. */
	volatile boolean endpointStalls;

	volatile String endpointSha = PINNED_SHA;

	MockHuggingFace() throws IOException {
		this.server.setDispatcher(this);
		this.server.start();
	}

	String url() {
		String url = this.server.url("/").toString();
		return url.substring(0, url.length() - 1);
	}

	/**
	 * The starter's auto-configurations connected to this server with a token, and the
	 * sentiment model on {@code hf-inference}.
	 * @param token the token
	 * @return the context runner
	 */
	ApplicationContextRunner contextRunner(String token) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HfInferenceAutoConfiguration.class,
					HfHealthContributorAutoConfiguration.class, HfInferenceObservationAutoConfiguration.class,
					HfInferenceEndpointAutoConfiguration.class))
			.withPropertyValues("hf.inference.token=" + token, "hf.inference.base-url=" + url(),
					"hf.inference.hub-url=" + url(), "hf.inference.models.sentiment.id=" + SENTIMENT_ID,
					"hf.inference.models.sentiment.provider=hf-inference");
	}

	int count(String path) {
		AtomicInteger count = this.requests.get(path);
		return (count != null) ? count.get() : 0;
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) {
		String target = request.getTarget();
		String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
		this.requests.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
		switch (path) {
			case "/api/whoami-v2" -> {
				if (this.whoamiStatus != 200) {
					return json(this.whoamiStatus, "{\"error\":\"whoami says " + this.whoamiStatus + "\"}");
				}
				return json(200, "{\"type\":\"user\",\"id\":\"1\",\"name\":\"jane\",\"auth\":{\"type\":\"access_token\","
						+ "\"accessToken\":{\"displayName\":\"ci\",\"role\":\"read\"}}}");
			}
			case "/api/models/" + SENTIMENT_ID -> {
				return json(200, "{\"_id\":\"x\",\"id\":\"" + SENTIMENT_ID + "\",\"sha\":\"" + this.hubSha
						+ "\",\"inference\":\"warm\",\"inferenceProviderMapping\":{\"hf-inference\":{\"status\":\""
						+ this.hfInferenceStatus + "\",\"providerId\":\"" + SENTIMENT_ID
						+ "\",\"task\":\"text-classification\"}}}");
			}
			case "/api/models/meta-llama/Llama-3.1-8B-Instruct" -> {
				return json(200, "{\"id\":\"meta-llama/Llama-3.1-8B-Instruct\",\"sha\":\"0123456789\",\"inference\":\"warm\","
						+ "\"inferenceProviderMapping\":{\"together\":{\"status\":\"live\",\"providerId\":\"x\","
						+ "\"task\":\"conversational\"},\"novita\":{\"status\":\"error\",\"providerId\":\"y\","
						+ "\"task\":\"conversational\"}}}");
			}
			case SENTIMENT_PATH -> {
				if (this.sentimentFailuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
					return json(this.sentimentFailureStatus, "{\"error\":\"try again\"}");
				}
				if (this.sentimentStatus != 200) {
					return json(this.sentimentStatus, "{\"error\":\"broken\"}");
				}
				return new MockResponse.Builder().code(200)
					.addHeader("Content-Type", "application/json")
					.addHeader("x-sha", this.servedSha)
					.addHeader("x-compute-time", "0.125")
					.addHeader("x-request-id", "req-sentiment")
					.body("[[{\"label\":\"POSITIVE\",\"score\":0.99}]]")
					.build();
			}
			case "/v1/models" -> {
				return json(200, "{\"object\":\"list\",\"data\":[{\"id\":\"meta-llama/Llama-3.1-8B-Instruct\","
						+ "\"providers\":[{\"provider\":\"together\",\"status\":\"live\",\"pricing\":"
						+ "{\"input\":0.5,\"output\":2.0}},{\"provider\":\"novita\",\"status\":\"error\"}]}]}");
			}
			case "/v1/chat/completions", "/together/v1/chat/completions" -> {
				return json(200, "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1732000000,"
						+ "\"model\":\"meta-llama/Llama-3.1-8B-Instruct\",\"choices\":[{\"index\":0,\"message\":"
						+ "{\"role\":\"assistant\",\"content\":\"Paris.\"},\"finish_reason\":\"stop\"}],"
						+ "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}");
			}
			case "/tgi/health" -> {
				if (this.endpointStalls) {
					return new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build();
				}
				return new MockResponse.Builder().code(this.endpointHealthStatus).build();
			}
			case "/tgi/info" -> {
				return json(200, "{\"model_id\":\"org/tgi-model\",\"model_sha\":\"" + this.endpointSha + "\"}");
			}
			default -> {
				return json(404, "{\"error\":\"Not Found: " + target + "\"}");
			}
		}
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
