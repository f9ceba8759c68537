package io.github.hfinference.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.internal.http.HttpCall;
import io.github.hfinference.core.internal.http.HttpTransport;
import io.github.hfinference.core.internal.routing.RequestRouter;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.RawResponse;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Task.RequestPayload;

/**
 * Where the core client's time goes: the layers between (a) and the full client, each
 * measured on its own ({@code --clients=layer}). Every step adds one layer of the real
 * request path to the one before.
 */
final class Breakdown {

	private final URI base;

	private final ConnectionProvider pool = ConnectionProvider.builder("breakdown")
		.maxConnections(2048)
		.pendingAcquireMaxCount(-1)
		.build();

	private final WebClient webClient;

	private final HttpTransport transport;

	private final RequestRouter router;

	Breakdown(URI base) {
		this.base = base;
		HttpClient httpClient = HttpClient.create(this.pool).followRedirect(false);
		this.webClient = WebClient.builder().clientConnector(new ReactorClientHttpConnector(httpClient)).build();
		// as the client sets it up when it builds its own HTTP stack: plain calls straight on Reactor Netty
		this.transport = new HttpTransport(this.webClient, httpClient);
		this.router = new RequestRouter(URI.create("https://router.huggingface.co"),
				URI.create("https://huggingface.co"), null, null, Map.of(), "bench", this.transport,
				Duration.ofMinutes(10));
	}

	/** The layers for a task, by name. */
	Map<String, Supplier<Mono<?>>> layers(Task<String, ?, ?> task, String path) {
		Map<String, Supplier<Mono<?>>> layers = new LinkedHashMap<>();
		URI uri = this.base.resolve(path);
		ModelDefinition model = ModelDefinition.builder("m")
			.target(new InferenceTarget.Endpoint("stub", uri, HfToken.of(Clients.TOKEN, "bench"), false))
			.build();
		InferenceTarget target = model.targets().get(0);
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBearerAuth(Clients.TOKEN);
		layers.put("layer1", () -> this.webClient.post()
			.uri(uri)
			.headers((h) -> h.addAll(headers))
			.bodyValue(encode(task))
			.retrieve()
			.bodyToMono(byte[].class)
			.map((bytes) -> task.decoder().decode(new RawResponse(200, HttpHeaders.EMPTY, bytes), JsonCodec.get())));
		layers.put("layer2", () -> Mono.fromCallable(() -> encode(task))
			.flatMap((body) -> this.transport.exchange(new HttpCall(HttpMethod.POST, uri, headers, body, "m", "stub"),
					null))
			.map((response) -> task.decoder().decode(response, JsonCodec.get())));
		layers.put("layer3", () -> Mono
			.fromCallable(() -> task.encoder().encode(Clients.TEXT, null, JsonCodec.get()))
			.flatMap((payload) -> this.router.route(task, model, target, payload, Map.of()))
			.flatMap((route) -> this.transport.exchange(route.call(), null))
			.map((response) -> task.decoder().decode(response, JsonCodec.get())));
		return layers;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static byte[] encode(Task task) {
		RequestPayload.Json json = (RequestPayload.Json) task.encoder().encode(Clients.TEXT, null, JsonCodec.get());
		return json.bytes(JsonCodec.get());
	}

}
