package io.github.hfinference.core.internal.routing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.catalog.ModelCatalog;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.error.HfMissingTokenException;
import io.github.hfinference.core.error.HfUnsupportedProviderException;
import io.github.hfinference.core.hub.ProviderMapping;
import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.internal.http.SharedRequestHeaders;
import io.github.hfinference.core.internal.media.MediaProvider;
import io.github.hfinference.core.internal.media.MediaProviders;
import io.github.hfinference.core.internal.media.MediaRequest;
import io.github.hfinference.core.internal.media.Submission;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Task.RequestPayload;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * Turns a task call on one target into an {@link HttpCall}: the URL (router provider
 * route, auto-router, or endpoint URL used verbatim), the body's {@code model} field for
 * chat, and the headers, including credentials only for hosts allowed to receive them.
 */
public final class RequestRouter {

	/** Bound on the shared header sets (binary calls add one per distinct content type). */
	private static final int MAX_SHARED_HEADERS = 256;

	private static final Set<String> HF_HOST_SUFFIXES = Set.of(".huggingface.co", ".hf.co", ".huggingface.cloud",
			".hf.space");

	private final URI baseUrl;

	private final URI hubUrl;

	private final @Nullable HfToken token;

	private final @Nullable String billTo;

	private final Map<String, String> defaultHeaders;

	private final String userAgent;

	private final ProviderMappingCache mappings;

	private final ModelCatalog catalog;

	/** Headers shared by calls that add none of their own, by what they depend on. */
	private final ConcurrentMap<HeadersKey, SharedRequestHeaders> sharedHeaders = new ConcurrentHashMap<>();

	private static final String CHAT_COMPLETIONS_PATH = "/chat/completions";

	private static final String RESPONSES_PATH = "/responses";

	/** Model ids that passed the Hub's rules (bounded, as ids may come from callers). */
	private final Cache<String, Boolean> checkedIds = Caffeine.newBuilder().maximumSize(4096).build();

	/**
	 * The hf-inference URL of each (model id, task) already routed: built, checked and
	 * encoded once rather than on every call (bounded, as ids may come from callers).
	 */
	private final Cache<HfInferenceKey, URI> hfInferenceUris = Caffeine.newBuilder().maximumSize(4096).build();

	/** The OpenAI-style URL of each endpoint or gateway URL and path already called. */
	private final Cache<OpenAiUrlKey, URI> openAiUris = Caffeine.newBuilder().maximumSize(1024).build();

	/**
	 * Creates a router.
	 * @param baseUrl the inference router base URL
	 * @param hubUrl the Hub base URL
	 * @param token the Hugging Face token, or null
	 * @param billTo organisation to bill ({@code X-HF-Bill-To}), or null
	 * @param defaultHeaders headers added to every call
	 * @param userAgent the {@code User-Agent}
	 * @param transport the transport used for Hub provider-mapping lookups
	 * @param mappingTimeToLive how long provider mappings are cached
	 */
	public RequestRouter(URI baseUrl, URI hubUrl, @Nullable HfToken token, @Nullable String billTo,
			Map<String, String> defaultHeaders, String userAgent, HttpTransport transport,
			java.time.Duration mappingTimeToLive) {
		this(baseUrl, hubUrl, token, billTo, defaultHeaders, userAgent, transport, mappingTimeToLive,
				CachedModelCatalog.create(transport, baseUrl, userAgent, java.time.Duration.ofHours(1)));
	}

	/**
	 * Creates a router that reads the given catalogue for capability-aware routing.
	 * @param baseUrl the inference router base URL
	 * @param hubUrl the Hub base URL
	 * @param token the Hugging Face token, or null
	 * @param billTo organisation to bill ({@code X-HF-Bill-To}), or null
	 * @param defaultHeaders headers added to every call
	 * @param userAgent the {@code User-Agent}
	 * @param transport the transport used for Hub provider-mapping lookups
	 * @param mappingTimeToLive how long provider mappings are cached
	 * @param catalog the router's model catalogue
	 */
	public RequestRouter(URI baseUrl, URI hubUrl, @Nullable HfToken token, @Nullable String billTo,
			Map<String, String> defaultHeaders, String userAgent, HttpTransport transport,
			java.time.Duration mappingTimeToLive, ModelCatalog catalog) {
		this.baseUrl = baseUrl;
		this.hubUrl = hubUrl;
		this.token = token;
		this.billTo = billTo;
		this.defaultHeaders = Map.copyOf(defaultHeaders);
		this.userAgent = userAgent;
		this.mappings = new ProviderMappingCache(transport, hubUrl, this::hubHeaders, mappingTimeToLive);
		this.catalog = catalog;
	}

	/**
	 * Routes one attempt on a remote target, once: to a media job when the target serves the
	 * task through a media provider (fal-ai, replicate, together, ... or a gateway), otherwise
	 * to one HTTP exchange.
	 * @param task the task
	 * @param model the model
	 * @param target the router provider, endpoint or gateway
	 * @param payload the encoded body
	 * @param extraHeaders per-call headers
	 * @return the attempt's route
	 */
	public Mono<AttemptRoute> route(Task<?, ?, ?> task, ModelDefinition model, InferenceTarget target,
			RequestPayload payload, Map<String, String> extraHeaders) {
		if (!mayRunAsMediaJob(task, target)) {
			return exchange(task, model, target, payload, extraHeaders);
		}
		return mediaJob(task, model, target, payload, extraHeaders)
			.switchIfEmpty(Mono.defer(() -> exchange(task, model, target, payload, extraHeaders)));
	}

	/** One HTTP exchange on a remote target. */
	private Mono<AttemptRoute> exchange(Task<?, ?, ?> task, ModelDefinition model, InferenceTarget target,
			RequestPayload payload, Map<String, String> extraHeaders) {
		if (target instanceof InferenceTarget.Router router) {
			return routeViaRouter(task, model, router.provider(), payload)
				.map((route) -> new AttemptRoute.Exchange(call(route.uri, route.payload, task.accept(), model, target,
						this.token, true, extraHeaders)));
		}
		if (target instanceof InferenceTarget.Gateway gateway) {
			URI uri = openAiUrl(gateway.url(),
					(task.route() == TaskRoute.RESPONSES) ? RESPONSES_PATH : CHAT_COMPLETIONS_PATH);
			RequestPayload body = withModel(payload, task, requireId(model));
			return Mono.just(new AttemptRoute.Exchange(
					call(uri, body, task.accept(), model, target, credentialsFor(gateway), false, extraHeaders)));
		}
		if (target instanceof InferenceTarget.Endpoint endpoint) {
			URI uri = switch (task.route()) {
				case CHAT_COMPLETIONS -> openAiUrl(endpoint.url(), CHAT_COMPLETIONS_PATH);
				case RESPONSES -> openAiUrl(endpoint.url(), RESPONSES_PATH);
				default -> endpoint.url();
			};
			RequestPayload body = withModel(payload, task, (model.id() != null) ? model.id() : "tgi");
			return Mono.just(new AttemptRoute.Exchange(
					call(uri, body, task.accept(), model, target, credentialsFor(endpoint), false, extraHeaders)));
		}
		return Mono.error(new HfConfigurationException("Target " + target + " is not an HTTP target"));
	}

	/**
	 * Whether a call could run as a media job on this target, decided without any lookup:
	 * false means {@link #mediaJob} would be empty.
	 */
	private static boolean mayRunAsMediaJob(Task<?, ?, ?> task, InferenceTarget target) {
		if (target instanceof InferenceTarget.Gateway) {
			return MediaProviders.isMediaTask(task.id());
		}
		return target instanceof InferenceTarget.Router router && !isOpenAi(task)
				&& !router.provider().equals(Providers.HF_INFERENCE);
	}

	/**
	 * A media-generation job on a target that {@link #mayRunAsMediaJob may run one} (a
	 * gateway given a media task, or a third-party router provider given a task that is
	 * not OpenAI's); empty when the call goes the ordinary way.
	 */
	private Mono<AttemptRoute> mediaJob(Task<?, ?, ?> task, ModelDefinition model, InferenceTarget target,
			RequestPayload payload, Map<String, String> extraHeaders) {
		if (target instanceof InferenceTarget.Gateway gateway) {
			MediaProvider provider = MediaProviders.forGateway(gateway.name(), gateway.url());
			Submission submission = provider.submit(MediaRequest.from(task.id(), payload), requireId(model));
			String base = gateway.url().toString().replaceAll("/+$", "");
			HfToken credentials = credentialsFor(gateway);
			HttpCall call = mediaCall(URI.create(base + submission.path()), submission, model, target, credentials,
					false, extraHeaders);
			return Mono.just(new AttemptRoute.MediaJob(call, provider, (uri) -> {
				HttpHeaders headers = new HttpHeaders();
				headers.set(HttpHeaders.USER_AGENT, this.userAgent);
				if (credentials != null && sameHost(uri, gateway.url())) {
					headers.set(HttpHeaders.AUTHORIZATION, credentials.authorizationHeader());
				}
				return headers;
			}));
		}
		if (model.id() == null || this.token == null || !this.token.isHuggingFaceToken()) {
			return Mono.empty();
		}
		String modelId = model.id();
		String wanted = ((InferenceTarget.Router) target).provider();
		boolean auto = wanted.equals(Providers.AUTO);
		if (!auto && MediaProviders.forRouter(wanted, task.id()).isEmpty()) {
			return Mono.empty();
		}
		return this.mappings.get(modelId).flatMap((mapping) -> {
			ProviderMapping.Entry entry = auto
					? mapping.entries()
						.stream()
						.filter((candidate) -> candidate.serves(task.id()) && supports(candidate.provider(), task))
						.findFirst()
						.orElse(null)
					: mapping.forProvider(wanted).orElse(null);
			if (entry == null) {
				return auto ? Mono.empty()
						: Mono.error(new HfConfigurationException("Model '" + modelId + "' is not served by provider '"
								+ wanted + "' according to the Hub (providers: "
								+ mapping.entries().stream().map(ProviderMapping.Entry::provider).toList() + ")"));
			}
			MediaProvider provider = MediaProviders.forRouter(entry.provider(), task.id()).orElse(null);
			if (provider == null) {
				return Mono.empty();
			}
			Submission submission = provider.submit(MediaRequest.from(task.id(), payload), entry.providerId());
			UriComponents job = UriComponentsBuilder.fromUriString(submission.path()).build();
			URI uri = routerPath(HubIds.requireProvider(entry.provider(), "provider of the Hub mapping"))
				.path(job.getPath())
				.query(job.getQuery())
				.build()
				.encode()
				.toUri();
			HttpCall call = mediaCall(uri, submission,
					model, target, this.token, true, extraHeaders);
			return Mono.just(new AttemptRoute.MediaJob(call, provider, this::hubHeaders));
		});
	}

	private HttpCall mediaCall(URI uri, Submission submission, ModelDefinition model, InferenceTarget target,
			@Nullable HfToken credentials, boolean viaRouter, Map<String, String> extra) {
		Map<String, String> headers = new LinkedHashMap<>(extra);
		headers.putAll(submission.headers());
		return call(uri, new RequestPayload.Json(submission.body()), null, model, target, credentials, viaRouter,
				headers);
	}

	/**
	 * Headers for a Hub API call (mapping lookups, health checks).
	 * @param uri the Hub URI
	 * @return the headers
	 */
	public HttpHeaders hubHeaders(URI uri) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.USER_AGENT, this.userAgent);
		if (this.token != null && this.token.isHuggingFaceToken() && isTrustedHost(uri)) {
			headers.set(HttpHeaders.AUTHORIZATION, this.token.authorizationHeader());
		}
		return headers;
	}

	/**
	 * Headers for a credit-free call to an endpoint ({@code /health}, {@code /info}).
	 * @param endpoint the endpoint
	 * @return the headers, with the endpoint's credentials where allowed
	 */
	public HttpHeaders endpointHeaders(InferenceTarget.Endpoint endpoint) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.USER_AGENT, this.userAgent);
		HfToken credentials = credentialsFor(endpoint);
		if (credentials != null) {
			headers.set(HttpHeaders.AUTHORIZATION, credentials.authorizationHeader());
		}
		return headers;
	}

	/**
	 * The credentials an endpoint receives: its own token, else the Hugging Face token if
	 * the endpoint is a Hugging Face host or explicitly allowed to receive it, else none.
	 * @param endpoint the endpoint
	 * @return the credentials, or null
	 */
	private @Nullable HfToken credentialsFor(InferenceTarget.Endpoint endpoint) {
		if (endpoint.token() != null) {
			return endpoint.token();
		}
		return (endpoint.sendHfToken() || isHuggingFaceHost(endpoint.url())) ? this.token : null;
	}

	private @Nullable HfToken credentialsFor(InferenceTarget.Gateway gateway) {
		if (gateway.token() != null) {
			return gateway.token();
		}
		return gateway.sendHfToken() ? this.token : null;
	}

	private Mono<Route> routeViaRouter(Task<?, ?, ?> task, ModelDefinition model, String provider,
			RequestPayload payload) {
		String modelId = requireHubId(model);
		boolean auto = provider.equals(Providers.AUTO) || provider.startsWith(Providers.AUTO + ":");
		if (!auto && !Providers.serves(provider, task.id())) {
			return Mono.fromRunnable(() -> Providers.requireServes(provider, task.id()));
		}
		if (this.token == null) {
			return Mono.error(new HfMissingTokenException(model.alias()));
		}
		if (!this.token.isHuggingFaceToken()) {
			return Mono.error(new HfConfigurationException("The configured key (" + this.token.source()
					+ ") is not a Hugging Face token (hf_...): a provider's own key can only be used with an "
					+ "endpoint target pointing at that provider, not through the router (model '" + model.alias()
					+ "')"));
		}
		Set<Capability> required = isOpenAi(task) ? Capability.requiredBy(payload) : Set.of();
		if (!required.isEmpty() && !auto) {
			// an explicit provider is checked against the catalogue only once it is known:
			// the call itself never waits for it
			return this.catalog.cached()
				.flatMap((catalog) -> catalog.model(modelId))
				.map((entry) -> routeCapable(task, model, provider, payload, entry, required))
				.orElseGet(() -> routeTo(task, model, provider, payload));
		}
		if (!required.isEmpty()) {
			return this.catalog.model(modelId)
				.map(Optional::of)
				.onErrorResume((ex) -> Mono.just(Optional.empty()))
				.defaultIfEmpty(Optional.empty())
				.flatMap((entry) -> entry.isEmpty() ? routeTo(task, model, provider, payload)
						: routeCapable(task, model, provider, payload, entry.get(), required));
		}
		return routeTo(task, model, provider, payload);
	}

	/**
	 * A chat or Responses call that needs capabilities, with the catalogue's entry of the
	 * model (fetched first for {@code auto}, used when already cached for an explicit
	 * provider): {@code auto} picks a live provider that has them (by the policy: cheapest price,
	 * or highest throughput, or the catalogue's order for {@code preferred}) and names it in
	 * the {@code model} field; an explicit provider that lacks them is refused.
	 */
	private Mono<Route> routeCapable(Task<?, ?, ?> task, ModelDefinition model, String provider,
			RequestPayload payload, ModelCatalog.Model entry, Set<Capability> required) {
		List<String> capable = capable(entry, required, provider);
		String needs = required.stream().map(Capability::description).collect(Collectors.joining(" and "));
		if (provider.equals(Providers.AUTO) || provider.startsWith(Providers.AUTO + ":")) {
			if (capable.isEmpty() && undeclared(entry, required)) {
				// the catalogue does not say either way for some live provider: let the router pick
				return routeTo(task, model, provider, payload);
			}
			if (capable.isEmpty()) {
				return Mono.error(new HfUnsupportedProviderException("No provider of model '" + entry.id()
						+ "' supports " + needs + " according to the router's catalogue (" + entry.providers()
							.stream()
							.map((candidate) -> candidate.provider() + ": " + candidate.status() + ", tools="
									+ candidate.supportsTools() + ", structured output="
									+ candidate.supportsStructuredOutput())
							.collect(Collectors.joining("; "))
						+ ")", provider, task.id(), List.of()));
			}
			String path = (task.route() == TaskRoute.RESPONSES) ? "/v1/responses" : "/v1/chat/completions";
			return Mono.just(new Route(router(path), withModel(payload, task, entry.id() + ":" + capable.get(0))));
		}
		boolean lacking = entry.provider(provider)
			.map((offer) -> required.stream().anyMatch((capability) -> Boolean.FALSE.equals(capability.supportedBy(offer))))
			.orElse(false);
		if (lacking) {
			return Mono.error(new HfUnsupportedProviderException("Provider '" + provider + "' does not support "
					+ needs + " for model '" + entry.id() + "' according to the router's catalogue; providers that do: "
					+ (capable.isEmpty() ? "none" : String.join(", ", capable)), provider, task.id(), capable));
		}
		return routeTo(task, model, provider, payload);
	}

	/**
	 * The live providers of a model that have every required capability, best first by the
	 * policy of {@code auto:<policy>}: lowest input plus output price for {@code cheapest},
	 * the catalogue's order for {@code preferred}, otherwise highest throughput (the
	 * router's default, {@code fastest}).
	 */
	private static List<String> capable(ModelCatalog.Model entry, Set<Capability> required, String provider) {
		java.util.Comparator<ModelCatalog.ProviderEntry> order = switch (provider) {
			case "auto:cheapest" -> java.util.Comparator.comparingDouble((offer) -> (offer.pricing() == null
					|| offer.pricing().input() == null || offer.pricing().output() == null) ? Double.MAX_VALUE
							: offer.pricing().input() + offer.pricing().output());
			case "auto:preferred" -> (a, b) -> 0;
			default -> java.util.Comparator.comparingDouble(
					(offer) -> (offer.throughput() != null) ? -offer.throughput() : Double.MAX_VALUE);
		};
		return entry.providers()
			.stream()
			.filter(ModelCatalog.ProviderEntry::isLive)
			.filter((offer) -> Providers.serves(offer.provider(), "chat-completion"))
			.filter((offer) -> required.stream().allMatch((capability) -> Boolean.TRUE.equals(capability.supportedBy(offer))))
			.sorted(order)
			.map(ModelCatalog.ProviderEntry::provider)
			.toList();
	}

	/** Whether a live chat provider of the model leaves a required capability undeclared and denies none. */
	private static boolean undeclared(ModelCatalog.Model entry, Set<Capability> required) {
		return entry.providers()
			.stream()
			.filter(ModelCatalog.ProviderEntry::isLive)
			.filter((offer) -> Providers.serves(offer.provider(), "chat-completion"))
			.anyMatch((offer) -> required.stream().noneMatch((capability) -> Boolean.FALSE.equals(capability.supportedBy(offer))));
	}

	private Mono<Route> routeTo(Task<?, ?, ?> task, ModelDefinition model, String provider,
			RequestPayload payload) {
		String modelId = requireId(model);
		boolean auto = provider.equals(Providers.AUTO) || provider.startsWith(Providers.AUTO + ":");
		boolean chat = task.route() == TaskRoute.CHAT_COMPLETIONS;
		if (task.route() == TaskRoute.RESPONSES) {
			String suffix = provider.equals(Providers.AUTO) ? ""
					: ":" + (auto ? provider.substring(Providers.AUTO.length() + 1) : provider);
			return Mono.just(new Route(router("/v1/responses"), withModel(payload, task, modelId + suffix)));
		}
		if (auto) {
			if (chat) {
				String policy = provider.equals(Providers.AUTO) ? "" : ":" + provider.substring(5);
				return Mono.just(new Route(router("/v1/chat/completions"), withModel(payload, task, modelId + policy)));
			}
			return this.mappings.get(modelId).flatMap((mapping) -> mapping.entries()
				.stream()
				.filter((entry) -> entry.serves(task.id()) && supports(entry.provider(), task))
				.findFirst()
				.map((entry) -> routeViaRouter(task, model, entry.provider(), payload))
				.orElseGet(() -> Mono.error(new HfConfigurationException("No provider serving task '" + task.id()
						+ "' for model '" + modelId + "' is supported by this client (Hub mapping: "
						+ mapping.entries().stream().map((e) -> e.provider() + "=" + e.task()).toList()
						+ "); configure an explicit provider or an endpoint URL"))));
		}
		if (provider.equals(Providers.HF_INFERENCE)) {
			URI uri = this.hfInferenceUris.get(new HfInferenceKey(modelId, task.route(), task.id()), this::hfInferenceUri);
			return Mono.just(new Route(uri, withModel(payload, task, modelId)));
		}
		if (!chat || Providers.chatPath(provider).isEmpty()) {
			return Mono.error(new HfConfigurationException("Provider '" + provider + "' serves task '" + task.id()
					+ "' as a media job, which needs a model id and a Hugging Face token (model '" + model.alias()
					+ "')"));
		}
		return this.mappings.get(modelId)
			.flatMap((mapping) -> mapping.forProvider(provider)
				.map((entry) -> Mono.just(new Route(
						routerPath(provider).path(Providers.chatPath(provider).get()).build().encode().toUri(),
						withModel(payload, task, entry.providerId()))))
				.orElseGet(() -> Mono.error(new HfConfigurationException("Model '" + modelId
						+ "' is not served by provider '" + provider + "' according to the Hub (providers: "
						+ mapping.entries().stream().map(ProviderMapping.Entry::provider).toList() + ")"))));
	}

	private URI hfInferenceUri(HfInferenceKey key) {
		UriComponentsBuilder uri = routerPath(Providers.HF_INFERENCE, "models").pathSegment(HubIds.segments(key.modelId()));
		switch (key.route()) {
			case MODEL -> {
			}
			case PIPELINE -> uri.pathSegment("pipeline", key.taskId());
			case CHAT_COMPLETIONS, RESPONSES -> uri.path("/v1/chat/completions");
		}
		return uri.build().encode().toUri();
	}

	private static boolean supports(String provider, Task<?, ?, ?> task) {
		return Providers.serves(provider, task.id());
	}

	private URI router(String path) {
		return UriComponentsBuilder.fromUri(this.baseUrl).path(path).build().toUri();
	}

	/** The router's base URL followed by the given path segments, each encoded on its own. */
	private UriComponentsBuilder routerPath(String... segments) {
		return UriComponentsBuilder.fromUri(this.baseUrl).pathSegment(segments);
	}

	private static boolean isOpenAi(Task<?, ?, ?> task) {
		return task.route() == TaskRoute.CHAT_COMPLETIONS || task.route() == TaskRoute.RESPONSES;
	}

	/**
	 * An OpenAI-style URL on an endpoint or gateway: {@code {url}/v1{path}}, or
	 * {@code {url}{path}} when the URL ends in {@code /v1}, or the URL itself when it ends
	 * in the path; built once per URL and path.
	 */
	private URI openAiUrl(URI endpoint, String path) {
		return this.openAiUris.get(new OpenAiUrlKey(endpoint, path), (key) -> {
			String url = StringUtils.trimTrailingCharacter(key.endpoint().toString(), '/');
			if (url.endsWith(key.path())) {
				return URI.create(url);
			}
			return URI.create(url.endsWith("/v1") ? url + key.path() : url + "/v1" + key.path());
		});
	}

	private record OpenAiUrlKey(URI endpoint, String path) {
	}

	private static RequestPayload withModel(RequestPayload payload, Task<?, ?, ?> task, String model) {
		if (!isOpenAi(task) || !(payload instanceof RequestPayload.Json json)) {
			return payload;
		}
		ObjectNode body = JsonCodec.get().object();
		body.put("model", model);
		body.setAll(json.body());
		return new RequestPayload.Json(body);
	}

	/**
	 * The call: its headers are shared by every call with the same target, accepted type
	 * and content type when the call adds none of its own (built once, read-only).
	 */
	private HttpCall call(URI uri, RequestPayload payload, @Nullable String accept, ModelDefinition model,
			InferenceTarget target, @Nullable HfToken credentials, boolean viaRouter, Map<String, String> extra) {
		byte[] body;
		String contentType;
		if (payload instanceof RequestPayload.Json json) {
			contentType = MediaType.APPLICATION_JSON_VALUE;
			body = json.bytes(JsonCodec.get());
		}
		else {
			RequestPayload.Binary binary = (RequestPayload.Binary) payload;
			contentType = binary.contentType();
			body = binary.bytes();
		}
		HttpHeaders headers;
		if (extra.isEmpty()) {
			HeadersKey key = new HeadersKey(target, accept, contentType);
			headers = this.sharedHeaders.get(key);
			if (headers == null) {
				headers = SharedRequestHeaders
					.copyOf(headers(credentials, viaRouter, accept, contentType, Map.of()));
				if (this.sharedHeaders.size() < MAX_SHARED_HEADERS) {
					this.sharedHeaders.putIfAbsent(key, (SharedRequestHeaders) headers);
				}
			}
		}
		else {
			headers = headers(credentials, viaRouter, accept, contentType, extra);
		}
		return new HttpCall(HttpMethod.POST, uri, headers, body, model.displayName(), target.name());
	}

	private HttpHeaders headers(@Nullable HfToken credentials, boolean viaRouter, @Nullable String accept,
			@Nullable String contentType, Map<String, String> extra) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.USER_AGENT, this.userAgent);
		this.defaultHeaders.forEach(headers::set);
		extra.forEach(headers::set);
		if (credentials != null) {
			headers.set(HttpHeaders.AUTHORIZATION, credentials.authorizationHeader());
		}
		if (viaRouter && this.billTo != null) {
			headers.set("X-HF-Bill-To", this.billTo);
		}
		if (accept != null) {
			headers.set(HttpHeaders.ACCEPT, accept);
		}
		if (contentType != null) {
			headers.set(HttpHeaders.CONTENT_TYPE, contentType);
		}
		return headers;
	}

	private boolean isTrustedHost(URI uri) {
		return sameHost(uri, this.baseUrl) || sameHost(uri, this.hubUrl) || isHuggingFaceHost(uri);
	}

	private static boolean sameHost(URI a, URI b) {
		return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
	}

	/**
	 * Whether a URL belongs to Hugging Face (huggingface.co, hf.co, Inference Endpoints, Spaces).
	 * @param uri the URL
	 * @return true for Hugging Face hosts
	 */
	public static boolean isHuggingFaceHost(URI uri) {
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(java.util.Locale.ROOT) : "";
		return "https".equals(uri.getScheme()) && (host.equals("huggingface.co") || host.equals("hf.co")
				|| HF_HOST_SUFFIXES.stream().anyMatch(host::endsWith));
	}

	private static String requireId(ModelDefinition model) {
		if (model.id() == null) {
			throw new HfConfigurationException("Model '" + model.alias() + "' has no model id");
		}
		return model.id();
	}

	/**
	 * The model's id, checked against the Hub's rules because it goes into a URL path (once
	 * per id: ids that passed are remembered).
	 */
	private String requireHubId(ModelDefinition model) {
		String id = requireId(model);
		if (this.checkedIds.getIfPresent(id) == null) {
			HubIds.requireModelId(id, "id of model " + HubIds.quote(model.alias()));
			this.checkedIds.put(id, Boolean.TRUE);
		}
		return id;
	}

	private record Route(URI uri, RequestPayload payload) {
	}

	private record HfInferenceKey(String modelId, TaskRoute route, String taskId) {
	}

	/**
	 * What the headers of a call without headers of its own depend on: the target (its
	 * credentials, whether it is the router) and the accepted and sent content types.
	 */
	private record HeadersKey(InferenceTarget target, @Nullable String accept, @Nullable String contentType) {
	}

}
