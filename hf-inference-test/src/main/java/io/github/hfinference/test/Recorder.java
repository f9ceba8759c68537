package io.github.hfinference.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import mockwebserver3.MockResponse;

import io.github.hfinference.test.internal.Cassette;
import io.github.hfinference.test.internal.WireFormat;

/**
 * Forwards each request upstream with the real token and appends the exchange, without
 * credentials, to the recording.
 */
final class Recorder implements HfInferenceStub.Responder {

	/** Headers never written to a recording. */
	private static final Set<String> SECRET = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
			"x-key", "x-api-key", "api-key");

	/** Hop-by-hop headers and those the HTTP client sets itself. */
	private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
			"upgrade", "transfer-encoding", "te", "keep-alive", "accept-encoding", "content-encoding", ":status");

	private static final String REDACTED = "<redacted>";

	private final Path cassette;

	private final String token;

	private final URI routerUrl;

	private final URI hubUrl;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final List<Cassette.Interaction> interactions = new ArrayList<>();

	Recorder(Path cassette, String token, URI routerUrl, URI hubUrl) {
		this.cassette = cassette;
		this.token = token;
		this.routerUrl = routerUrl;
		this.hubUrl = hubUrl;
	}

	@Override
	public synchronized MockResponse.Builder respond(String method, String target, Map<String, List<String>> headers,
			byte[] body) {
		URI base = target.startsWith("/api/") ? this.hubUrl : this.routerUrl;
		URI upstream = URI.create(base.toString().replaceAll("/+$", "") + target);
		HttpRequest.Builder request = HttpRequest.newBuilder(upstream)
			.timeout(Duration.ofMinutes(5))
			.method(method, (body.length > 0) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		headers.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!NOT_FORWARDED.contains(lower) && !SECRET.contains(lower)) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		request.header("Authorization", "Bearer " + this.token);
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			return Script.response(502, WireFormat.json(Map.of("error", "HfInferenceStub recording: " + method + " "
					+ upstream + " failed: " + ex.getMessage())));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Script.response(502, WireFormat.json(Map.of("error", "HfInferenceStub recording interrupted")));
		}
		Map<String, List<String>> responseHeaders = new LinkedHashMap<>();
		response.headers().map().forEach((name, values) -> {
			if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
				responseHeaders.put(name, values);
			}
		});
		this.interactions.add(new Cassette.Interaction(method, upstream, redact(headers), redact(body, headers),
				response.statusCode(), "", redact(responseHeaders), redact(response.body(), responseHeaders)));
		Cassette.write(this.cassette, this.interactions);
		MockResponse.Builder answer = new MockResponse.Builder().code(response.statusCode())
			.body(new okio.Buffer().write(response.body()));
		responseHeaders.forEach((name, values) -> {
			if (!SECRET.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach((value) -> answer.addHeader(name, value));
			}
		});
		return answer;
	}

	private Map<String, List<String>> redact(Map<String, List<String>> headers) {
		Map<String, List<String>> kept = new LinkedHashMap<>();
		headers.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!SECRET.contains(lower) && !NOT_FORWARDED.contains(lower)) {
				kept.put(name, values.stream().map((value) -> value.replace(this.token, REDACTED)).toList());
			}
		});
		return kept;
	}

	private byte[] redact(byte[] body, Map<String, List<String>> headers) {
		if (!Cassette.isText(headers)) {
			return body;
		}
		return new String(body, StandardCharsets.UTF_8).replace(this.token, REDACTED).getBytes(StandardCharsets.UTF_8);
	}

}
