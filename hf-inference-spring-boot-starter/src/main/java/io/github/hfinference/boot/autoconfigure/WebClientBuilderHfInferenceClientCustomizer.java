package io.github.hfinference.boot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

import io.github.hfinference.boot.HfInferenceClientCustomizer;
import io.github.hfinference.core.HfInferenceClient;

/**
 * Hands Spring Boot's {@link WebClient.Builder} to the {@link HfInferenceClient}, with its
 * own connector: built by Boot's {@link ClientHttpConnectorBuilder} from the
 * {@code spring.http.clients} settings, except that redirects are never followed (the
 * access token must not follow a redirect to another host), the connect timeout is
 * {@code hf.inference.connect-timeout}, and there is no read timeout
 * ({@code hf.inference.timeout} bounds each attempt instead).
 * <p>
 * With {@code hf.inference.direct-calls} (the default), a Reactor Netty connector and a
 * builder without exchange filters, default headers or default cookies, the Reactor
 * Netty client that connector was built with is also given to the client for its plain
 * calls, which then skip the WebClient's per-call machinery (and its
 * {@code http.client.requests} observation).
 */
final class WebClientBuilderHfInferenceClientCustomizer implements HfInferenceClientCustomizer {

	private final Supplier<WebClient.Builder> webClientBuilder;

	private final Supplier<ClientHttpConnectorBuilder<?>> connectorBuilder;

	private final Supplier<HttpClientSettings> settings;

	private final Duration connectTimeout;

	private final boolean directCalls;

	WebClientBuilderHfInferenceClientCustomizer(Supplier<WebClient.Builder> webClientBuilder,
			Supplier<ClientHttpConnectorBuilder<?>> connectorBuilder, Supplier<HttpClientSettings> settings,
			Duration connectTimeout, boolean directCalls) {
		this.webClientBuilder = webClientBuilder;
		this.connectorBuilder = connectorBuilder;
		this.settings = settings;
		this.connectTimeout = connectTimeout;
		this.directCalls = directCalls;
	}

	@Override
	public void customize(HfInferenceClient.Builder builder) {
		HttpClientSettings settings = this.settings.get()
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withConnectTimeout(this.connectTimeout)
			.withReadTimeout(null);
		WebClient.Builder webClient = this.webClientBuilder.get();
		ClientHttpConnectorBuilder<?> connectorBuilder = this.connectorBuilder.get();
		if (this.directCalls && connectorBuilder instanceof ReactorClientHttpConnectorBuilder reactor
				&& !customizesCalls(webClient)) {
			AtomicReference<HttpClient> httpClient = new AtomicReference<>();
			ClientHttpConnector connector = reactor.withHttpClientCustomizer((client) -> {
				httpClient.set(client);
				return client;
			}).build(settings);
			builder.webClientBuilder(webClient.clientConnector(connector)).directHttpClient(httpClient.get());
			return;
		}
		builder.webClientBuilder(webClient.clientConnector(connectorBuilder.build(settings)));
	}

	/**
	 * Whether the builder carries per-call customisations the direct path would skip:
	 * exchange filters, default headers or default cookies.
	 */
	private static boolean customizesCalls(WebClient.Builder webClient) {
		AtomicBoolean customized = new AtomicBoolean();
		webClient.filters((filters) -> customized.compareAndSet(false, !filters.isEmpty()));
		webClient.defaultHeaders((headers) -> customized.compareAndSet(false, !headers.isEmpty()));
		webClient.defaultCookies((cookies) -> customized.compareAndSet(false, !cookies.isEmpty()));
		return customized.get();
	}

}
