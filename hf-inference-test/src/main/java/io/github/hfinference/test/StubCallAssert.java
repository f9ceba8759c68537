package io.github.hfinference.test;

import java.util.List;

import org.assertj.core.api.AbstractAssert;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.test.internal.JsonDiff;

/**
 * Assertions on one request the stub received. Failure messages never show a token.
 */
public final class StubCallAssert extends AbstractAssert<StubCallAssert, StubCall> {

	StubCallAssert(StubCall call) {
		super(call, StubCallAssert.class);
	}

	/**
	 * Verifies that the JSON body has these fields with these values (other fields are
	 * allowed; arrays must be equal).
	 * @param expectedJson the expected fields, as JSON
	 * @return this assertion
	 */
	public StubCallAssert hasBodyJson(String expectedJson) {
		JsonNode expected = JsonCodec.get().parse(expectedJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		JsonNode actualBody;
		try {
			actualBody = this.actual.bodyJson();
		}
		catch (RuntimeException ex) {
			failWithMessage("Expected %s to have a JSON body but it was: %s", this.actual, this.actual.bodyText());
			return this;
		}
		List<String> differences = JsonDiff.missing(expected, actualBody);
		if (!differences.isEmpty()) {
			failWithMessage("Expected the body of %s to contain %s but:%n  %s%nBody: %s", this.actual, expected,
					String.join("\n  ", differences), actualBody);
		}
		return this;
	}

	/**
	 * Verifies the exact body text.
	 * @param expected the expected body, as UTF-8 text
	 * @return this assertion
	 */
	public StubCallAssert hasBody(String expected) {
		if (!this.actual.bodyText().equals(expected)) {
			failWithMessage("Expected the body of %s to be%n  %s%nbut was%n  %s", this.actual, expected,
					this.actual.bodyText());
		}
		return this;
	}

	/**
	 * Verifies that a bearer token was sent ({@code Authorization: Bearer ...}).
	 * @return this assertion
	 */
	public StubCallAssert hasBearerToken() {
		if (this.actual.bearerToken().isEmpty()) {
			failWithMessage("Expected %s to carry a bearer token but it had no 'Authorization: Bearer' header",
					this.actual);
		}
		return this;
	}

	/**
	 * Verifies the bearer token sent; the message never shows the token received.
	 * @param token the expected token
	 * @return this assertion
	 */
	public StubCallAssert hasBearerToken(String token) {
		hasBearerToken();
		if (!this.actual.bearerToken().get().equals(token)) {
			failWithMessage("Expected %s to carry the given bearer token but it carried another one", this.actual);
		}
		return this;
	}

	/**
	 * Verifies that no {@code Authorization} header was sent.
	 * @return this assertion
	 */
	public StubCallAssert hasNoAuthorization() {
		if (this.actual.header("Authorization").isPresent()) {
			failWithMessage("Expected %s to carry no Authorization header but it had one", this.actual);
		}
		return this;
	}

	/**
	 * Verifies a header's value.
	 * @param name the header name
	 * @param value the expected value
	 * @return this assertion
	 */
	public StubCallAssert hasHeader(String name, String value) {
		String received = this.actual.header(name).orElse(null);
		if (!value.equals(received)) {
			failWithMessage("Expected %s to have header %s: %s but it was %s", this.actual, name, value, received);
		}
		return this;
	}

	/**
	 * Verifies the request path (without query).
	 * @param path the expected path
	 * @return this assertion
	 */
	public StubCallAssert hasPath(String path) {
		if (!this.actual.path().equals(path)) {
			failWithMessage("Expected the path of %s to be %s", this.actual, path);
		}
		return this;
	}

	/**
	 * Verifies that the call was a streamed chat completion.
	 * @return this assertion
	 */
	public StubCallAssert isStream() {
		if (!this.actual.isStream()) {
			failWithMessage("Expected %s to ask for a stream", this.actual);
		}
		return this;
	}

}
