package io.github.hfinference.test;

import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.test.internal.StubRoute;
import io.github.hfinference.test.internal.WireFormat;

/**
 * A local stand-in for the Hugging Face router, the Hub and inference endpoints, on a
 * free port, speaking their wire formats: point {@code hf.inference.base-url} and
 * {@code hub-url} (or {@code HfInferenceClient.builder().baseUrl(...).hubUrl(...)}) at
 * {@link #baseUrl()} and script what each model answers.
 * <pre class="code">
 * try (HfInferenceStub stub = HfInferenceStub.start()) {
 *     stub.model("org/m").task(TextClassification.TASK).answers(List.of(HfAnswers.label("POSITIVE", 0.98)));
 *     // ... call the code under test ...
 *     HfInferenceAssertions.assertThat(stub).receivedCalls("org/m").hasSize(1).first().hasBearerToken();
 * }
 * </pre>
 * A {@code fal-ai} model ({@code servedBy("fal-ai")}) answers image and video tasks as a
 * media job: fal's queue (submission, status polls, result, download) for videos, the
 * result at once for images.
 * Besides scripted models it answers the Hub's {@code whoami-v2} and model info (with
 * {@code sha} and {@code inferenceProviderMapping}) for any model, the router's
 * {@code /v1/models} (the models with a chat script), and an endpoint's {@code /health} and {@code /info}. A call to a
 * model nothing is scripted for gets a 404 whose message says what to script. The router
 * answers 401 to inference and whoami calls without a bearer token, like the real one.
 * <p>
 * {@link #replaying(java.nio.file.Path)} serves a recording instead, and
 * {@link #recording(java.nio.file.Path, String)} records real traffic into one.
 */
public final class HfInferenceStub implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final Map<String, ModelScript> models = new ConcurrentHashMap<>();

	private final Map<String, ModelScript> endpoints = new ConcurrentHashMap<>();

	private final List<StubCall> calls = new CopyOnWriteArrayList<>();

	private final AtomicLong requestIds = new AtomicLong();

	private final MediaJobs mediaJobs = new MediaJobs();

	private final @Nullable Responder responder;

	private volatile String account = "stub-user";

	private volatile int whoamiStatus = 200;

	private HfInferenceStub(@Nullable Responder responder) {
		this.responder = responder;
	}

	/**
	 * Starts a stub on a free port.
	 * @return the running stub; close it when done
	 */
	public static HfInferenceStub start() {
		return start(0);
	}

	/**
	 * Starts a stub on a given port.
	 * @param port the port, or 0 for a free one
	 * @return the running stub; close it when done
	 * @throws HfConfigurationException if the port is taken
	 */
	public static HfInferenceStub start(int port) {
		return new HfInferenceStub(null).listen(port);
	}

	/**
	 * Starts a stub that replays a recording offline: each request gets the recorded
	 * response of the first unused recorded request with the same method, path and query;
	 * a request whose body differs from the recorded one, or that was not recorded, gets a
	 * 400 whose message shows the difference (also kept in {@link #replayMismatches()}).
	 * @param cassette the recording (VCR YAML, as written by {@link #recording})
	 * @return the running stub
	 */
	public static HfInferenceStub replaying(java.nio.file.Path cassette) {
		return new HfInferenceStub(new Replayer(cassette)).listen(0);
	}

	/**
	 * Starts a stub that forwards every request to the real router
	 * ({@code https://router.huggingface.co}) and Hub ({@code https://huggingface.co}) with
	 * a real token, and writes each exchange to a recording, replacing the
	 * {@code Authorization} it received (so the application under test keeps a fake token).
	 * Credentials are never written: {@code Authorization}, cookies and API keys are left
	 * out and any occurrence of the token is redacted.
	 * @param cassette the file to write (VCR YAML, the format of
	 * {@code conformance/recordings})
	 * @param token the real Hugging Face token
	 * @return the running stub
	 */
	public static HfInferenceStub recording(java.nio.file.Path cassette, String token) {
		return recording(cassette, token, URI.create("https://router.huggingface.co"),
				URI.create("https://huggingface.co"));
	}

	/**
	 * Like {@link #recording(java.nio.file.Path, String)}, against other upstream URLs.
	 * @param cassette the file to write
	 * @param token the token sent upstream
	 * @param routerUrl the upstream router
	 * @param hubUrl the upstream Hub (receives the {@code /api/...} calls)
	 * @return the running stub
	 */
	public static HfInferenceStub recording(java.nio.file.Path cassette, String token, URI routerUrl, URI hubUrl) {
		return new HfInferenceStub(new Recorder(cassette, token, routerUrl, hubUrl)).listen(0);
	}

	private HfInferenceStub listen(int port) {
		if (port < 0 || port > 65535) {
			throw new HfConfigurationException("HfInferenceStub port must be 0 (a free port) or 1-65535, not " + port);
		}
		this.server.setDispatcher(new StubDispatcher());
		try {
			this.server.start(port);
		}
		catch (BindException ex) {
			throw new HfConfigurationException("HfInferenceStub cannot listen on port " + port
					+ ": it is already in use (" + ex.getMessage() + "); use port 0 for a free port");
		}
		catch (IOException ex) {
			throw new HfConfigurationException("HfInferenceStub cannot start on port " + port + ": " + ex);
		}
		return this;
	}

	/** The port the stub listens on. */
	public int port() {
		return this.server.getPort();
	}

	/** The router URL: the value for {@code hf.inference.base-url}. */
	public URI baseUrl() {
		return URI.create(this.server.url("/").toString());
	}

	/** The Hub URL: the value for {@code hf.inference.hub-url} (the same server). */
	public URI hubUrl() {
		return baseUrl();
	}

	/**
	 * The URL of an endpoint served by this stub, for a model's {@code url} property; script
	 * it with {@link #endpoint(String)}.
	 * @param name the endpoint's name
	 * @return its URL
	 */
	public URI endpointUrl(String name) {
		return URI.create(this.server.url(StubRoute.ENDPOINTS + name).toString());
	}

	/**
	 * What a model answers on the router (any provider) and the Hub.
	 * @param modelId the model id, e.g. {@code org/m}
	 * @return its script (the same one on every call)
	 */
	public ModelScript model(String modelId) {
		return this.models.computeIfAbsent(modelId, ModelScript::new);
	}

	/**
	 * What an endpoint at {@link #endpointUrl(String)} answers; its calls are listed under
	 * the endpoint's name.
	 * @param name the endpoint's name
	 * @return its script
	 */
	public ModelScript endpoint(String name) {
		return this.endpoints.computeIfAbsent(name, ModelScript::new);
	}

	/**
	 * The account name {@code whoami-v2} reports ({@code stub-user} unless set).
	 * @param name the account name
	 * @return this stub
	 */
	public HfInferenceStub whoami(String name) {
		this.account = name;
		this.whoamiStatus = 200;
		return this;
	}

	/**
	 * Makes {@code whoami-v2} fail (e.g. 401 for a revoked token, 429) until
	 * {@link #whoami(String)} is called again.
	 * @param status the error status
	 * @return this stub
	 */
	public HfInferenceStub whoamiFails(int status) {
		this.whoamiStatus = status;
		return this;
	}

	/** Every request received, in order. */
	public List<StubCall> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * The inference calls to one model or endpoint, in order.
	 * @param modelOrEndpoint the model id or endpoint name
	 * @return the calls
	 */
	public List<StubCall> calls(String modelOrEndpoint) {
		return this.calls.stream()
			.filter((call) -> call.isInference() && modelOrEndpoint.equals(call.model()))
			.toList();
	}

	/**
	 * The requests a replaying stub could not match with its recording, each with the
	 * difference; always empty for other stubs.
	 * @return the mismatches' descriptions
	 */
	public List<String> replayMismatches() {
		return (this.responder instanceof Replayer replayer) ? replayer.mismatches() : List.of();
	}

	/** Forgets every script and received call (the Spring integration does so before each test). */
	public void reset() {
		this.models.clear();
		this.endpoints.clear();
		this.calls.clear();
		this.mediaJobs.clear();
		this.account = "stub-user";
		this.whoamiStatus = 200;
		if (this.responder instanceof Replayer replayer) {
			replayer.rewind();
		}
	}

	/** Stops the stub (and finishes a recording). */
	@Override
	public void close() {
		this.server.close();
	}

	@Override
	public String toString() {
		return "HfInferenceStub[" + baseUrl() + "]";
	}

	private MockResponse respond(StubCallHolder holder, RecordedRequest request, byte[] body) {
		StubRoute route = holder.route;
		if (this.responder != null) {
			return this.responder.respond(request.getMethod(), request.getTarget(), request.getHeaders().toMultimap(),
					body).build();
		}
		return switch (route.kind()) {
			case WHOAMI -> !holder.bearer ? unauthorized() : (this.whoamiStatus == 200) ? json(200, whoamiBody())
					: json(this.whoamiStatus, Map.of("error", "whoami-v2 answers " + this.whoamiStatus));
			case MODEL_INFO -> json(200, model(route.model()).info());
			case MODELS -> json(200, modelList());
			case ENDPOINT_INFO -> endpointInfo(endpoint(route.model()), request.getUrl().encodedPath());
			case MEDIA -> this.mediaJobs.answer(request.getUrl().encodedPath());
			case INFERENCE -> {
				MockResponse answer = inference(holder, route);
				yield StubRoute.FAL_AI.equals(route.provider()) ? this.mediaJobs.submit(answer,
						request.getTarget().contains("_subdomain=queue"),
						(path) -> URI.create(this.server.url(path).toString())) : answer;
			}
			case UNKNOWN -> json(404, Map.of("error", "HfInferenceStub does not serve " + request.getMethod() + " "
					+ request.getTarget() + " (router, Hub and endpoint paths only)"));
		};
	}

	private MockResponse inference(StubCallHolder holder, StubRoute route) {
		if (!"endpoint".equals(route.provider()) && !holder.bearer) {
			return unauthorized();
		}
		ModelScript model = "endpoint".equals(route.provider()) ? this.endpoints.get(route.model())
				: this.models.get(route.model());
		Script<?> script = (model != null) ? model.scriptFor(route).orElse(null) : null;
		Step step = (script != null) ? script.nextStep() : null;
		if (step == null) {
			String what = "endpoint".equals(route.provider()) ? "endpoint '" + route.model() + "'"
					: "model '" + route.model() + "'";
			String scripted = (model != null) ? model.scriptedTasks() : null;
			return json(404, Map.of("error", "HfInferenceStub: nothing scripted for " + what
					+ ((route.task() != null) ? " task '" + route.task() + "'" : "")
					+ ((scripted != null) ? " (scripted tasks: " + scripted + ")" : "") + "; script it with stub."
					+ ("endpoint".equals(route.provider()) ? "endpoint" : "model") + "(\"" + route.model()
					+ "\")." + (StubRoute.CHAT.equals(route.task()) ? "chat()" : "task(...)") + "..."));
		}
		holder.task = script.task();
		return step.respond(route, Map.of("x-sha", model.sha())).build();
	}

	private static MockResponse endpointInfo(ModelScript endpoint, String path) {
		if (path.endsWith("/health")) {
			return new MockResponse.Builder().code(endpoint.health()).build();
		}
		return json(200, Map.of("model_id", endpoint.id(), "model_sha", endpoint.sha()));
	}

	private Map<String, Object> whoamiBody() {
		Map<String, Object> token = Map.of("displayName", "stub", "role", "read");
		Map<String, Object> auth = Map.of("type", "access_token", "accessToken", token);
		return Map.of("type", "user", "name", this.account, "auth", auth);
	}

	private Map<String, Object> modelList() {
		List<Object> data = new ArrayList<>();
		// like the real router's, the list holds chat models only
		this.models.values().stream().filter(ModelScript::chats).forEach((model) -> {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", model.id());
			entry.put("object", "model");
			entry.put("owned_by", model.id().contains("/") ? model.id().substring(0, model.id().indexOf('/')) : "");
			entry.put("providers", model.providerList());
			data.add(entry);
		});
		return Map.of("object", "list", "data", data);
	}

	private MockResponse unauthorized() {
		return json(401, Map.of("error", "Invalid credentials in Authorization header"));
	}

	private static MockResponse json(int status, Object body) {
		return Script.response(status, WireFormat.json(body)).build();
	}

	/** The mutable parts of a call being answered. */
	private static final class StubCallHolder {

		final StubRoute route;

		final boolean bearer;

		@Nullable String task;

		StubCallHolder(StubRoute route, boolean bearer) {
			this.route = route;
			this.bearer = bearer;
			this.task = route.task();
		}

	}

	private final class StubDispatcher extends Dispatcher {

		@Override
		public MockResponse dispatch(RecordedRequest request) {
			byte[] body = (request.getBody() != null) ? request.getBody().toByteArray() : new byte[0];
			String target = request.getTarget();
			int query = target.indexOf('?');
			String path = (query < 0) ? target : target.substring(0, query);
			StubRoute route = StubRoute.of(request.getMethod(), path, body);
			String authorization = request.getHeaders().get("Authorization");
			StubCallHolder holder = new StubCallHolder(route,
					authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7));
			MockResponse response;
			try {
				response = respond(holder, request, body);
			}
			catch (RuntimeException ex) {
				// A crashed dispatch would leave the client waiting for its timeout.
				response = json(500, Map.of("error", "HfInferenceStub failed to answer " + request.getMethod() + " "
						+ target + ": " + ex));
			}
			HfInferenceStub.this.calls.add(new StubCall(request.getMethod(), target, route.model(), holder.task,
					route.provider(), route.stream(), route.kind() == StubRoute.Kind.INFERENCE,
					request.getHeaders().toMultimap(), body));
			if (response.getHeaders().get("x-request-id") == null) {
				response = new MockResponse.Builder(response)
					.setHeader("x-request-id", "stub-" + HfInferenceStub.this.requestIds.incrementAndGet())
					.build();
			}
			return response;
		}

	}

	/** Answers requests instead of the scripts (replay, recording). */
	interface Responder {

		MockResponse.Builder respond(String method, String target, Map<String, List<String>> headers, byte[] body);

	}

}
