package io.github.hfinference.core;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.error.HfInvalidRequestException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.FillMask;
import io.github.hfinference.core.task.QuestionAnswering;
import io.github.hfinference.core.task.Summarization;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.TextGeneration;
import io.github.hfinference.core.task.TextToImage;
import io.github.hfinference.core.task.TokenClassification;
import io.github.hfinference.core.task.ZeroShotClassification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The bad-input suite, readable as a table: random and hostile model ids, revisions,
 * provider names, inputs and server answers thrown at the client against a local server.
 * Every try ends in a typed {@link HfInferenceException} or in the one correct request;
 * never an untyped exception, a hang, a request to another path, or the token in a
 * message. The counts of inputs and outcomes are printed at the end.
 */
class BadInputPropertyTests {

	private static final String TOKEN = "hf_badInputSuiteSecret0123456789";

	private static final Pattern HUB_ID = Pattern
		.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,95}(/[A-Za-z0-9][A-Za-z0-9._-]{0,95})?");

	private static final String CLASSIFICATION = "[{\"label\":\"POSITIVE\",\"score\":0.9}]";

	private static final ConcurrentMap<String, AtomicInteger> OUTCOMES = new ConcurrentHashMap<>();

	private static final AtomicReference<Supplier<MockResponse>> ANSWER = new AtomicReference<>();

	private static MockWebServer server;

	private static HfInferenceClient client;

	@BeforeContainer
	static void start() throws IOException {
		server = new MockWebServer();
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return ANSWER.get().get();
			}
		});
		server.start();
		URI url = server.url("/").uri();
		client = HfInferenceClient.builder()
			.token(TOKEN)
			.noTokenLookup()
			.baseUrl(url)
			.hubUrl(url)
			.timeout(Duration.ofSeconds(5))
			.build();
	}

	@AfterContainer
	static void report() {
		server.close();
		Map<String, Integer> counts = new TreeMap<>();
		OUTCOMES.forEach((outcome, count) -> counts.put(outcome, count.get()));
		int tried = counts.values().stream().mapToInt(Integer::intValue).sum();
		System.out.println("Bad-input suite: " + tried + " inputs tried; outcomes by kind and type:");
		counts.forEach((outcome, count) -> System.out.printf("  %-70s %6d%n", outcome, count));
	}

	// ---- model ids: refused before any I/O, or sent to exactly their own path

	@Property(tries = 250)
	void hostileModelIdsAreRefusedBeforeAnyRequestOrSentToTheirOwnPath(@ForAll("modelIds") String id) {
		answer(() -> json(CLASSIFICATION));
		int before = server.getRequestCount();
		Outcome outcome = run("model id", () -> client.blocking()
			.call(TextClassification.TASK, hfInference(id), "I like you", null));
		if (outcome.refused()) {
			assertThat(server.getRequestCount()).as("no request for refused id %s", id).isEqualTo(before);
		}
		else {
			assertThat(HUB_ID.matcher(id).matches() && !id.contains("..")).as("accepted id %s", id).isTrue();
			assertThat(takeRequest().getTarget()).isEqualTo("/hf-inference/models/" + id);
		}
	}

	@Property(tries = 150)
	void hostileModelIdsNeverReachAnotherHubPath(@ForAll("modelIds") String id) {
		answer(() -> json("{\"id\":\"org/m\"}"));
		int before = server.getRequestCount();
		Outcome outcome = run("hub model id",
				() -> client.hub().modelInfo(id, Duration.ofSeconds(5)).block(Duration.ofSeconds(10)));
		if (outcome.refused()) {
			assertThat(server.getRequestCount()).isEqualTo(before);
		}
		else {
			assertThat(takeRequest().getTarget()).startsWith("/api/models/" + id + "?");
		}
	}

	@Provide
	Arbitrary<String> modelIds() {
		Arbitrary<String> name = Arbitraries.strings().withChars("abcXYZ019._-").ofMinLength(1).ofMaxLength(12);
		Arbitrary<String> hostilePart = Arbitraries.of("..", ".", "", " ", "%2e%2e", "?x=1", "#f", "\r\n", "\u0000",
				"\u2028", "\ud800", "é", "/", "//", "\\", "a b", "_stats", "-x", "x".repeat(97));
		return Arbitraries.oneOf(name, name.list().ofMinSize(2).ofMaxSize(3).map((parts) -> String.join("/", parts)),
				Arbitraries.strings().all().ofMaxLength(40),
				Arbitraries.of("", "../../_stats", "org/../../x", "org/o k", "/org/m", "org/m/", "org//m",
						"org/m?x=1", "org/m#x", "org/m\r\nX-Injected: 1", "x".repeat(300)),
				Arbitraries.oneOf(name, hostilePart).list().ofMinSize(1).ofMaxSize(4).map((parts) -> String.join("/", parts)),
				Arbitraries.oneOf(name, hostilePart).list().ofMinSize(2).ofMaxSize(3).map((parts) -> String.join("", parts)));
	}

	// ---- revisions and provider names: syntax only, no I/O

	@Property(tries = 300)
	void hostileRevisionsAreRefusedOrWellFormed(@ForAll("revisions") String revision) {
		Outcome outcome = run("revision",
				() -> hfInference("org/m").toBuilder().revision(revision).build());
		if (!outcome.refused()) {
			assertThat(revision).doesNotContain("..", " ").doesNotStartWith("/").doesNotEndWith("/");
			assertThat(revision.chars().noneMatch(Character::isISOControl)).isTrue();
		}
	}

	@Provide
	Arbitrary<String> revisions() {
		return Arbitraries.oneOf(Arbitraries.strings().withChars("abcdef0123456789").ofLength(40),
				Arbitraries.strings().withChars("abcAZ09._-/").ofMinLength(1).ofMaxLength(30),
				Arbitraries.strings().all().ofMaxLength(30),
				Arbitraries.of("", "..", "../main", "/main", "main/", "refs/pr/1", "main branch", "v1.0\r\n", "a//b",
						"x".repeat(300)));
	}

	@Property(tries = 300)
	void hostileProviderNamesAreRefusedOrLowercaseNames(@ForAll("providers") String provider) {
		Outcome outcome = run("provider name", () -> new InferenceTarget.Router(provider));
		if (!outcome.refused()) {
			assertThat(provider).matches("[a-z0-9][a-z0-9-]*(:[a-z0-9][a-z0-9-]*)?");
		}
	}

	@Provide
	Arbitrary<String> providers() {
		return Arbitraries.oneOf(Arbitraries.strings().withChars("abz09-:").ofMinLength(1).ofMaxLength(20),
				Arbitraries.strings().all().ofMaxLength(20),
				Arbitraries.of("", "auto", "auto:fastest", "hf-inference", "../x", "Together", "fal ai", "a/b", "x\r\n"));
	}

	// ---- inputs: refused before I/O, or sent as valid JSON carrying exactly the input

	@Property(tries = 200)
	void hostileTextInputsAreRefusedOrSentIntact(@ForAll("texts") String text) {
		answer(() -> json(CLASSIFICATION));
		int before = server.getRequestCount();
		Outcome outcome = run("text input",
				() -> client.blocking().call(TextClassification.TASK, hfInference("org/m"), text, null));
		if (outcome.refused()) {
			assertThat(server.getRequestCount()).isEqualTo(before);
		}
		else {
			RecordedRequest request = takeRequest();
			assertThat(request.getTarget()).isEqualTo("/hf-inference/models/org/m");
			JsonNode body = JsonCodec.get().parse(request.getBody().toByteArray());
			// valid JSON carrying the text exactly (a lone surrogate travels as a \\u escape)
			assertThat(body.path("inputs").stringValue()).isEqualTo(text);
		}
	}

	@Provide
	Arbitrary<String> texts() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(200),
				Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(20),
				Arbitraries.strings().withCharRange('\ud800', '\udfff').ofMaxLength(5),
				Arbitraries.of("", " ", "\r\n", "\"}", "{\"inputs\":1}", "\u0000", "x".repeat(100_000)));
	}

	@Property(tries = 3)
	void tenMegabyteInputIsSentWhole(@ForAll("tenMegabytes") String text) {
		answer(() -> json(CLASSIFICATION));
		run("10 MB input", () -> client.blocking().call(TextClassification.TASK, hfInference("org/m"), text, null));
		assertThat(takeRequest().getBodySize()).isGreaterThanOrEqualTo(10L * 1024 * 1024);
	}

	@Provide
	Arbitrary<String> tenMegabytes() {
		return Arbitraries.of('a', 'é', '"').map((c) -> String.valueOf(c).repeat(10 * 1024 * 1024));
	}

	@Property(tries = 100)
	void nonFiniteNumbersInParametersAreRefusedBeforeAnyRequest(@ForAll("numbers") double temperature) {
		answer(() -> json("[{\"generated_text\":\"x\"}]"));
		int before = server.getRequestCount();
		Outcome outcome = run("number parameter", () -> client.blocking()
			.call(TextGeneration.TASK, hfInference("org/m"), "Hello",
					TextGeneration.Parameters.builder().temperature(temperature).build()));
		if (outcome.refused()) {
			assertThat(Double.isFinite(temperature)).isFalse();
			assertThat(server.getRequestCount()).isEqualTo(before);
		}
		else {
			JsonNode body = JsonCodec.get().parse(takeRequest().getBody().toByteArray());
			assertThat(body.path("parameters").path("temperature").doubleValue()).isEqualTo(temperature);
		}
	}

	@Provide
	Arbitrary<Double> numbers() {
		return Arbitraries.oneOf(Arbitraries.doubles(),
				Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE,
						Double.MIN_VALUE, -0.0));
	}

	@Property(tries = 30)
	void nullAndEmptyInputsOfEveryShapeAreRefused(@ForAll("emptyCalls") Runnable call) {
		int before = server.getRequestCount();
		Outcome outcome = run("null or empty input", call);
		assertThat(outcome.refused()).isTrue();
		assertThat(server.getRequestCount()).isEqualTo(before);
	}

	@Provide
	Arbitrary<Runnable> emptyCalls() {
		ModelDefinition model = hfInference("org/m");
		return Arbitraries.of(() -> client.call(TextClassification.TASK, model, null, null),
				() -> client.call(TextClassification.TASK, model, "", null),
				() -> client.call(QuestionAnswering.TASK, model, new QuestionAnswering.Input("", "context"), null),
				() -> client.call(QuestionAnswering.TASK, model, new QuestionAnswering.Input("q", null), null),
				() -> client.call(ZeroShotClassification.TASK, model,
						new ZeroShotClassification.Input("text", List.of()), null),
				() -> client.call(FeatureExtraction.TASK, model, "", null),
				() -> client.call(TextClassification.TASK, (ModelDefinition) null, "x", null),
				() -> client.execute(null));
	}

	// ---- malformed answers: a typed error, or a result whose required fields are all there

	@Property(tries = 300)
	void malformedAnswersGiveATypedErrorOrAWholeResult(@ForAll("tasks") Task<String, ?, ?> task,
			@ForAll("answers") Supplier<MockResponse> answer) {
		answer(answer);
		Object[] result = new Object[1];
		Outcome outcome = run("answer to " + task.id(),
				() -> result[0] = client.blocking().call(task, hfInference("org/m"), "Hello", null));
		takeRequest();
		if (!outcome.failed()) {
			assertThat(result[0]).isNotNull();
			if (result[0] instanceof List<?> list) {
				assertThat(list).doesNotContainNull();
				list.stream().filter(ClassificationOutput.class::isInstance)
					.forEach((item) -> assertThat(((ClassificationOutput) item).label()).isNotNull());
			}
		}
	}

	@Provide
	Arbitrary<Task<String, ?, ?>> tasks() {
		return Arbitraries.of(TextClassification.TASK, TokenClassification.TASK, FillMask.TASK, Summarization.TASK,
				TextGeneration.TASK, FeatureExtraction.TASK, TextToImage.TASK);
	}

	@Provide
	Arbitrary<Supplier<MockResponse>> answers() {
		Arbitrary<String> bodies = Arbitraries.oneOf(
				Arbitraries.of("", "null", "[]", "[null]", "{}", "[{}]", "[[]]", "\"text\"", "42", "true",
						"{\"id\":\"c1\",\"choices\":[{\"message\":{\"content\":\"Hi\"}}]}",
						"[{\"label\":1.5,\"score\":\"high\"}]", "[{\"label\":null,\"score\":0.5}]",
						"[{\"label\":\"x\"}]", "[{\"score\":0.5}]", "{\"generated_text\":42}",
						"[{\"summary_text\":null}]", "{\"error\":\"boom\"}", "[[[[[[[[[[[[1]]]]]]]]]]]]",
						"<html><body>502 Bad Gateway</body></html>", "[{\"label\":\"x\",\"score\":0.5}",
						"{\"generated_text\":\"" + "x".repeat(3_000_000) + "\"}"),
				Arbitraries.strings().all().ofMaxLength(60),
				Arbitraries.strings().withChars("[]{}\":,0123456789.abclsore_nu").ofMaxLength(60),
				Arbitraries.of(CLASSIFICATION, "[{\"generated_text\":\"x\"}]", "[[0.1,0.2]]")
					.flatMap((valid) -> Arbitraries.integers().between(0, valid.length() - 1).map((cut) -> valid.substring(0, cut))));
		Arbitrary<String> types = Arbitraries.of("application/json", "text/html", "text/plain", "image/png");
		return bodies.flatMap((body) -> types.map((type) -> () -> new MockResponse.Builder().code(200)
			.addHeader("Content-Type", type)
			.body(body)
			.build()));
	}

	// ---- the shared machinery

	private static ModelDefinition hfInference(String id) {
		return UntrustedInputTests.hfInference(id);
	}

	private static void answer(Supplier<MockResponse> answer) {
		ANSWER.set(answer);
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

	private static RecordedRequest takeRequest() {
		try {
			RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
			assertThat(request).as("the request").isNotNull();
			assertThat(request.getUrl().host()).isEqualTo(server.getHostName());
			assertThat(request.getUrl().port()).isEqualTo(server.getPort());
			return request;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs one try, counts its outcome, and checks a failure is typed and keeps the token
	 * out of every message of its cause chain.
	 */
	private static Outcome run(String kind, Runnable call) {
		try {
			call.run();
			count(kind, "accepted");
			return Outcome.ACCEPTED;
		}
		catch (HfInferenceException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				assertThat(String.valueOf(cause.getMessage())).doesNotContain(TOKEN);
			}
			assertThat(ex.getMessage()).doesNotContain("\r").doesNotContain("\n");
			count(kind, ex.getClass().getSimpleName());
			return (ex instanceof HfInvalidRequestException) ? Outcome.REFUSED : Outcome.FAILED;
		}
		catch (RuntimeException ex) {
			count(kind, "UNTYPED " + ex.getClass().getName());
			return fail("untyped exception for a " + kind, ex);
		}
	}

	private static void count(String kind, String outcome) {
		OUTCOMES.computeIfAbsent(kind + " -> " + outcome, (key) -> new AtomicInteger()).incrementAndGet();
	}

	private enum Outcome {

		ACCEPTED, REFUSED, FAILED;

		boolean refused() {
			return this == REFUSED;
		}

		boolean failed() {
			return this != ACCEPTED;
		}

	}

}
