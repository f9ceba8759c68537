package io.github.hfinference.benchmarks;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpHeaderNames;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;

import io.github.hfinference.boot.declarative.EnableHfModels;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.auth.HfToken;
import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.TextClassification;

/**
 * The clients compared, all calling the same stub with the same request body and
 * producing the same typed result.
 */
final class Clients implements AutoCloseable {

	static final String TOKEN = "hf_benchmarkToken";

	static final String TEXT = "I like you. I love you";

	static final String TC = "text-classification";

	static final String FE = "feature-extraction";

	/** The model ids of router targets; the stub answers by the path's last segment. */
	static final String ROUTER_TC = "bench/tc";

	static final String ROUTER_FE = "bench/fe";

	private static final byte[] BODY = ("{\"inputs\":\"" + TEXT + "\"}").getBytes(StandardCharsets.UTF_8);

	private static final ObjectReader CLASSIFICATIONS = JsonCodec.get()
		.mapper()
		.readerFor(new TypeReference<List<List<ClassificationOutput>>>() {
		});

	private static final ObjectReader FLOATS = JsonCodec.get().mapper().readerFor(float[].class);

	private final URI base;

	private final ConnectionProvider rawPool;

	private final HttpClient raw;

	private final HfInferenceClient core;

	private final ModelDefinition sentiment;

	private final ModelDefinition embedder;

	private final HfInferenceClient coreRouter;

	private final ModelDefinition sentimentRouter;

	private final ModelDefinition embedderRouter;

	private ConfigurableApplicationContext boot;

	private ConfigurableApplicationContext bootOwnStack;

	private ConfigurableApplicationContext bootRouter;

	Clients(URI base) {
		this.base = base;
		this.rawPool = ConnectionProvider.builder("raw").maxConnections(2048).pendingAcquireMaxCount(-1).build();
		this.raw = HttpClient.create(this.rawPool).baseUrl(base.toString());
		this.core = HfInferenceClient.builder().noTokenLookup().build();
		this.sentiment = model("sentiment", "/tc");
		this.embedder = model("embedder", "/fe");
		this.coreRouter = HfInferenceClient.builder().token(TOKEN).baseUrl(base).build();
		this.sentimentRouter = ModelDefinition.builder("sentiment").id(ROUTER_TC)
			.target(new InferenceTarget.Router("hf-inference")).build();
		this.embedderRouter = ModelDefinition.builder("embedder").id(ROUTER_FE)
			.target(new InferenceTarget.Router("hf-inference")).build();
	}

	private ModelDefinition model(String alias, String path) {
		return ModelDefinition.builder(alias)
			.target(new InferenceTarget.Endpoint("stub", this.base.resolve(path), HfToken.of(TOKEN, "benchmark"),
					false))
			.build();
	}

	/** (a) Reactor Netty POST + Jackson into the typed result: the limit for any typed client. */
	Supplier<Mono<?>> raw(String task) {
		return raw(task, false);
	}

	/**
	 * (a) as above, to an endpoint's path or to the router's path of the hf-inference provider.
	 * @param task the task
	 * @param router whether to post to {@code /hf-inference/models/<id>}
	 */
	Supplier<Mono<?>> raw(String task, boolean router) {
		boolean tc = TC.equals(task);
		String path = router ? "/hf-inference/models/" + (tc ? ROUTER_TC : ROUTER_FE) : tc ? "/tc" : "/fe";
		return () -> this.raw.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.set(HttpHeaderNames.AUTHORIZATION, "Bearer " + TOKEN))
			.post()
			.uri(path)
			.send(Mono.fromSupplier(() -> io.netty.buffer.Unpooled.wrappedBuffer(BODY)))
			.responseSingle((response, body) -> {
				if (response.status().code() != 200) {
					return Mono.error(new HfResponseException("status " + response.status(), null));
				}
				return body.asByteArray();
			})
			.map((bytes) -> tc ? (Object) CLASSIFICATIONS.<List<List<ClassificationOutput>>>readValue(bytes).get(0)
					: Embedding.of(FLOATS.readValue(bytes)));
	}

	/** (b) The core client, reactive. */
	Supplier<Mono<?>> core(String task) {
		return TC.equals(task) ? () -> this.core.call(TextClassification.TASK, this.sentiment, TEXT, null)
				: () -> this.core.call(FeatureExtraction.TASK, this.embedder, TEXT, null);
	}

	/** (b) The core client, reactive, on a router target (provider hf-inference). */
	Supplier<Mono<?>> coreRouter(String task) {
		return TC.equals(task) ? () -> this.coreRouter.call(TextClassification.TASK, this.sentimentRouter, TEXT, null)
				: () -> this.coreRouter.call(FeatureExtraction.TASK, this.embedderRouter, TEXT, null);
	}

	/** (b) The core client's blocking view, called from virtual threads. */
	Supplier<?> blocking(String task) {
		return TC.equals(task)
				? () -> this.core.blocking().call(TextClassification.TASK, this.sentiment, TEXT, null)
				: () -> this.core.blocking().call(FeatureExtraction.TASK, this.embedder, TEXT, null);
	}

	/**
	 * (c) An {@code @HfModel} proxy in a Spring Boot context (reactive methods).
	 * @param task the task
	 * @param ownStack false for the starter's default with {@code spring-boot-webclient} on
	 * the class path (calls through Boot's {@code WebClient.Builder}); true with that
	 * customizer replaced, so the client builds its own HTTP stack (as without
	 * {@code spring-boot-webclient})
	 */
	Supplier<Mono<?>> proxy(String task, boolean ownStack) {
		return proxy(ownStack ? bootOwnStack() : boot(), task);
	}

	/**
	 * (c) An {@code @HfModel} proxy on router targets (provider hf-inference), with the
	 * starter's defaults and {@code hf.inference.base-url} pointing at the stub.
	 * @param task the task
	 */
	Supplier<Mono<?>> proxyRouter(String task) {
		if (this.bootRouter == null) {
			this.bootRouter = start(new Class<?>[] { BenchmarkApplication.class },
					"hf.inference.base-url=" + this.base, "hf.inference.token=" + TOKEN,
					"hf.inference.models.sentiment.task=text-classification",
					"hf.inference.models.sentiment.id=" + ROUTER_TC,
					"hf.inference.models.sentiment.provider=hf-inference",
					"hf.inference.models.embedder.task=feature-extraction",
					"hf.inference.models.embedder.id=" + ROUTER_FE,
					"hf.inference.models.embedder.provider=hf-inference");
		}
		return proxy(this.bootRouter, task);
	}

	private static Supplier<Mono<?>> proxy(ConfigurableApplicationContext context, String task) {
		if (TC.equals(task)) {
			SentimentModel model = context.getBean(SentimentModel.class);
			return () -> model.classify(TEXT);
		}
		EmbeddingModel model = context.getBean(EmbeddingModel.class);
		return () -> model.embed(TEXT);
	}

	private ConfigurableApplicationContext bootOwnStack() {
		if (this.bootOwnStack == null) {
			this.bootOwnStack = boot(BenchmarkApplication.class, OwnHttpStack.class);
		}
		return this.bootOwnStack;
	}

	private ConfigurableApplicationContext boot() {
		if (this.boot == null) {
			this.boot = boot(BenchmarkApplication.class);
		}
		return this.boot;
	}

	private ConfigurableApplicationContext boot(Class<?>... sources) {
		return start(sources,
				"hf.inference.models.sentiment.task=text-classification",
				"hf.inference.models.sentiment.targets[0].url=" + this.base.resolve("/tc"),
				"hf.inference.models.sentiment.targets[0].token=" + TOKEN,
				"hf.inference.models.embedder.task=feature-extraction",
				"hf.inference.models.embedder.targets[0].url=" + this.base.resolve("/fe"),
				"hf.inference.models.embedder.targets[0].token=" + TOKEN);
	}

	private static ConfigurableApplicationContext start(Class<?>[] sources, String... properties) {
		return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
			.logStartupInfo(false)
			// hf-inference-redis is on this module's class path for FleetBenchmark; an application
			// without it has no fleet, so the proxy runs without one here too.
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "hf.inference.fleet.enabled=false")
			.properties(properties)
			.run();
	}

	@Override
	public void close() {
		if (this.boot != null) {
			this.boot.close();
		}
		if (this.bootOwnStack != null) {
			this.bootOwnStack.close();
		}
		if (this.bootRouter != null) {
			this.bootRouter.close();
		}
		this.rawPool.disposeLater().block(Duration.ofSeconds(5));
	}

	/** The Spring Boot application of the proxy benchmark. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableHfModels(types = { SentimentModel.class, EmbeddingModel.class })
	static class BenchmarkApplication {

	}

	/** Replaces the starter's WebClient customizer: the client builds its own HTTP stack. */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class OwnHttpStack {

		@org.springframework.context.annotation.Bean
		io.github.hfinference.boot.HfInferenceClientCustomizer hfInferenceWebClientCustomizer() {
			return (builder) -> {
			};
		}

	}

	/** Text classification as an {@code @HfModel} interface. */
	@HfModel("sentiment")
	interface SentimentModel {

		Mono<List<ClassificationOutput>> classify(String text);

	}

	/** Feature extraction as an {@code @HfModel} interface. */
	@HfModel("embedder")
	interface EmbeddingModel {

		Mono<Embedding> embed(String text);

	}

}
