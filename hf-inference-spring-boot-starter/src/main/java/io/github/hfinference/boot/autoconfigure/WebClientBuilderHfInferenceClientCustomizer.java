package io.github.hfinference.boot.autoconfigure;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.hfinference.boot.HfInferenceClientCustomizer;
import io.github.hfinference.core.HfInferenceClient;

/**
 * Hands Spring Boot's {@link WebClient.Builder} to the {@link HfInferenceClient}, with its
 * own connector: built by Boot's {@link ClientHttpConnectorBuilder} from the
 * {@code spring.http.clients} settings, except that redirects are never followed (the
 * access token must not follow a redirect to another host), the connect timeout is
 * {@code hf.inference.connect-timeout}, and there is no read timeout
 * ({@code hf.inference.timeout} bounds each attempt instead).
 */
final class WebClientBuilderHfInferenceClientCustomizer implements HfInferenceClientCustomizer {

	private final Supplier<WebClient.Builder> webClientBuilder;

	private final Supplier<ClientHttpConnectorBuilder<?>> connectorBuilder;

	private final Supplier<HttpClientSettings> settings;

	private final Duration connectTimeout;

	WebClientBuilderHfInferenceClientCustomizer(Supplier<WebClient.Builder> webClientBuilder,
			Supplier<ClientHttpConnectorBuilder<?>> connectorBuilder, Supplier<HttpClientSettings> settings,
			Duration connectTimeout) {
		this.webClientBuilder = webClientBuilder;
		this.connectorBuilder = connectorBuilder;
		this.settings = settings;
		this.connectTimeout = connectTimeout;
	}

	@Override
	public void customize(HfInferenceClient.Builder builder) {
		HttpClientSettings settings = this.settings.get()
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withConnectTimeout(this.connectTimeout)
			.withReadTimeout(null);
		builder.webClientBuilder(
				this.webClientBuilder.get().clientConnector(this.connectorBuilder.get().build(settings)));
	}

}
