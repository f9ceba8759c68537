package io.github.hfinference.test.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a request to the stub asks for, read from its path (and, for chat completions, the
 * body's {@code model}), the way the router, the Hub and endpoints address things.
 *
 * @param kind what kind of call it is
 * @param model the model id, or the endpoint name for endpoint calls; null for account calls
 * @param task the task id when the path names it ({@code pipeline/{task}}, chat), else null
 * @param provider the provider ({@code hf-inference}, {@code auto}, a provider name, or
 * {@code endpoint}), null for Hub calls
 * @param stream whether a chat completion asked for a stream
 */
public record StubRoute(Kind kind, @Nullable String model, @Nullable String task, @Nullable String provider,
		boolean stream) {

	/** The media provider whose jobs the stub runs. */
	public static final String FAL_AI = "fal-ai";

	/** The task id of chat completions. */
	public static final String CHAT = "chat-completion";

	/** The path prefix of media job URLs (status, result, content) handed out by the stub. */
	public static final String MEDIA = "/media/";

	/** The path prefix of endpoints served by the stub. */
	public static final String ENDPOINTS = "/endpoints/";

	private static final Pattern HF_INFERENCE = Pattern
		.compile("/hf-inference/models/(.+?)(?:/pipeline/([a-z-]+)|(/v1/chat/completions))?");

	private static final Pattern ENDPOINT = Pattern.compile("/endpoints/([^/]+)(/.*)?");

	private static final Pattern MODEL_INFO = Pattern.compile("/api/models/(.+?)(?:/revision/.*)?");

	/** Kinds of calls. */
	public enum Kind {

		/** An inference call on the router or an endpoint. */
		INFERENCE,

		/** {@code GET /api/models/{id}} on the Hub. */
		MODEL_INFO,

		/** {@code GET /api/whoami-v2} on the Hub. */
		WHOAMI,

		/** {@code GET /v1/models}: the router's model list with prices. */
		MODELS,

		/** {@code GET {endpoint}/health} or {@code /info}. */
		ENDPOINT_INFO,

		/** {@code GET /media/{job}/...}: a media job's status, result or content. */
		MEDIA,

		/** Anything else. */
		UNKNOWN

	}

	/**
	 * Reads a request.
	 * @param method the HTTP method
	 * @param path the path, without query
	 * @param body the body, possibly empty
	 * @return the route
	 */
	public static StubRoute of(String method, String path, byte[] body) {
		if ("GET".equals(method)) {
			Matcher modelInfo = MODEL_INFO.matcher(path);
			if (modelInfo.matches()) {
				return new StubRoute(Kind.MODEL_INFO, modelInfo.group(1), null, null, false);
			}
			if (path.equals("/api/whoami-v2")) {
				return new StubRoute(Kind.WHOAMI, null, null, null, false);
			}
			if (path.equals("/v1/models")) {
				return new StubRoute(Kind.MODELS, null, null, null, false);
			}
			Matcher endpoint = ENDPOINT.matcher(path);
			if (endpoint.matches()) {
				return new StubRoute(Kind.ENDPOINT_INFO, endpoint.group(1), null, "endpoint", false);
			}
			return path.startsWith(MEDIA) ? new StubRoute(Kind.MEDIA, null, null, null, false) : unknown();
		}
		boolean chat = path.endsWith("/chat/completions");
		JsonNode json = chat ? WireFormat.parseOrNull(body) : null;
		boolean stream = json != null && json.path("stream").asBoolean(false);
		Matcher endpoint = ENDPOINT.matcher(path);
		if (endpoint.matches()) {
			return new StubRoute(Kind.INFERENCE, endpoint.group(1), chat ? CHAT : null, "endpoint", stream);
		}
		Matcher hfInference = HF_INFERENCE.matcher(path);
		if (hfInference.matches()) {
			String task = (hfInference.group(2) != null) ? hfInference.group(2)
					: (hfInference.group(3) != null) ? CHAT : null;
			return new StubRoute(Kind.INFERENCE, hfInference.group(1), task, "hf-inference", stream);
		}
		if (path.startsWith("/" + FAL_AI + "/")) {
			return new StubRoute(Kind.INFERENCE, path.substring(FAL_AI.length() + 2), null, FAL_AI, false);
		}
		if (chat && json != null && json.path("model").isString()) {
			String model = json.path("model").stringValue();
			int policy = model.indexOf(':');
			String provider = path.startsWith("/v1/") ? "auto" : path.substring(1, path.indexOf('/', 1));
			return new StubRoute(Kind.INFERENCE, (policy > 0) ? model.substring(0, policy) : model, CHAT, provider,
					stream);
		}
		return unknown();
	}

	private static StubRoute unknown() {
		return new StubRoute(Kind.UNKNOWN, null, null, null, false);
	}

}
