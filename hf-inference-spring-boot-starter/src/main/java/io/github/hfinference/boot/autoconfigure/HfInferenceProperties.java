package io.github.hfinference.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.github.hfinference.core.ResiliencePolicy.LoadBalancing;
import io.github.hfinference.core.RevisionMismatchAction;
import io.github.hfinference.core.chat.ChatSettings;

/**
 * Configuration properties for Hugging Face inference. They validate themselves when
 * bound (Spring Boot uses a properties class that is a {@link Validator}), so a wrong
 * value stops start-up naming the property.
 */
@ConfigurationProperties("hf.inference")
public class HfInferenceProperties implements Validator {

	private static final Validator VALIDATOR = new HfInferencePropertiesValidator();

	/**
	 * Access token (hf_...). When not set, HF_TOKEN, HUGGING_FACE_HUB_TOKEN and the token
	 * file of the Hugging Face CLI are tried.
	 */
	private @Nullable String token;

	/**
	 * Base URL of the inference router.
	 */
	private String baseUrl = "https://router.huggingface.co";

	/**
	 * Base URL of the Hugging Face Hub, used to look up which providers serve a model.
	 */
	private String hubUrl = "https://huggingface.co";

	/**
	 * Organization billed for calls through the router (X-HF-Bill-To header).
	 */
	private @Nullable String billTo;

	/**
	 * Time allowed to establish a connection.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Time allowed for one attempt of a call, unless a model sets its own.
	 */
	private Duration timeout = Duration.ofSeconds(60);

	/**
	 * Whether calls and streams go straight to the Reactor Netty client that Spring
	 * Boot's connector settings built (spring.http.clients.*, SSL bundle, same
	 * connections) instead of through the WebClient, which costs about half again as much
	 * CPU per call. Calls are still observed as gen_ai.client.operation, but not as
	 * http.client.requests. Ignored when the WebClient.Builder has exchange filters,
	 * default headers or default cookies (they always apply) or the connector is not
	 * Reactor Netty; Hub calls that follow redirects always use the WebClient.
	 */
	private boolean directCalls = true;

	/**
	 * Headers added to every inference call.
	 */
	private Map<String, String> headers = new LinkedHashMap<>();

	/**
	 * Retry of failed calls, for every model unless overridden.
	 */
	private final Retry retry = new Retry();

	/**
	 * Circuit breakers per target, for every model unless overridden.
	 */
	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	/**
	 * Discovery of @HfModel interfaces.
	 */
	private final Scan scan = new Scan();

	/**
	 * Actuator health checks of the token and the models.
	 */
	private final Health health = new Health();

	/**
	 * Micrometer observations and meters of inference calls.
	 */
	private final Observations observations = new Observations();

	/**
	 * Models by alias, referenced by @HfModel("alias") interfaces.
	 */
	private Map<String, Model> models = new LinkedHashMap<>();

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getHubUrl() {
		return this.hubUrl;
	}

	public void setHubUrl(String hubUrl) {
		this.hubUrl = hubUrl;
	}

	public @Nullable String getBillTo() {
		return this.billTo;
	}

	public void setBillTo(@Nullable String billTo) {
		this.billTo = billTo;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public boolean isDirectCalls() {
		return this.directCalls;
	}

	public void setDirectCalls(boolean directCalls) {
		this.directCalls = directCalls;
	}

	public Map<String, String> getHeaders() {
		return this.headers;
	}

	public void setHeaders(Map<String, String> headers) {
		this.headers = headers;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	public Scan getScan() {
		return this.scan;
	}

	public Health getHealth() {
		return this.health;
	}

	public Observations getObservations() {
		return this.observations;
	}

	public Map<String, Model> getModels() {
		return this.models;
	}

	public void setModels(Map<String, Model> models) {
		this.models = models;
	}

	@Override
	public boolean supports(Class<?> type) {
		return VALIDATOR.supports(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		VALIDATOR.validate(target, errors);
	}

	/**
	 * Retry settings applied to every model.
	 */
	public static class Retry {

		/**
		 * Whether failed calls are retried (429, 503 and other retryable failures).
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of retries after the first attempt.
		 */
		private int maxRetries = 3;

		/**
		 * Wait before the first retry.
		 */
		private Duration initialInterval = Duration.ofSeconds(1);

		/**
		 * Factor applied to the wait after each retry.
		 */
		private double multiplier = 2.0;

		/**
		 * Upper bound of the wait between two retries.
		 */
		private Duration maxInterval = Duration.ofSeconds(8);

		/**
		 * Random fraction, from 0 to 1, added to or removed from each wait.
		 */
		private double jitter = 0.1;

		/**
		 * Upper bound of a wait the server asks for (Retry-After, a loading model's estimated time).
		 */
		private Duration maxServerWait = Duration.ofSeconds(60);

		/**
		 * Total time allowed for all attempts of one call. When not set, only the number of retries limits them.
		 */
		private @Nullable Duration deadline;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxServerWait() {
			return this.maxServerWait;
		}

		public void setMaxServerWait(Duration maxServerWait) {
			this.maxServerWait = maxServerWait;
		}

		public @Nullable Duration getDeadline() {
			return this.deadline;
		}

		public void setDeadline(@Nullable Duration deadline) {
			this.deadline = deadline;
		}

	}

	/**
	 * Circuit breaker settings applied to every model.
	 */
	public static class CircuitBreaker {

		/**
		 * Whether each target has a circuit breaker that skips it after repeated failures.
		 */
		private boolean enabled = true;

		/**
		 * Number of consecutive failures that open a target's circuit.
		 */
		private int failureThreshold = 5;

		/**
		 * How long an open circuit skips its target before a trial call.
		 */
		private Duration openDuration = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getFailureThreshold() {
			return this.failureThreshold;
		}

		public void setFailureThreshold(int failureThreshold) {
			this.failureThreshold = failureThreshold;
		}

		public Duration getOpenDuration() {
			return this.openDuration;
		}

		public void setOpenDuration(Duration openDuration) {
			this.openDuration = openDuration;
		}

	}

	/**
	 * Actuator health checks of the token and the models. They never run inference.
	 */
	public static class Health {

		/**
		 * How long the token check (whoami, strictly rate limited by the Hub) is cached.
		 */
		private Duration tokenTtl = Duration.ofMinutes(10);

		/**
		 * How long the Hub model status and endpoint checks of a model are cached.
		 */
		private Duration modelTtl = Duration.ofMinutes(1);

		/**
		 * Time allowed for each remote check.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		/**
		 * Time allowed for all checks of one model; models are checked in parallel, and
		 * targets not checked by then are UNKNOWN.
		 */
		private Duration deadline = Duration.ofSeconds(10);

		public Duration getTokenTtl() {
			return this.tokenTtl;
		}

		public void setTokenTtl(Duration tokenTtl) {
			this.tokenTtl = tokenTtl;
		}

		public Duration getModelTtl() {
			return this.modelTtl;
		}

		public void setModelTtl(Duration modelTtl) {
			this.modelTtl = modelTtl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getDeadline() {
			return this.deadline;
		}

		public void setDeadline(Duration deadline) {
			this.deadline = deadline;
		}

	}

	/**
	 * Micrometer observations and meters of inference calls.
	 */
	public static class Observations {

		/**
		 * Estimated cost of calls (hf.client.cost), from the router's published prices.
		 */
		private final Cost cost = new Cost();

		public Cost getCost() {
			return this.cost;
		}

	}

	/**
	 * Estimated cost of calls, from the prices the router publishes (GET {base-url}/v1/models).
	 */
	public static class Cost {

		/**
		 * Whether the cost of calls is estimated where the router publishes the serving
		 * provider's price; the price list is fetched in the background.
		 */
		private boolean enabled = true;

		/**
		 * How long the router's model catalogue (prices, provider status and capabilities) is used
		 * before it is refreshed in the background.
		 */
		private Duration pricesTtl = Duration.ofHours(1);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getPricesTtl() {
			return this.pricesTtl;
		}

		public void setPricesTtl(Duration pricesTtl) {
			this.pricesTtl = pricesTtl;
		}

	}

	/**
	 * Discovery of @HfModel interfaces.
	 */
	public static class Scan {

		/**
		 * Whether @HfModel interfaces in the application's auto-configuration packages are
		 * registered as beans.
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * One model and where it is served.
	 */
	public static class Model {

		/**
		 * Hugging Face model id (org/name). Required for models served through the router.
		 */
		private @Nullable String id;

		/**
		 * Model revision to pin: a commit sha, a branch or a tag.
		 */
		private @Nullable String revision;

		/**
		 * What happens when a server reports another revision than the pinned commit sha:
		 * 'warn' logs once and flags drift in health and the hfinference endpoint, 'fail'
		 * fails the call with HfRevisionMismatchException.
		 */
		private RevisionMismatchAction onRevisionMismatch = RevisionMismatchAction.WARN;

		/**
		 * Task run by the methods that do not name one, such as 'text-classification'.
		 */
		private @Nullable String task;

		/**
		 * Provider that serves the model through the router ('auto', 'hf-inference',
		 * 'together', ...) or 'local' to run it in process. Shortcut for a single target.
		 */
		private @Nullable String provider;

		/**
		 * URL of an endpoint that serves the model (an Inference Endpoint, a TGI or TEI
		 * server, an OpenAI-compatible gateway). Shortcut for a single target.
		 */
		private @Nullable String endpointUrl;

		/**
		 * Targets that serve the model, in priority order, instead of 'provider' or 'endpoint-url'.
		 */
		private List<Target> targets = new ArrayList<>();

		/**
		 * Time allowed for one attempt of a call. When not set, 'hf.inference.timeout' applies.
		 */
		private @Nullable Duration timeout;

		/**
		 * How calls pick one of the targets.
		 */
		private LoadBalancing loadBalancing = LoadBalancing.FAILOVER;

		/**
		 * Retry settings overriding 'hf.inference.retry' for this model.
		 */
		private final RetryOverrides retry = new RetryOverrides();

		/**
		 * Circuit breaker settings overriding 'hf.inference.circuit-breaker' for this model.
		 */
		private final CircuitBreakerOverrides circuitBreaker = new CircuitBreakerOverrides();

		/**
		 * Client-side limits on the calls to this model.
		 */
		private final Admission admission = new Admission();

		/**
		 * Health check of this model.
		 */
		private final ModelHealth health = new ModelHealth();

		/**
		 * Coalescing of concurrent single calls into batch requests (feature-extraction).
		 */
		private final Batching batching = new Batching();

		/**
		 * Chat calls to this model: stream usage, image size limit, tool loop and
		 * structured output.
		 */
		private final Chat chat = new Chat();

		public @Nullable String getId() {
			return this.id;
		}

		public void setId(@Nullable String id) {
			this.id = id;
		}

		public @Nullable String getRevision() {
			return this.revision;
		}

		public void setRevision(@Nullable String revision) {
			this.revision = revision;
		}

		public RevisionMismatchAction getOnRevisionMismatch() {
			return this.onRevisionMismatch;
		}

		public void setOnRevisionMismatch(RevisionMismatchAction onRevisionMismatch) {
			this.onRevisionMismatch = onRevisionMismatch;
		}

		public @Nullable String getTask() {
			return this.task;
		}

		public void setTask(@Nullable String task) {
			this.task = task;
		}

		public @Nullable String getProvider() {
			return this.provider;
		}

		public void setProvider(@Nullable String provider) {
			this.provider = provider;
		}

		public @Nullable String getEndpointUrl() {
			return this.endpointUrl;
		}

		public void setEndpointUrl(@Nullable String endpointUrl) {
			this.endpointUrl = endpointUrl;
		}

		public List<Target> getTargets() {
			return this.targets;
		}

		public void setTargets(List<Target> targets) {
			this.targets = targets;
		}

		public @Nullable Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(@Nullable Duration timeout) {
			this.timeout = timeout;
		}

		public LoadBalancing getLoadBalancing() {
			return this.loadBalancing;
		}

		public void setLoadBalancing(LoadBalancing loadBalancing) {
			this.loadBalancing = loadBalancing;
		}

		public RetryOverrides getRetry() {
			return this.retry;
		}

		public CircuitBreakerOverrides getCircuitBreaker() {
			return this.circuitBreaker;
		}

		public Admission getAdmission() {
			return this.admission;
		}

		public ModelHealth getHealth() {
			return this.health;
		}

		public Batching getBatching() {
			return this.batching;
		}

		public Chat getChat() {
			return this.chat;
		}

	}

	/**
	 * Health check of one model.
	 */
	public static class ModelHealth {

		/**
		 * Whether the health check also makes one real, minimal call (a chat completion with
		 * max_tokens 1, cached like the other checks). It spends credits; chat-completion models only.
		 */
		private boolean probe;

		public boolean isProbe() {
			return this.probe;
		}

		public void setProbe(boolean probe) {
			this.probe = probe;
		}

	}

	/**
	 * One target that serves a model: a provider or a URL.
	 */
	public static class Target {

		/**
		 * Name of the target in logs, metrics and results. Defaults to the provider or the URL's host.
		 */
		private @Nullable String name;

		/**
		 * Provider that serves the model through the router, or 'local' to run it in process.
		 */
		private @Nullable String provider;

		/**
		 * URL of an endpoint that serves the model.
		 */
		private @Nullable String url;

		/**
		 * Credentials of the endpoint, sent instead of the Hugging Face token.
		 */
		private @Nullable String token;

		/**
		 * Whether the Hugging Face token may be sent to the endpoint. It is always sent to Hugging Face hosts.
		 */
		private boolean sendHfToken;

		/**
		 * Share of the calls the target receives under weighted load balancing.
		 */
		private int weight = 1;

		/**
		 * How the URL is spoken to: 'endpoint' posts task payloads to it unchanged (Inference
		 * Endpoints, TGI, TEI); 'openai' treats it as an OpenAI-compatible gateway
		 * (/v1/images/generations, /v1/videos/generations, /v1/chat/completions).
		 */
		private Protocol protocol = Protocol.ENDPOINT;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getProvider() {
			return this.provider;
		}

		public void setProvider(@Nullable String provider) {
			this.provider = provider;
		}

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public boolean isSendHfToken() {
			return this.sendHfToken;
		}

		public void setSendHfToken(boolean sendHfToken) {
			this.sendHfToken = sendHfToken;
		}

		public int getWeight() {
			return this.weight;
		}

		public void setWeight(int weight) {
			this.weight = weight;
		}

		public Protocol getProtocol() {
			return this.protocol;
		}

		public void setProtocol(Protocol protocol) {
			this.protocol = protocol;
		}

		/**
		 * How a URL target is spoken to.
		 */
		public enum Protocol {

			/** Task payloads posted to the URL unchanged; chat at /v1/chat/completions. */
			ENDPOINT,

			/** An OpenAI-compatible gateway: images, videos and chat under /v1. */
			OPENAI

		}

	}

	/**
	 * Retry settings of one model; those not set fall back to 'hf.inference.retry'.
	 */
	public static class RetryOverrides {

		/**
		 * Whether failed calls to this model are retried.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Maximum number of retries after the first attempt.
		 */
		private @Nullable Integer maxRetries;

		/**
		 * Wait before the first retry.
		 */
		private @Nullable Duration initialInterval;

		/**
		 * Factor applied to the wait after each retry.
		 */
		private @Nullable Double multiplier;

		/**
		 * Upper bound of the wait between two retries.
		 */
		private @Nullable Duration maxInterval;

		/**
		 * Random fraction, from 0 to 1, added to or removed from each wait.
		 */
		private @Nullable Double jitter;

		/**
		 * Upper bound of a wait the server asks for.
		 */
		private @Nullable Duration maxServerWait;

		/**
		 * Total time allowed for all attempts of one call.
		 */
		private @Nullable Duration deadline;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Integer getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(@Nullable Integer maxRetries) {
			this.maxRetries = maxRetries;
		}

		public @Nullable Duration getInitialInterval() {
			return this.initialInterval;
		}

		public void setInitialInterval(@Nullable Duration initialInterval) {
			this.initialInterval = initialInterval;
		}

		public @Nullable Double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(@Nullable Double multiplier) {
			this.multiplier = multiplier;
		}

		public @Nullable Duration getMaxInterval() {
			return this.maxInterval;
		}

		public void setMaxInterval(@Nullable Duration maxInterval) {
			this.maxInterval = maxInterval;
		}

		public @Nullable Double getJitter() {
			return this.jitter;
		}

		public void setJitter(@Nullable Double jitter) {
			this.jitter = jitter;
		}

		public @Nullable Duration getMaxServerWait() {
			return this.maxServerWait;
		}

		public void setMaxServerWait(@Nullable Duration maxServerWait) {
			this.maxServerWait = maxServerWait;
		}

		public @Nullable Duration getDeadline() {
			return this.deadline;
		}

		public void setDeadline(@Nullable Duration deadline) {
			this.deadline = deadline;
		}

	}

	/**
	 * Circuit breaker settings of one model; those not set fall back to
	 * 'hf.inference.circuit-breaker'.
	 */
	public static class CircuitBreakerOverrides {

		/**
		 * Whether the targets of this model have circuit breakers.
		 */
		private @Nullable Boolean enabled;

		/**
		 * Number of consecutive failures that open a target's circuit.
		 */
		private @Nullable Integer failureThreshold;

		/**
		 * How long an open circuit skips its target before a trial call.
		 */
		private @Nullable Duration openDuration;

		public @Nullable Boolean getEnabled() {
			return this.enabled;
		}

		public void setEnabled(@Nullable Boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Integer getFailureThreshold() {
			return this.failureThreshold;
		}

		public void setFailureThreshold(@Nullable Integer failureThreshold) {
			this.failureThreshold = failureThreshold;
		}

		public @Nullable Duration getOpenDuration() {
			return this.openDuration;
		}

		public void setOpenDuration(@Nullable Duration openDuration) {
			this.openDuration = openDuration;
		}

	}

	/**
	 * Client-side admission limits of one model, to stay under a tier's rate limits.
	 */
	public static class Admission {

		/**
		 * Maximum number of calls in flight at once. 0 means no limit.
		 */
		private int maxConcurrentCalls;

		/**
		 * Maximum number of calls started per second. 0 means no limit.
		 */
		private double maxCallsPerSecond;

		/**
		 * Maximum number of calls waiting for admission. 0 makes excess calls fail at once.
		 */
		private int maxQueueSize;

		/**
		 * How long a call may wait for admission before it fails.
		 */
		private Duration maxQueueWait = Duration.ZERO;

		public int getMaxConcurrentCalls() {
			return this.maxConcurrentCalls;
		}

		public void setMaxConcurrentCalls(int maxConcurrentCalls) {
			this.maxConcurrentCalls = maxConcurrentCalls;
		}

		public double getMaxCallsPerSecond() {
			return this.maxCallsPerSecond;
		}

		public void setMaxCallsPerSecond(double maxCallsPerSecond) {
			this.maxCallsPerSecond = maxCallsPerSecond;
		}

		public int getMaxQueueSize() {
			return this.maxQueueSize;
		}

		public void setMaxQueueSize(int maxQueueSize) {
			this.maxQueueSize = maxQueueSize;
		}

		public Duration getMaxQueueWait() {
			return this.maxQueueWait;
		}

		public void setMaxQueueWait(Duration maxQueueWait) {
			this.maxQueueWait = maxQueueWait;
		}

	}

	/**
	 * Micro-batching of one model: concurrent single calls of a task that accepts a list of
	 * inputs (feature-extraction) are sent together in one request.
	 */
	public static class Batching {

		/**
		 * Maximum number of calls sent in one request. 0 or 1 turns batching off.
		 */
		private int maxSize;

		/**
		 * How long a call waits for others to join its request before it is sent anyway.
		 */
		private Duration maxWait = Duration.ofMillis(5);

		public int getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(int maxSize) {
			this.maxSize = maxSize;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

	/**
	 * Chat calls to one model.
	 */
	public static class Chat {

		/**
		 * Whether streams ask for token usage on their last chunk ("stream_options":
		 * {"include_usage": true}). Turn off for servers that reject the field.
		 */
		private boolean includeUsage = true;

		/**
		 * Largest inline image a message may carry; a larger one fails before it is sent.
		 */
		private DataSize maxImageSize = DataSize.ofMegabytes(20);

		/**
		 * How many times the model may ask for tools in one call before the call fails.
		 */
		private int maxToolRounds = ChatSettings.DEFAULT_MAX_TOOL_ROUNDS;

		/**
		 * What a tool that throws does: send its message back to the model as the tool's
		 * result, or fail the call.
		 */
		private ChatSettings.ToolErrors toolErrors = ChatSettings.ToolErrors.SEND_TO_MODEL;

		/**
		 * How typed answers are asked for: json-schema, or json-object plus the schema in a
		 * system message for providers without json_schema support.
		 */
		private ChatSettings.StructuredOutputMode structuredOutput = ChatSettings.StructuredOutputMode.JSON_SCHEMA;

		/**
		 * Whether a typed answer that does not bind gets one more round (the error sent
		 * back to the model) before the call fails.
		 */
		private boolean repairStructuredOutput;

		public boolean isIncludeUsage() {
			return this.includeUsage;
		}

		public void setIncludeUsage(boolean includeUsage) {
			this.includeUsage = includeUsage;
		}

		public DataSize getMaxImageSize() {
			return this.maxImageSize;
		}

		public void setMaxImageSize(DataSize maxImageSize) {
			this.maxImageSize = maxImageSize;
		}

		public int getMaxToolRounds() {
			return this.maxToolRounds;
		}

		public void setMaxToolRounds(int maxToolRounds) {
			this.maxToolRounds = maxToolRounds;
		}

		public ChatSettings.ToolErrors getToolErrors() {
			return this.toolErrors;
		}

		public void setToolErrors(ChatSettings.ToolErrors toolErrors) {
			this.toolErrors = toolErrors;
		}

		public ChatSettings.StructuredOutputMode getStructuredOutput() {
			return this.structuredOutput;
		}

		public void setStructuredOutput(ChatSettings.StructuredOutputMode structuredOutput) {
			this.structuredOutput = structuredOutput;
		}

		public boolean isRepairStructuredOutput() {
			return this.repairStructuredOutput;
		}

		public void setRepairStructuredOutput(boolean repairStructuredOutput) {
			this.repairStructuredOutput = repairStructuredOutput;
		}

	}

}
