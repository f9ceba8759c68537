package io.github.hfinference.boot.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.hfinference.boot.declarative.EnableHfModels;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.error.HfHttpException;
import io.github.hfinference.core.task.ClassificationOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The client is built from Spring Boot's {@code WebClient.Builder} when there is one,
 * with a connector that keeps Boot's HTTP client settings but never follows redirects.
 */
class HfInferenceWebClientTests {

	private static final String SENTIMENT_BODY = "[[{\"label\":\"POSITIVE\",\"score\":0.99}]]";

	private final MockWebServer server = new MockWebServer();

	private final MockWebServer elsewhere = new MockWebServer();

	private ApplicationContextRunner contextRunner;

	private ApplicationContextRunner withoutBootWebClient;

	@BeforeEach
	void start() throws IOException {
		this.server.start();
		this.elsewhere.start();
		this.withoutBootWebClient = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HfInferenceAutoConfiguration.class))
			.withUserConfiguration(ClassifierConfiguration.class)
			.withPropertyValues("hf.inference.token=hf_test", "hf.inference.base-url=" + this.server.url("/"),
					"hf.inference.hub-url=" + this.server.url("/"), "hf.inference.models.sentiment.id=org/sentiment",
					"hf.inference.models.sentiment.provider=hf-inference");
		this.contextRunner = this.withoutBootWebClient.withConfiguration(AutoConfigurations.of(
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class));
	}

	@AfterEach
	void stop() {
		this.server.close();
		this.elsewhere.close();
	}

	@Test
	void runWithBootWebClientBuilderShouldApplyWebClientCustomizers() throws Exception {
		this.server.enqueue(json(SENTIMENT_BODY));
		this.contextRunner.withBean(WebClientCustomizer.class,
				() -> (builder) -> builder.defaultHeader("X-Customized", "yes"))
			.run((context) -> {
				assertThat(context).hasBean("hfInferenceWebClientCustomizer");
				assertThat(context.getBean(Classifier.class).classify("good")).hasSize(1);
				assertThat(this.server.takeRequest().getHeaders().get("X-Customized")).isEqualTo("yes");
			});
	}

	@Test
	void runWithBootWebClientBuilderShouldApplyExchangeFilters() {
		this.server.enqueue(json(SENTIMENT_BODY));
		List<String> filtered = new CopyOnWriteArrayList<>();
		this.contextRunner.withBean(WebClientCustomizer.class, () -> (builder) -> builder.filter((request, next) -> {
			filtered.add(request.url().getPath());
			return next.exchange(request);
		})).run((context) -> {
			assertThat(context.getBean(Classifier.class).classify("good")).hasSize(1);
			assertThat(filtered).containsExactly("/hf-inference/models/org/sentiment");
		});
	}

	@Test
	void directCallsShouldGoThroughTheHttpClientBootConfigured() throws Exception {
		this.server.enqueue(json(SENTIMENT_BODY));
		List<String> observations = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class))
			.withBean("recordingHandler", ObservationHandler.class, () -> new RecordingHandler(observations))
			.withBean(ClientHttpConnectorBuilder.class, () -> ClientHttpConnectorBuilder.reactor()
				.withHttpClientCustomizer((client) -> client.headers((headers) -> headers.set("X-Boot-Client", "yes"))))
			.run((context) -> {
				assertThat(context.getBean(Classifier.class).classify("good")).hasSize(1);
				assertThat(this.server.takeRequest().getHeaders().get("X-Boot-Client")).isEqualTo("yes");
				assertThat(observations).as("not through the WebClient").doesNotContain("http.client.requests");
			});
	}

	@Test
	void runWithDirectCallsOffShouldApplyWebClientObservation() {
		this.server.enqueue(json(SENTIMENT_BODY));
		List<String> observations = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues("hf.inference.direct-calls=false")
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class))
			.withBean("recordingHandler", ObservationHandler.class, () -> new RecordingHandler(observations))
			.run((context) -> {
				assertThat(context.getBean(Classifier.class).classify("good")).hasSize(1);
				assertThat(observations).contains("http.client.requests");
			});
	}

	@Test
	void runWithoutWebClientBuilderBeanShouldUseItsOwnConnector() throws Exception {
		this.server.enqueue(json(SENTIMENT_BODY));
		this.withoutBootWebClient.run((context) -> {
			assertThat(context).doesNotHaveBean(WebClient.Builder.class);
			assertThat(context).doesNotHaveBean("hfInferenceWebClientCustomizer");
			assertThat(context.getBean(Classifier.class).classify("good")).hasSize(1);
			assertThat(this.server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer hf_test");
		});
	}

	@Test
	void runWithoutSpringBootWebClientModuleShouldNotUseBootConnector() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(WebClientCustomizer.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(HfInferenceClient.class);
				assertThat(context).doesNotHaveBean("hfInferenceWebClientCustomizer");
			});
	}

	@Test
	void redirectToAnotherHostShouldNotBeFollowedEvenWhenBootFollowsRedirects() throws Exception {
		this.contextRunner.withPropertyValues("spring.http.clients.redirects=follow").run((context) -> {
			this.server.enqueue(redirectTo(this.elsewhere));
			this.elsewhere.enqueue(json("\"followed\""));
			String direct = context.getBean(WebClient.Builder.class).build().get().uri(this.server.url("/").uri())
				.retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));
			assertThat(direct).as("Boot's own WebClient follows redirects").isEqualTo("\"followed\"");
			this.server.enqueue(redirectTo(this.elsewhere));
			assertThatExceptionOfType(HfHttpException.class)
				.isThrownBy(() -> context.getBean(Classifier.class).classify("good"))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(307));
			assertThat(this.elsewhere.getRequestCount()).as("the call did not follow the redirect").isEqualTo(1);
		});
	}

	@Test
	void redirectShouldNotBeFollowedWithoutBootWebClient() {
		this.server.enqueue(redirectTo(this.elsewhere));
		this.withoutBootWebClient.run((context) -> {
			assertThatExceptionOfType(HfHttpException.class)
				.isThrownBy(() -> context.getBean(Classifier.class).classify("good"))
				.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(307));
			assertThat(this.elsewhere.getRequestCount()).isZero();
		});
	}

	@Test
	void connectorShouldKeepBootSettingsExceptRedirectsAndTimeouts() {
		SslBundle sslBundle = SslBundle.of(SslStoreBundle.NONE);
		HttpClientSettings bootSettings = HttpClientSettings.defaults()
			.withRedirects(HttpRedirects.FOLLOW)
			.withSslBundle(sslBundle)
			.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2));
		List<HttpClientSettings> built = new CopyOnWriteArrayList<>();
		ClientHttpConnectorBuilder<ReactorClientHttpConnector> recording = (settings) -> {
			built.add(settings);
			return ClientHttpConnectorBuilder.reactor().build(settings.withSslBundle(null));
		};
		this.contextRunner.withPropertyValues("hf.inference.connect-timeout=3s")
			.withBean(HttpClientSettings.class, () -> bootSettings)
			.withBean(ClientHttpConnectorBuilder.class, () -> recording)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				context.getBean(HfInferenceClient.class);
				assertThat(built).contains(new HttpClientSettings(null, HttpRedirects.DONT_FOLLOW,
						Duration.ofSeconds(3), null, sslBundle, null));
			});
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

	private static MockResponse redirectTo(MockWebServer target) {
		return new MockResponse.Builder().code(307).addHeader("Location", target.url("/steal")).build();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableHfModels(types = Classifier.class)
	static class ClassifierConfiguration {

	}

	@HfModel("sentiment")
	interface Classifier {

		List<ClassificationOutput> classify(String text);

	}

	record RecordingHandler(List<String> names) implements ObservationHandler<Observation.Context> {

		@Override
		public void onStart(Observation.Context context) {
			this.names.add(context.getName());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
