package io.github.hfinference.boot.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.boot.autoconfigure.HfInferenceProperties.Admission;
import io.github.hfinference.boot.autoconfigure.HfInferenceProperties.Batching;
import io.github.hfinference.boot.autoconfigure.HfInferenceProperties.CircuitBreakerOverrides;
import io.github.hfinference.boot.autoconfigure.HfInferenceProperties.Model;
import io.github.hfinference.boot.autoconfigure.HfInferenceProperties.RetryOverrides;
import io.github.hfinference.boot.autoconfigure.HfInferenceProperties.Target;
import io.github.hfinference.core.BatchingSettings;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.AdmissionSettings;
import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.chat.ChatSettings;
import io.github.hfinference.core.declarative.ConfiguredModel;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.internal.routing.HubIds;
import io.github.hfinference.core.internal.routing.Providers;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Tasks;

/**
 * Validates {@link HfInferenceProperties} and maps them onto the core: the client's
 * settings and one {@link ModelDefinition} per configured model. Every problem fails with
 * an {@link HfConfigurationException} whose message starts with the property at fault;
 * {@link #validate()} runs the checks when the properties are bound.
 */
final class HfInferencePropertiesMapper {

	private static final String PREFIX = "hf.inference";

	private final HfInferenceProperties properties;

	HfInferencePropertiesMapper(HfInferenceProperties properties) {
		this.properties = properties;
	}

	/**
	 * Applies the connection settings to a client builder. A blank token counts as not
	 * set, so {@code token: ${HF_TOKEN:}} falls back to the usual lookup.
	 * @param builder the builder
	 * @param connection where to connect and with which token
	 */
	void applyTo(HfInferenceClient.Builder builder, HfInferenceConnectionDetails connection) {
		String token = connection.getToken();
		if (StringUtils.hasText(token)) {
			builder.token(HfToken.of(token, PREFIX + ".token"));
		}
		builder.baseUrl(url(connection.getBaseUrl(), PREFIX + ".base-url"));
		builder.hubUrl(url(connection.getHubUrl(), PREFIX + ".hub-url"));
		builder.billTo(StringUtils.hasText(this.properties.getBillTo()) ? this.properties.getBillTo() : null);
		builder.timeout(positive(this.properties.getTimeout(), PREFIX + ".timeout"));
		builder.connectTimeout(connectTimeout());
		builder.catalogTimeToLive(positive(this.properties.getObservations().getCost().getPricesTtl(),
				PREFIX + ".observations.cost.prices-ttl"));
		this.properties.getHeaders().forEach(builder::header);
	}

	/** The validated connect timeout. */
	Duration connectTimeout() {
		return positive(this.properties.getConnectTimeout(), PREFIX + ".connect-timeout");
	}

	/**
	 * Checks every property that can be checked without the application's beans, as the
	 * properties are bound: connection settings and every model, assuming that a provider
	 * name the router does not know is an in-process provider (whether one is registered
	 * is only known once the beans exist).
	 * @throws HfConfigurationException naming the first property at fault
	 */
	void validate() {
		applyTo(HfInferenceClient.builder(), new PropertiesHfInferenceConnectionDetails(this.properties));
		connectTimeout();
		Set<String> assumedInProcess = this.properties.getModels()
			.values()
			.stream()
			.flatMap((model) -> Stream.concat(Stream.of(model.getProvider()),
					model.getTargets().stream().map(Target::getProvider)))
			.filter((name) -> name != null && !Providers.AUTO.equals(name) && !Providers.isKnown(name))
			.collect(Collectors.toSet());
		modelRegistry(assumedInProcess);
	}

	/**
	 * Builds the registry of configured models.
	 * @param inProcessProviders names of the in-process providers available
	 * @return the registry
	 */
	HfModelRegistry modelRegistry(Set<String> inProcessProviders) {
		RetrySettings retry = globalRetry();
		CircuitBreakerSettings circuitBreaker = globalCircuitBreaker();
		Map<String, ConfiguredModel> models = new LinkedHashMap<>();
		this.properties.getModels().forEach((alias, model) -> models.put(alias,
				configuredModel(alias, model, retry, circuitBreaker, inProcessProviders)));
		return new HfModelRegistry(models);
	}

	private ConfiguredModel configuredModel(String alias, Model model, RetrySettings retry,
			CircuitBreakerSettings circuitBreaker, Set<String> inProcessProviders) {
		String prefix = PREFIX + ".models." + alias;
		Task<?, ?, ?> task = (model.getTask() != null) ? task(model.getTask(), prefix + ".task") : null;
		String revision = model.getRevision();
		String revisionProblem = (revision != null) ? HubIds.revisionProblem(revision) : null;
		if (revisionProblem != null) {
			throw invalid(prefix + ".revision", revisionProblem);
		}
		String id = model.getId();
		List<WeightedTarget> targets = targets(prefix, model, inProcessProviders);
		if (id != null) {
			validateId(id, prefix + ".id",
					targets.stream().anyMatch((target) -> target.target() instanceof InferenceTarget.Router));
		}
		if (task != null) {
			requireServed(task, prefix, model, targets);
		}
		if (id == null) {
			targets.stream().filter((target) -> target.target() instanceof InferenceTarget.Router).findFirst()
				.ifPresent((target) -> {
					throw invalid(prefix + ".id", "missing model id; a model served through the router (provider '"
							+ target.target().name() + "') needs its Hugging Face model id (org/name)");
				});
		}
		ResiliencePolicy policy = new ResiliencePolicy(retry(prefix + ".retry", model.getRetry(), retry),
				model.getLoadBalancing(), circuitBreaker(prefix + ".circuit-breaker", model.getCircuitBreaker(),
						circuitBreaker),
				admission(prefix + ".admission", model.getAdmission()));
		Duration timeout = (model.getTimeout() != null) ? positive(model.getTimeout(), prefix + ".timeout") : null;
		ModelDefinition.Builder definition = ModelDefinition.builder(alias).id(id).revision(revision).policy(policy)
			.timeout(timeout)
			.revisionMismatch(model.getOnRevisionMismatch())
			.batching(batching(prefix + ".batching", model.getBatching()))
			.chat(chat(prefix + ".chat", model.getChat()));
		targets.forEach((target) -> definition.target(target.target(), target.weight()));
		try {
			return new ConfiguredModel(definition.build(), task);
		}
		catch (HfConfigurationException ex) {
			throw invalid(prefix, ex.getMessage());
		}
	}

	/**
	 * A model id goes into router and Hub URLs when a target is a router provider: it must
	 * follow the Hub's rules; otherwise it only names the model in a request body (a
	 * gateway's own model name) and must only be printable text.
	 */
	private static void validateId(String id, String property, boolean viaRouter) {
		String problem = HubIds.modelIdProblem(id);
		if (viaRouter && problem != null) {
			throw invalid(property, problem);
		}
		if (id.isBlank() || id.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw invalid(property, "malformed model id " + HubIds.quote(id) + "; expected org/name");
		}
	}

	/** A model's task must be served by each explicit router provider it names. */
	private static void requireServed(Task<?, ?, ?> task, String prefix, Model model, List<WeightedTarget> targets) {
		for (int index = 0; index < targets.size(); index++) {
			if (targets.get(index).target() instanceof InferenceTarget.Router router
					&& !router.provider().startsWith(Providers.AUTO)) {
				try {
					Providers.requireServes(router.provider(), task.id());
				}
				catch (HfConfigurationException ex) {
					throw invalid(model.getTargets().isEmpty() ? prefix + ".provider"
							: prefix + ".targets[" + index + "].provider", ex.getMessage());
				}
			}
		}
	}

	private static Task<?, ?, ?> task(String id, String property) {
		return Tasks.byId(id).orElseThrow(() -> invalid(property,
				"unknown task '" + id + "'; known tasks: " + String.join(", ", Tasks.ids())));
	}

	private static List<WeightedTarget> targets(String prefix, Model model, Set<String> inProcessProviders) {
		List<WeightedTarget> targets = new ArrayList<>();
		boolean shortcut = model.getProvider() != null || model.getEndpointUrl() != null;
		if (!model.getTargets().isEmpty()) {
			if (shortcut) {
				throw invalid(prefix, "set either targets or the provider/endpoint-url shortcut, not both");
			}
			for (int index = 0; index < model.getTargets().size(); index++) {
				targets.add(target(prefix + ".targets[" + index + "]", model.getTargets().get(index),
						inProcessProviders));
			}
			return targets;
		}
		if (model.getProvider() != null && model.getEndpointUrl() != null) {
			throw invalid(prefix, "set either provider or endpoint-url, not both; list several targets under targets");
		}
		if (model.getEndpointUrl() != null) {
			URI url = url(model.getEndpointUrl(), prefix + ".endpoint-url");
			targets.add(new WeightedTarget(InferenceTarget.Endpoint.of(url), 1));
		}
		else {
			String provider = (model.getProvider() != null) ? model.getProvider() : Providers.AUTO;
			targets.add(new WeightedTarget(provider(provider, prefix + ".provider", inProcessProviders), 1));
		}
		return targets;
	}

	private static WeightedTarget target(String prefix, Target target, Set<String> inProcessProviders) {
		if ((target.getProvider() == null) == (target.getUrl() == null)) {
			throw invalid(prefix, "set exactly one of provider and url");
		}
		if (target.getWeight() < 1) {
			throw invalid(prefix + ".weight", "must be at least 1, got " + target.getWeight());
		}
		if (target.getProvider() != null) {
			if (target.getProtocol() != Target.Protocol.ENDPOINT) {
				throw invalid(prefix + ".protocol", "applies to url targets only; provider targets speak their "
						+ "provider's protocol through the router");
			}
			if (target.getToken() != null || target.isSendHfToken()) {
				throw invalid(prefix, "token and send-hf-token apply to url targets only; provider targets use "
						+ "the Hugging Face token");
			}
			InferenceTarget provider = provider(target.getProvider(), prefix + ".provider", inProcessProviders);
			if (StringUtils.hasText(target.getName()) && !target.getName().equals(provider.name())) {
				throw invalid(prefix + ".name", "provider targets are named after their provider ('"
						+ provider.name() + "')");
			}
			return new WeightedTarget(provider, target.getWeight());
		}
		URI url = url(target.getUrl(), prefix + ".url");
		HfToken token = StringUtils.hasText(target.getToken()) ? HfToken.of(target.getToken(), prefix + ".token")
				: null;
		String name = StringUtils.hasText(target.getName()) ? target.getName() : url.getHost();
		InferenceTarget resolved = (target.getProtocol() == Target.Protocol.OPENAI)
				? new InferenceTarget.Gateway(name, url, token, target.isSendHfToken())
				: new InferenceTarget.Endpoint(name, url, token, target.isSendHfToken());
		return new WeightedTarget(resolved, target.getWeight());
	}

	private static InferenceTarget provider(String name, String property, Set<String> inProcessProviders) {
		if (inProcessProviders.contains(name)) {
			return new InferenceTarget.InProcess(name);
		}
		if (Providers.isKnown(name)) {
			return new InferenceTarget.Router(name);
		}
		Set<String> known = new TreeSet<>(Providers.names());
		known.add(Providers.AUTO);
		known.addAll(inProcessProviders);
		String hint = "local".equals(name)
				? "; no in-process provider named 'local' is registered: add the module that provides it" : "";
		String what = Providers.REMOVED.contains(name) ? "provider " + HubIds.quote(name)
				+ " is no longer served by the Hugging Face router" : "unknown provider " + HubIds.quote(name);
		throw invalid(property, what + hint + "; known providers: " + String.join(", ", known));
	}

	private RetrySettings globalRetry() {
		HfInferenceProperties.Retry retry = this.properties.getRetry();
		String prefix = PREFIX + ".retry";
		validateRetry(prefix, retry.getMaxRetries(), retry.getInitialInterval(), retry.getMultiplier(),
				retry.getMaxInterval(), retry.getJitter(), retry.getMaxServerWait(), retry.getDeadline());
		return new RetrySettings(retry.isEnabled(), retry.getMaxRetries(), retry.getInitialInterval(),
				retry.getMultiplier(), retry.getMaxInterval(), retry.getJitter(), retry.getMaxServerWait(),
				retry.getDeadline());
	}

	private static RetrySettings retry(String prefix, RetryOverrides overrides, RetrySettings defaults) {
		validateRetry(prefix, overrides.getMaxRetries(), overrides.getInitialInterval(), overrides.getMultiplier(),
				overrides.getMaxInterval(), overrides.getJitter(), overrides.getMaxServerWait(),
				overrides.getDeadline());
		return new RetrySettings(orElse(overrides.getEnabled(), defaults.enabled()),
				orElse(overrides.getMaxRetries(), defaults.maxRetries()),
				orElse(overrides.getInitialInterval(), defaults.initialInterval()),
				orElse(overrides.getMultiplier(), defaults.multiplier()),
				orElse(overrides.getMaxInterval(), defaults.maxInterval()),
				orElse(overrides.getJitter(), defaults.jitter()),
				orElse(overrides.getMaxServerWait(), defaults.maxServerWait()),
				(overrides.getDeadline() != null) ? overrides.getDeadline() : defaults.deadline());
	}

	private static void validateRetry(String prefix, @Nullable Integer maxRetries, @Nullable Duration initialInterval,
			@Nullable Double multiplier, @Nullable Duration maxInterval, @Nullable Double jitter,
			@Nullable Duration maxServerWait, @Nullable Duration deadline) {
		if (maxRetries != null && maxRetries < 0) {
			throw invalid(prefix + ".max-retries", "must not be negative, got " + maxRetries);
		}
		notNegative(initialInterval, prefix + ".initial-interval");
		if (multiplier != null && multiplier < 1) {
			throw invalid(prefix + ".multiplier", "must be at least 1, got " + multiplier);
		}
		notNegative(maxInterval, prefix + ".max-interval");
		if (jitter != null && (jitter < 0 || jitter > 1)) {
			throw invalid(prefix + ".jitter", "must be between 0 and 1, got " + jitter);
		}
		notNegative(maxServerWait, prefix + ".max-server-wait");
		if (deadline != null) {
			positive(deadline, prefix + ".deadline");
		}
	}

	private CircuitBreakerSettings globalCircuitBreaker() {
		HfInferenceProperties.CircuitBreaker circuitBreaker = this.properties.getCircuitBreaker();
		String prefix = PREFIX + ".circuit-breaker";
		validateCircuitBreaker(prefix, circuitBreaker.getFailureThreshold(), circuitBreaker.getOpenDuration());
		return new CircuitBreakerSettings(circuitBreaker.isEnabled(), circuitBreaker.getFailureThreshold(),
				circuitBreaker.getOpenDuration());
	}

	private static CircuitBreakerSettings circuitBreaker(String prefix, CircuitBreakerOverrides overrides,
			CircuitBreakerSettings defaults) {
		validateCircuitBreaker(prefix, overrides.getFailureThreshold(), overrides.getOpenDuration());
		return new CircuitBreakerSettings(orElse(overrides.getEnabled(), defaults.enabled()),
				orElse(overrides.getFailureThreshold(), defaults.failureThreshold()),
				orElse(overrides.getOpenDuration(), defaults.openDuration()));
	}

	private static void validateCircuitBreaker(String prefix, @Nullable Integer failureThreshold,
			@Nullable Duration openDuration) {
		if (failureThreshold != null && failureThreshold < 1) {
			throw invalid(prefix + ".failure-threshold", "must be at least 1, got " + failureThreshold);
		}
		if (openDuration != null) {
			positive(openDuration, prefix + ".open-duration");
		}
	}

	private static AdmissionSettings admission(String prefix, Admission admission) {
		if (admission.getMaxConcurrentCalls() < 0) {
			throw invalid(prefix + ".max-concurrent-calls", "must not be negative, got "
					+ admission.getMaxConcurrentCalls());
		}
		if (admission.getMaxCallsPerSecond() < 0) {
			throw invalid(prefix + ".max-calls-per-second", "must not be negative, got "
					+ admission.getMaxCallsPerSecond());
		}
		if (admission.getMaxQueueSize() < 0) {
			throw invalid(prefix + ".max-queue-size", "must not be negative, got " + admission.getMaxQueueSize());
		}
		notNegative(admission.getMaxQueueWait(), prefix + ".max-queue-wait");
		return new AdmissionSettings(admission.getMaxConcurrentCalls(), admission.getMaxCallsPerSecond(),
				admission.getMaxQueueSize(), admission.getMaxQueueWait());
	}

	private static BatchingSettings batching(String prefix, Batching batching) {
		if (batching.getMaxSize() < 0) {
			throw invalid(prefix + ".max-size", "must not be negative, got " + batching.getMaxSize());
		}
		if (batching.getMaxSize() <= 1) {
			return BatchingSettings.disabled();
		}
		return BatchingSettings.of(batching.getMaxSize(), positive(batching.getMaxWait(), prefix + ".max-wait"));
	}

	private static ChatSettings chat(String prefix, HfInferenceProperties.Chat chat) {
		if (chat.getMaxImageSize() == null || chat.getMaxImageSize().toBytes() < 1) {
			throw invalid(prefix + ".max-image-size", "must be positive, got " + chat.getMaxImageSize());
		}
		if (chat.getMaxToolRounds() < 1) {
			throw invalid(prefix + ".max-tool-rounds", "must be at least 1, got " + chat.getMaxToolRounds());
		}
		return new ChatSettings(chat.isIncludeUsage(), chat.getMaxImageSize().toBytes(), chat.getMaxToolRounds(),
				chat.getToolErrors(), chat.getStructuredOutput(), chat.isRepairStructuredOutput());
	}

	/**
	 * The base URL of the router, checked.
	 * @param connection the connection details
	 * @return the URL
	 */
	static URI baseUrl(HfInferenceConnectionDetails connection) {
		return url(connection.getBaseUrl(), PREFIX + ".base-url");
	}

	private static URI url(@Nullable String value, String property) {
		if (!StringUtils.hasText(value)) {
			throw invalid(property, "must be set to an absolute http(s) URL");
		}
		try {
			URI uri = new URI(value.strip());
			if (uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
					|| "https".equalsIgnoreCase(uri.getScheme()))) {
				return uri;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// reported below
		}
		throw invalid(property, "'" + value + "' is not an absolute http(s) URL");
	}

	private static Duration positive(@Nullable Duration duration, String property) {
		if (duration == null || duration.isZero() || duration.isNegative()) {
			throw invalid(property, "must be positive, got " + duration);
		}
		return duration;
	}

	private static void notNegative(@Nullable Duration duration, String property) {
		if (duration != null && duration.isNegative()) {
			throw invalid(property, "must not be negative, got " + duration);
		}
	}

	private static <T> T orElse(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static HfConfigurationException invalid(String property, @Nullable String problem) {
		boolean requirement = problem != null && problem.startsWith("must");
		return new HfConfigurationException(property + (requirement ? " " : ": ") + problem);
	}

	private record WeightedTarget(InferenceTarget target, int weight) {

	}

}
