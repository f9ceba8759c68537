package io.github.hfinference.test;

import java.time.Duration;
import java.util.function.Function;

import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.test.internal.StubRoute;

/**
 * One scripted answer: how to respond to a request, how long to wait first, and for
 * failures the {@code Retry-After} to send.
 */
final class Step {

	private final Function<StubRoute, MockResponse.Builder> response;

	private final boolean failure;

	private Duration delay = Duration.ZERO;

	private @Nullable Duration retryAfter;

	private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

	private Step(Function<StubRoute, MockResponse.Builder> response, boolean failure) {
		this.response = response;
		this.failure = failure;
	}

	static Step answer(Function<StubRoute, MockResponse.Builder> response) {
		return new Step(response, false);
	}

	static Step failure(Function<StubRoute, MockResponse.Builder> response) {
		return new Step(response, true);
	}

	static Step reset() {
		return new Step((route) -> new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()), true);
	}

	boolean isFailure() {
		return this.failure;
	}

	void delay(Duration delay) {
		this.delay = delay;
	}

	void retryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
	}

	void header(String name, String value) {
		this.headers.put(name, value);
	}

	/**
	 * The response to a route.
	 * @param route the request's route
	 * @param defaults headers the step's own headers override (e.g. the served revision)
	 * @return the response
	 */
	MockResponse.Builder respond(StubRoute route, java.util.Map<String, String> defaults) {
		MockResponse.Builder builder = this.response.apply(route);
		defaults.forEach(builder::setHeader);
		this.headers.forEach(builder::setHeader);
		if (!this.delay.isZero()) {
			builder.headersDelay(this.delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		if (this.retryAfter != null) {
			builder.setHeader("Retry-After", Long.toString(Math.max(0, this.retryAfter.toSeconds())));
		}
		return builder;
	}

}
