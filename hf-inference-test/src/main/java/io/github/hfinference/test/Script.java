package io.github.hfinference.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import mockwebserver3.MockResponse;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.test.internal.WireFormat;

/**
 * The scripted answers of one task of one model: each step answers one call, in order,
 * and the last step answers every call after it.
 * <pre class="code">
 * stub.model("org/m").task(TextClassification.TASK)
 *     .fails(429).retryAfter(Duration.ofSeconds(1))
 *     .thenAnswers(List.of(HfAnswers.label("POSITIVE", 0.98)));
 * </pre>
 *
 * @param <S> the script type, for chaining
 */
public abstract sealed class Script<S extends Script<S>> permits TaskScript, ChatScript {

	private final String model;

	private final String task;

	private final List<Step> steps = new ArrayList<>();

	private int next;

	Script(String model, String task) {
		this.model = model;
		this.task = task;
	}

	/** The task id this script answers. */
	public String task() {
		return this.task;
	}

	/**
	 * Answers the next call with an HTTP error whose body is the Hub's
	 * {@code {"error": "..."}} with the status's usual message.
	 * @param status the status, 400 to 599
	 * @return this script
	 */
	public S fails(int status) {
		return fails(status, defaultMessage(status));
	}

	/**
	 * Answers the next call with an HTTP error.
	 * @param status the status, 400 to 599
	 * @param message the {@code error} message of the body
	 * @return this script
	 */
	public S fails(int status, String message) {
		if (status < 400 || status > 599) {
			throw new HfConfigurationException("A scripted failure needs an error status (400-599), not " + status
					+ " (model '" + this.model + "', task '" + this.task + "')");
		}
		Map<String, Object> body = Map.of("error", message);
		return add(Step.failure((route) -> response(status, WireFormat.json(body))));
	}

	/**
	 * Same as {@link #fails(int)}, reads better after another step.
	 * @param status the status, 400 to 599
	 * @return this script
	 */
	public S thenFails(int status) {
		return fails(status);
	}

	/**
	 * Sends a {@code Retry-After} header (in whole seconds) with the last scripted failure.
	 * @param wait how long the server asks the client to wait
	 * @return this script
	 * @throws HfConfigurationException if the last step is not a failure
	 */
	public S retryAfter(Duration wait) {
		Step last = last("retryAfter");
		if (!last.isFailure()) {
			throw new HfConfigurationException("retryAfter(" + wait + ") follows a failure step (fails, loading), "
					+ "not an answer (model '" + this.model + "', task '" + this.task + "')");
		}
		last.retryAfter(wait);
		return self();
	}

	/**
	 * Answers the next call with the router's 503 "model is loading" and its
	 * {@code estimated_time}.
	 * @param estimatedTime how long the server says loading takes
	 * @return this script
	 */
	public S loading(Duration estimatedTime) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "Model " + this.model + " is currently loading");
		body.put("estimated_time", estimatedTime.toMillis() / 1000.0);
		return add(Step.failure((route) -> response(503, WireFormat.json(body))));
	}

	/**
	 * Closes the connection of the next call without answering.
	 * @return this script
	 */
	public S resetsConnection() {
		return add(Step.reset());
	}

	/**
	 * Same as {@link #resetsConnection()}, reads better after another step.
	 * @return this script
	 */
	public S thenResetsConnection() {
		return resetsConnection();
	}

	/**
	 * Adds a response header to the last scripted step, e.g. {@code x-sha} (the served
	 * revision), {@code x-compute-time}, {@code x-request-id}.
	 * @param name the header name
	 * @param value its value
	 * @return this script
	 */
	public S withHeader(String name, String value) {
		last("withHeader").header(name, value);
		return self();
	}

	/**
	 * Waits before answering with the last scripted step (for timeout tests: the wait is real).
	 * @param delay how long to wait before the response headers
	 * @return this script
	 */
	public S delays(Duration delay) {
		last("delays").delay(delay);
		return self();
	}

	/**
	 * Removes every scripted step, e.g. to replace answers scripted in a {@code @BeforeEach}:
	 * the next step scripted answers the next call.
	 * @return this script
	 */
	public synchronized S reset() {
		this.steps.clear();
		this.next = 0;
		return self();
	}

	/** The step answering the next call, or null if nothing is scripted. */
	synchronized Step nextStep() {
		if (this.steps.isEmpty()) {
			return null;
		}
		Step step = this.steps.get(Math.min(this.next, this.steps.size() - 1));
		this.next++;
		return step;
	}

	final synchronized S add(Step step) {
		this.steps.add(step);
		return self();
	}

	@SuppressWarnings("unchecked")
	private S self() {
		return (S) this;
	}

	private synchronized Step last(String method) {
		if (this.steps.isEmpty()) {
			throw new HfConfigurationException(method + "(...) changes the step before it, but nothing is scripted "
					+ "yet for model '" + this.model + "', task '" + this.task + "'");
		}
		return this.steps.get(this.steps.size() - 1);
	}

	static MockResponse.Builder response(int status, WireFormat.Body body) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", body.contentType())
			.body(new okio.Buffer().write(body.bytes()));
	}

	private static String defaultMessage(int status) {
		return switch (status) {
			case 400 -> "Bad request";
			case 401 -> "Invalid credentials in Authorization header";
			case 402 -> "You have exceeded your monthly included credits for Inference Providers";
			case 403 -> "This authentication method does not have sufficient permissions";
			case 404 -> "Model not found";
			case 422 -> "Input validation error";
			case 429 -> "Rate limit reached. Please retry later.";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> (status >= 500) ? "Internal Server Error" : "Request failed";
		};
	}

}
