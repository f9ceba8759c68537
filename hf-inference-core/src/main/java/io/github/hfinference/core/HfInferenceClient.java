package io.github.hfinference.core;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.auth.TokenResolver;
import io.github.hfinference.core.catalog.ModelCatalog;
import io.github.hfinference.core.fleet.FleetCoordination;
import io.github.hfinference.core.fleet.ResponseCache;
import io.github.hfinference.core.hub.HubClient;
import io.github.hfinference.core.internal.batching.BatchRoute;
import io.github.hfinference.core.internal.batching.MicroBatcher;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.internal.media.MediaJobRunner;
import io.github.hfinference.core.internal.observation.CallObserver;
import io.github.hfinference.core.internal.resilience.ResilientExecutor;
import io.github.hfinference.core.internal.routing.CachedModelCatalog;
import io.github.hfinference.core.internal.routing.DefaultHubClient;
import io.github.hfinference.core.internal.routing.RequestRouter;
import io.github.hfinference.core.media.MediaJob;
import io.github.hfinference.core.media.PollBackoff;
import io.github.hfinference.core.observation.InferenceCallListener;
import io.github.hfinference.core.observation.InferenceObservationConvention;
import io.github.hfinference.core.observation.ResilienceListener;
import io.github.hfinference.core.observation.ResilienceStatus;
import io.github.hfinference.core.task.RawResponse;
import io.github.hfinference.core.task.StreamingTask;
import io.github.hfinference.core.task.Task;

/**
 * The reactive Hugging Face inference client: every task, typed, over the router, an
 * endpoint or an in-process provider.
 *
 * <pre class="code">
 * HfInferenceClient hf = HfInferenceClient.builder().build(); // token from HF_TOKEN, ...
 * Mono&lt;List&lt;ClassificationOutput&gt;&gt; sentiment = hf.call(TextClassification.TASK,
 *         "distilbert/distilbert-base-uncased-finetuned-sst-2-english", "I like you");
 * List&lt;ClassificationOutput&gt; same = hf.blocking().call(TextClassification.TASK, model, "I like you");
 * </pre>
 *
 * Instances are thread-safe and meant to be shared.
 */
public final class HfInferenceClient {

	/** The Hugging Face inference router. */
	public static final URI DEFAULT_BASE_URL = URI.create("https://router.huggingface.co");

	/** The Hugging Face Hub. */
	public static final URI DEFAULT_HUB_URL = URI.create("https://huggingface.co");

	/**
	 * The connection pool of clients built without a WebClient builder: like Reactor
	 * Netty's global pool (500 connections per host) but with no limit on the calls waiting
	 * for a connection (that queue is bounded by each attempt's timeout and by the model's
	 * admission settings), so that thousands of concurrent calls wait instead of failing.
	 */
	private static final ConnectionProvider CONNECTIONS = ConnectionProvider.builder("hf-inference")
		.maxConnections(500)
		.pendingAcquireMaxCount(-1)
		.build();

	private final TargetInvoker invoker;

	private final ResilientExecutor resilience;

	private final FleetAttempts fleet;

	private final CachedCalls cache;

	private final StreamInvoker streamer;

	private final HttpTransport transport;

	private final @Nullable Duration timeout;

	private final URI hubUrl;

	private final boolean hasToken;

	private final BlockingHfInferenceClient blocking;

	private final RevisionGuard revisionGuard;

	private final HubClient hub;

	private final ModelCatalog catalog;

	private final CallObserver observer;

	private final MicroBatcher batcher;

	private HfInferenceClient(Builder builder) {
		HfToken token = builder.token;
		if (token == null && builder.resolveToken) {
			token = builder.tokenResolver.resolve(null, "configuration").orElse(null);
		}
		this.hasToken = token != null;
		this.hubUrl = builder.hubUrl;
		this.timeout = builder.timeout;
		HttpClient httpClient = (builder.webClientBuilder == null) ? httpClient(builder)
				: (builder.directHttpClient != null) ? builder.directHttpClient.followRedirect(false) : null;
		this.transport = new HttpTransport(webClient(builder, httpClient), httpClient);
		this.catalog = CachedModelCatalog.create(this.transport, builder.baseUrl, UserAgent.VALUE,
				builder.catalogTimeToLive);
		RequestRouter requestRouter = new RequestRouter(builder.baseUrl, builder.hubUrl, token, builder.billTo,
				builder.headers, UserAgent.VALUE, this.transport, builder.mappingTimeToLive, this.catalog);
		this.revisionGuard = new RevisionGuard();
		this.invoker = new TargetInvoker(this.transport, requestRouter, builder.inProcessProviders,
				this.revisionGuard, new MediaJobRunner(this.transport, builder.pollBackoff, builder.scheduler));
		this.fleet = new FleetAttempts(builder.fleet, token, builder.billTo);
		this.cache = new CachedCalls(builder.responseCache, this.revisionGuard);
		this.resilience = new ResilientExecutor(builder.scheduler, builder.resilienceListeners, builder.fleet);
		this.streamer = new StreamInvoker(this.transport, requestRouter, this.resilience, this.revisionGuard,
				this.fleet);
		this.hub = new DefaultHubClient(this.transport, builder.hubUrl, requestRouter::hubHeaders,
				requestRouter::endpointHeaders);
		this.blocking = new BlockingHfInferenceClient(this);
		this.observer = new CallObserver(builder.observationRegistry, builder.observationConvention,
				builder.callListeners);
		this.batcher = new MicroBatcher(builder.scheduler, builder.observationRegistry);
	}

	/** A new builder. */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Calls a task on a model through the router ({@code auto} provider).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param task the task, e.g. {@code TextClassification.TASK}
	 * @param modelId the Hugging Face model id
	 * @param input the input
	 * @return the typed result
	 */
	public <I, P, R> Mono<R> call(Task<I, P, R> task, String modelId, I input) {
		return call(task, ModelDefinition.of(modelId), input, null);
	}

	/**
	 * Calls a task with parameters on a model through the router ({@code auto} provider).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param task the task
	 * @param modelId the Hugging Face model id
	 * @param input the input
	 * @param parameters the parameters, or null
	 * @return the typed result
	 */
	public <I, P, R> Mono<R> call(Task<I, P, R> task, String modelId, I input, @Nullable P parameters) {
		return call(task, ModelDefinition.of(modelId), input, parameters);
	}

	/**
	 * Calls a task with parameters on a model definition (its targets, pinned revision...).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param task the task
	 * @param model the model
	 * @param input the input
	 * @param parameters the parameters, or null
	 * @return the typed result
	 */
	public <I, P, R> Mono<R> call(Task<I, P, R> task, ModelDefinition model, I input, @Nullable P parameters) {
		return execute(InferenceRequest.of(task, model, input).withParameters(parameters))
			.map(InferenceResponse::value);
	}

	/**
	 * Executes a request and returns the result with its response metadata. The call goes
	 * through the model's resilience policy: admission, target selection, circuit
	 * breakers, and retry or failover on retryable failures within the call's deadline;
	 * the metadata names the target that served it and how many attempts it took.
	 * <p>
	 * When the model has {@linkplain ModelDefinition#batching() batching} on and the task
	 * has a batch form, the call may travel with concurrent calls in one batch request
	 * ({@link MicroBatcher}); its result and failure are its own as if sent alone.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param request the request
	 * @return the result and metadata
	 */
	public <I, P, R> Mono<InferenceResponse<R>> execute(InferenceRequest<I, P, R> request) {
		Inputs.requireNonNull(request, "request");
		RuntimeException invalid = ChatPreparation.check(request.task().id(), request.model(), request.input());
		if (invalid != null) {
			return Mono.error(invalid);
		}
		BatchingSettings batching = request.model().batching();
		BatchRoute<I, P, R, ?, ?> route = batching.enabled() ? BatchRoute.of(request.task()) : null;
		if (route != null) {
			Mono<InferenceResponse<R>> batched = this.batcher.submit(request, route, batching, this::send);
			return this.observer.observe(request, withCallContext(request.task().id(), request.model(), batched));
		}
		return this.observer.observe(request, withCallContext(request.task().id(), request.model(), send(request)));
	}

	/** The call, whose failure carries the call's context when no attempt attached its own. */
	private static <T> Mono<T> withCallContext(String task, ModelDefinition model, Mono<T> call) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return call.onErrorMap((ex) -> CallContext.attach(ex, task, model, null, 0, null, start));
		});
	}

	private <I, P, R> Mono<InferenceResponse<R>> send(InferenceRequest<I, P, R> request) {
		if (this.cache.applies(request)) {
			return this.cache.call(request, (raw) -> send(request, raw));
		}
		return send(request, null);
	}

	private <I, P, R> Mono<InferenceResponse<R>> send(InferenceRequest<I, P, R> request,
			@Nullable Consumer<RawResponse> raw) {
		Duration attemptTimeout = (request.options().timeout() != null) ? request.options().timeout()
				: (request.model().timeout() != null) ? request.model().timeout() : this.timeout;
		return this.resilience
			.execute(request.model(), attemptTimeout,
					(attempt) -> this.fleet.around(request.model(), request.task().id(), request.input(),
							request.parameters(), attempt,
							this.invoker.invoke(attempt.target(), request, attempt.number(), attempt.timeout(), raw)))
			.single();
	}

	/**
	 * Starts a call whose progress can be watched, for long-running media jobs (video and
	 * image generation through fal-ai, Replicate, together or a gateway). Nothing
	 * is sent until {@link MediaJob#result()} is subscribed; cancelling that subscription
	 * stops polling. The whole job is bounded by the call's timeout (per attempt).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param request the request
	 * @return the job handle
	 */
	public <I, P, R> MediaJob<R> submit(InferenceRequest<I, P, R> request) {
		return MediaJob.of(execute(request).map(InferenceResponse::value));
	}

	/** The state of circuit breakers, latency averages and admission of the models this client called. */
	public ResilienceStatus resilience() {
		return this.resilience;
	}

	/** The blocking view of this client, for imperative code and virtual threads. */
	public BlockingHfInferenceClient blocking() {
		return this.blocking;
	}

	/**
	 * The router's model catalogue ({@code GET /v1/models}): per model, its providers with
	 * status, prices and capabilities; cached, refreshed in the background.
	 */
	public ModelCatalog catalog() {
		return this.catalog;
	}

	/** Credit-free Hub and endpoint calls (whoami, model info, endpoint health). */
	public HubClient hub() {
		return this.hub;
	}

	/** The served-revision tracker: last revision each model was served from, and drift. */
	public RevisionGuard revisions() {
		return this.revisionGuard;
	}

	/** Whether a token was configured or found. */
	public boolean hasToken() {
		return this.hasToken;
	}

	/** The Hub base URL this client uses. */
	public URI hubUrl() {
		return this.hubUrl;
	}

	/**
	 * Streams a task on a model through the router ({@code auto} provider).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <C> the chunk type
	 * @param task the streaming task, e.g. {@code ChatCompletion.STREAM}
	 * @param modelId the Hugging Face model id
	 * @param input the input
	 * @return the chunks; see {@link #executeStream(StreamingRequest)}
	 */
	public <I, P, C> Flux<C> stream(StreamingTask<I, P, C> task, String modelId, I input) {
		return stream(task, ModelDefinition.of(modelId), input, null);
	}

	/**
	 * Streams a task with parameters on a model through the router ({@code auto} provider).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <C> the chunk type
	 * @param task the streaming task
	 * @param modelId the Hugging Face model id
	 * @param input the input
	 * @param parameters the parameters, or null
	 * @return the chunks; see {@link #executeStream(StreamingRequest)}
	 */
	public <I, P, C> Flux<C> stream(StreamingTask<I, P, C> task, String modelId, I input, @Nullable P parameters) {
		return stream(task, ModelDefinition.of(modelId), input, parameters);
	}

	/**
	 * Streams a task with parameters on a model definition.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <C> the chunk type
	 * @param task the streaming task
	 * @param model the model
	 * @param input the input
	 * @param parameters the parameters, or null
	 * @return the chunks; see {@link #executeStream(StreamingRequest)}
	 */
	public <I, P, C> Flux<C> stream(StreamingTask<I, P, C> task, ModelDefinition model, I input,
			@Nullable P parameters) {
		return executeStream(StreamingRequest.of(task, model, input).withParameters(parameters)).chunks();
	}

	/**
	 * Executes a streaming request: nothing is sent until the chunks are subscribed to.
	 * <p>
	 * The stream goes through the model's resilience policy like a plain call (admission,
	 * circuit breakers, retry and failover on a retryable failure) until its first chunk was
	 * delivered; once a chunk was delivered a failure ends the stream and is never retried.
	 * A served revision ({@code x-sha}) that differs from a commit pin is handled by the
	 * model's {@link RevisionMismatchAction} before the first chunk. The metadata names the
	 * target that served the stream and the attempts it took. The call's timeout (the
	 * request's options, else the model's, else the client's) bounds the wait for the first
	 * event of each attempt (shortened to the call's deadline) and then every wait between
	 * two events, not the whole stream: a long generation that keeps producing tokens is
	 * never cut. With an observation registry, the whole stream is one
	 * {@code gen_ai.client.operation} observation, marked as streaming, stopped when the
	 * chunks complete, fail or are cancelled. Both waits count only while the subscriber has
	 * requested an event and not received it, and end with {@code HfTimeoutException}. An
	 * error status, or an error event inside the 200 stream, fails the chunks with the same
	 * typed exception as a non-streaming call. Cancelling the subscription closes the
	 * connection.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <C> the chunk type
	 * @param call the request
	 * @return the chunks and their response metadata
	 */
	public <I, P, C> StreamingResponse<C> executeStream(StreamingRequest<I, P, C> call) {
		Inputs.requireNonNull(call, "request");
		RuntimeException invalid = ChatPreparation.check(call.task().id(), call.model(), call.input());
		if (invalid != null) {
			return new StreamingResponse<>(Flux.error(invalid), Mono.error(invalid));
		}
		StreamingRequest<I, P, C> request = ChatPreparation.streaming(call);
		Duration callTimeout = (request.options().timeout() != null) ? request.options().timeout()
				: (request.model().timeout() != null) ? request.model().timeout() : this.timeout;
		StreamingResponse<C> response = this.streamer.stream(request, callTimeout);
		Flux<C> chunks = Flux.defer(() -> {
			long start = System.nanoTime();
			return response.chunks()
				.onErrorMap((ex) -> CallContext.attach(ex, request.task().id(), request.model(), null, 0, null, start));
		});
		return new StreamingResponse<>(this.observer.observeStream(request, chunks, response.metadata()),
				response.metadata());
	}

	/** Builds an {@link HfInferenceClient}. */
	public static final class Builder {

		private @Nullable HfToken token;

		private boolean resolveToken = true;

		private TokenResolver tokenResolver = TokenResolver.fromSystem();

		private URI baseUrl = DEFAULT_BASE_URL;

		private URI hubUrl = DEFAULT_HUB_URL;

		private @Nullable String billTo;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private @Nullable Duration timeout;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration mappingTimeToLive = Duration.ofMinutes(10);

		private Duration catalogTimeToLive = Duration.ofHours(1);

		private WebClient.@Nullable Builder webClientBuilder;

		private @Nullable HttpClient directHttpClient;

		private final Map<String, InProcessProvider> inProcessProviders = new LinkedHashMap<>();

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable InferenceObservationConvention observationConvention;

		private final List<ResilienceListener> resilienceListeners = new ArrayList<>();

		private final List<InferenceCallListener> callListeners = new ArrayList<>();

		private Scheduler scheduler = Schedulers.parallel();

		private PollBackoff pollBackoff = PollBackoff.DEFAULT;

		private FleetCoordination fleet = FleetCoordination.LOCAL;

		private ResponseCache responseCache = ResponseCache.NONE;

		private Builder() {
		}

		/**
		 * Shares quota, server-asked pauses and circuit state with the other instances of
		 * the application that call models with the same account (the
		 * {@code hf-inference-redis} module provides one on Redis).
		 * @param fleet the coordination, {@link FleetCoordination#LOCAL} (the default) to
		 * share nothing
		 * @return this builder
		 */
		public Builder fleetCoordination(FleetCoordination fleet) {
			this.fleet = Objects.requireNonNull(fleet, "fleet");
			return this;
		}

		/**
		 * Reuses the answers of idempotent plain calls of the models the cache takes (the
		 * {@code hf-inference-redis} module provides one on Spring's cache abstraction).
		 * @param cache the cache, {@link ResponseCache#NONE} (the default) for none
		 * @return this builder
		 */
		public Builder responseCache(ResponseCache cache) {
			this.responseCache = Objects.requireNonNull(cache, "cache");
			return this;
		}

		/**
		 * Observes every call ({@code gen_ai.client.operation}) in this registry.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
			return this;
		}

		/**
		 * Replaces the default observation naming and tags.
		 * @param convention the convention, or null for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable InferenceObservationConvention convention) {
			this.observationConvention = convention;
			return this;
		}

		/**
		 * Sets the access token explicitly.
		 * @param token the token ({@code hf_...}, or a provider key for endpoint targets)
		 * @return this builder
		 */
		public Builder token(String token) {
			this.token = HfToken.of(token, "HfInferenceClient.Builder.token");
			return this;
		}

		/**
		 * Sets the access token explicitly.
		 * @param token the token
		 * @return this builder
		 */
		public Builder token(@Nullable HfToken token) {
			this.token = token;
			this.resolveToken = token == null && this.resolveToken;
			return this;
		}

		/**
		 * Sets how the token is found when none is set explicitly (environment and files by default).
		 * @param tokenResolver the resolver
		 * @return this builder
		 */
		public Builder tokenResolver(TokenResolver tokenResolver) {
			this.tokenResolver = Objects.requireNonNull(tokenResolver, "tokenResolver");
			return this;
		}

		/**
		 * Does not look for a token in the environment or token files.
		 * @return this builder
		 */
		public Builder noTokenLookup() {
			this.resolveToken = false;
			return this;
		}

		/**
		 * Sets the router base URL.
		 * @param baseUrl the URL
		 * @return this builder
		 */
		public Builder baseUrl(URI baseUrl) {
			this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
			return this;
		}

		/**
		 * Sets the Hub base URL.
		 * @param hubUrl the URL
		 * @return this builder
		 */
		public Builder hubUrl(URI hubUrl) {
			this.hubUrl = Objects.requireNonNull(hubUrl, "hubUrl");
			return this;
		}

		/**
		 * Bills an organisation ({@code X-HF-Bill-To}) for router calls.
		 * @param organisation the organisation name or resource group id
		 * @return this builder
		 */
		public Builder billTo(@Nullable String organisation) {
			this.billTo = organisation;
			return this;
		}

		/**
		 * Adds a header to every inference call.
		 * @param name the name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/**
		 * Sets the default time allowed for each attempt of a call (a model or a call may
		 * override it; the retry settings' deadline bounds all attempts of a call).
		 * @param timeout the timeout, or null for none
		 * @return this builder
		 */
		public Builder timeout(@Nullable Duration timeout) {
			this.timeout = timeout;
			return this;
		}

		/**
		 * Sets the connect timeout used when this builder creates its own HTTP client (when
		 * no {@link #webClientBuilder(WebClient.Builder)} is set: Reactor Netty with a pool
		 * shared by such clients of up to 500 connections per host, in which any number of
		 * calls may wait for a connection).
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
			return this;
		}

		/**
		 * Sets how long Hub provider mappings are cached.
		 * @param timeToLive the time to live
		 * @return this builder
		 */
		public Builder mappingTimeToLive(Duration timeToLive) {
			this.mappingTimeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
			return this;
		}

		/**
		 * Sets how long the router's model catalogue is used before a background refresh
		 * (one hour unless set).
		 * @param timeToLive the time to live
		 * @return this builder
		 */
		public Builder catalogTimeToLive(Duration timeToLive) {
			this.catalogTimeToLive = Objects.requireNonNull(timeToLive, "timeToLive");
			return this;
		}

		/**
		 * Uses a pre-configured WebClient builder (for example Spring Boot's); it is cloned.
		 * Its connector must not follow redirects. Every call goes through it unless a
		 * {@link #directHttpClient(HttpClient) direct client} is also given.
		 * @param webClientBuilder the builder
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * With a {@link #webClientBuilder(WebClient.Builder) WebClient builder}: sends plain
		 * calls and streams straight through this Reactor Netty client instead of the
		 * WebClient, skipping its per-call machinery (exchange filters, the
		 * {@code http.client.requests} observation, codecs, default headers); Hub calls
		 * that follow redirects still go through the WebClient. Give the client the WebClient's
		 * connector was built with, so that both paths share settings and connections.
		 * Redirects are never followed on this path.
		 * @param httpClient the Reactor Netty client, or null to send every call through
		 * the WebClient
		 * @return this builder
		 */
		public Builder directHttpClient(@Nullable HttpClient httpClient) {
			this.directHttpClient = httpClient;
			return this;
		}

		/**
		 * Registers a provider running in this JVM, addressed by an in-process target of the same name.
		 * @param provider the provider
		 * @return this builder
		 */
		public Builder inProcessProvider(InProcessProvider provider) {
			this.inProcessProviders.put(provider.name(), provider);
			return this;
		}

		/**
		 * Adds a listener told about retries, failovers, circuit breaker transitions, rate
		 * limits and admission rejections; several may be added.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder resilienceListener(ResilienceListener listener) {
			this.resilienceListeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Adds a listener told about the outcome of every call, even when observations are
		 * off; several may be added.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder callListener(InferenceCallListener listener) {
			this.callListeners.add(Objects.requireNonNull(listener, "listener"));
			return this;
		}

		/**
		 * Sets the scheduler that runs retry waits and admission timers and serves as the
		 * clock of deadlines, circuit breakers, rate limits and latency averages
		 * ({@link Schedulers#parallel()} by default; tests may pass a virtual-time scheduler).
		 * @param scheduler the scheduler
		 * @return this builder
		 */
		public Builder scheduler(Scheduler scheduler) {
			this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
			return this;
		}

		/**
		 * Sets the waits between status polls of long-running media jobs (default 500 ms
		 * doubling up to 5 s).
		 * @param backoff the backoff
		 * @return this builder
		 */
		public Builder pollBackoff(PollBackoff backoff) {
			this.pollBackoff = Objects.requireNonNull(backoff, "backoff");
			return this;
		}

		/** Builds the client. */
		public HfInferenceClient build() {
			return new HfInferenceClient(this);
		}

	}

	/**
	 * The HTTP stack the client builds when given no WebClient builder. Its plain calls and
	 * streams then go straight to Reactor Netty (nothing of a WebClient's would apply to them).
	 */
	private static HttpClient httpClient(Builder builder) {
		return HttpClient.create(CONNECTIONS)
			.followRedirect(false)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(builder.connectTimeout.toMillis()));
	}

	private static WebClient webClient(Builder builder, @Nullable HttpClient httpClient) {
		WebClient.Builder webClient = (builder.webClientBuilder != null) ? builder.webClientBuilder.clone()
				: WebClient.builder().clientConnector(new ReactorClientHttpConnector(Objects.requireNonNull(httpClient)));
		return webClient.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
	}

}
