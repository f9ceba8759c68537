package io.github.hfinference.test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.json.JsonCodec;

/**
 * One request the stub received, as the application sent it. Its {@link #toString()}
 * never shows header values, so a token cannot leak into a test report.
 */
public final class StubCall {

	private final String method;

	private final String target;

	private final @Nullable String model;

	private final @Nullable String task;

	private final @Nullable String provider;

	private final boolean stream;

	private final boolean inference;

	private final Map<String, List<String>> headers;

	private final byte[] body;

	StubCall(String method, String target, @Nullable String model, @Nullable String task, @Nullable String provider,
			boolean stream, boolean inference, Map<String, List<String>> headers, byte[] body) {
		this.method = method;
		this.target = target;
		this.model = model;
		this.task = task;
		this.provider = provider;
		this.stream = stream;
		this.inference = inference;
		this.headers = Map.copyOf(headers);
		this.body = body.clone();
	}

	/** The HTTP method. */
	public String method() {
		return this.method;
	}

	/** The path and query, e.g. {@code /hf-inference/models/org/m}. */
	public String target() {
		return this.target;
	}

	/** The path, without the query. */
	public String path() {
		int query = this.target.indexOf('?');
		return (query < 0) ? this.target : this.target.substring(0, query);
	}

	/** The model id (or the endpoint name, for endpoint calls), or null for account calls. */
	public @Nullable String model() {
		return this.model;
	}

	/** The task id when the request names it (pipeline path, chat), or the scripted task that answered. */
	public @Nullable String task() {
		return this.task;
	}

	/** The provider in the path ({@code hf-inference}, {@code auto}, ...), {@code endpoint}, or null. */
	public @Nullable String provider() {
		return this.provider;
	}

	/** Whether this is a chat completion that asked for a stream. */
	public boolean isStream() {
		return this.stream;
	}

	/** Whether this is an inference call (not a Hub or price-list lookup). */
	public boolean isInference() {
		return this.inference;
	}

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return its value, if sent
	 */
	public Optional<String> header(String name) {
		return this.headers.entrySet()
			.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
			.map((header) -> header.getValue().get(0))
			.findFirst();
	}

	/** The bearer token sent in {@code Authorization}, if any. */
	public Optional<String> bearerToken() {
		return header("Authorization").filter((value) -> value.toLowerCase(Locale.ROOT).startsWith("bearer "))
			.map((value) -> value.substring("bearer ".length()).trim());
	}

	/** The raw body. */
	public byte[] body() {
		return this.body.clone();
	}

	/** The body as UTF-8 text. */
	public String bodyText() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

	/**
	 * The body as a JSON tree.
	 * @return the tree
	 * @throws tools.jackson.core.JacksonException if the body is not JSON
	 */
	public JsonNode bodyJson() {
		return JsonCodec.get().parse(this.body);
	}

	@Override
	public String toString() {
		return this.method + " " + this.target + ((this.model != null) ? " (model " + this.model
				+ ((this.task != null) ? ", task " + this.task : "") + (this.stream ? ", stream" : "") + ")" : "");
	}

}
