package io.github.hfinference.local.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ai.onnxruntime.OrtEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.hfinference.core.InProcessProvider;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.core.task.SentenceSimilarity;
import io.github.hfinference.local.LocalBatching;
import io.github.hfinference.local.LocalInferenceProvider;
import io.github.hfinference.local.LocalModelException;
import io.github.hfinference.local.LocalModelSettings;
import io.github.hfinference.local.LocalModelSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link LocalProviderAutoConfiguration}: the provider bean, its properties and its
 * conditions.
 */
class LocalProviderAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LocalProviderAutoConfiguration.class));

	@TempDir
	Path temp;

	@Test
	void registersTheLocalProviderThatServesTheBundledModel() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LocalInferenceProvider.class);
			InProcessProvider provider = context.getBean(InProcessProvider.class);
			assertThat(provider.name()).isEqualTo("local");
			ModelDefinition model = ModelDefinition.builder("m")
				.id("sentence-transformers/all-MiniLM-L6-v2")
				.target(new InferenceTarget.InProcess("local"))
				.build();
			List<Double> scores = provider.execute(SentenceSimilarity.TASK, model,
					new SentenceSimilarity.Input("The cat sits on the mat.", List.of("A kitten is resting on a rug.")),
					null)
				.block(Duration.ofSeconds(10));
			assertThat(scores).singleElement().satisfies((score) -> assertThat(score).isCloseTo(0.6274, within(1e-4)));
		});
	}

	@Test
	void bindsModelsAndSettings() {
		this.runner
			.withPropertyValues("hf.inference.local.intra-op-threads=2", "hf.inference.local.concurrency=3",
					"hf.inference.local.max-batch-size=8", "hf.inference.local.cache-dir=" + this.temp,
					"hf.inference.local.models.embedder.bundled=true",
					"hf.inference.local.models.embedder.max-sequence-length=128",
					"hf.inference.local.models.embedder.batching=padded",
					"hf.inference.local.models.search.hub-id=BAAI/bge-small-en-v1.5",
					"hf.inference.local.models.search.revision=v1",
					"hf.inference.local.models.docs.path=" + this.temp.resolve("docs"),
					"hf.inference.local.models.docs.onnx-file=onnx/model_int8.onnx",
					"hf.inference.local.models.docs.normalize=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				LocalInferenceProperties properties = context.getBean(LocalInferenceProperties.class);
				assertThat(properties.getIntraOpThreads()).isEqualTo(2);
				assertThat(properties.getConcurrency()).isEqualTo(3);
				assertThat(properties.getMaxBatchSize()).isEqualTo(8);
				assertThat(properties.getModels().get("embedder").toSettings("embedder", null))
					.isEqualTo(new LocalModelSettings(LocalModelSource.bundled(), 128, null, LocalBatching.PADDED));
				assertThat(properties.getModels().get("search").toSettings("search", properties.getCacheDir()))
					.isEqualTo(new LocalModelSettings(
							new LocalModelSource.HubCache(this.temp, "BAAI/bge-small-en-v1.5", "v1", null), null, null,
							LocalBatching.AUTO));
				assertThat(properties.getModels().get("docs").toSettings("docs", null)).isEqualTo(new LocalModelSettings(
						new LocalModelSource.Directory(this.temp.resolve("docs"), "onnx/model_int8.onnx"), null, false,
						LocalBatching.AUTO));
				assertThat(context.getBean(LocalInferenceProvider.class).modelNames())
					.containsExactly("sentence-transformers/all-MiniLM-L6-v2", "embedder", "search", "docs");
			});
	}

	@Test
	void modelWithoutASourceFailsNamingTheProperty() {
		this.runner.withPropertyValues("hf.inference.local.models.embedder.max-sequence-length=128")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(HfConfigurationException.class)
				.hasMessageContaining("hf.inference.local.models.embedder.bundled=true")
				.hasMessageContaining("hf.inference.local.models.embedder.path")
				.hasMessageContaining("hf.inference.local.models.embedder.hub-id"));
	}

	@Test
	void modelWithTwoSourcesFailsNamingBoth() {
		this.runner
			.withPropertyValues("hf.inference.local.models.embedder.bundled=true",
					"hf.inference.local.models.embedder.path=" + this.temp)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(HfConfigurationException.class)
				.hasMessageContaining("found hf.inference.local.models.embedder.bundled, "
						+ "hf.inference.local.models.embedder.path"));
	}

	@Test
	void invalidThreadCountIsNamed() {
		this.runner.withPropertyValues("hf.inference.local.intra-op-threads=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("hf.inference.local.intra-op-threads must be at least 1, got 0"));
	}

	@Test
	void preloadFailsStartupOnABrokenModelDirectory() {
		this.runner
			.withPropertyValues("hf.inference.local.preload=true",
					"hf.inference.local.models.broken.path=" + this.temp.resolve("missing"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(LocalModelException.class)
				.hasMessageContaining(this.temp.resolve("missing").toString()));
	}

	@Test
	void preloadLoadsConfiguredModelsAtStartup() {
		this.runner.withPropertyValues("hf.inference.local.preload=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(LocalInferenceProvider.class));
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("hf.inference.local.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LocalInferenceProvider.class));
	}

	@Test
	void backsOffWithoutOnnxRuntime() {
		this.runner.withClassLoader(new FilteredClassLoader(OrtEnvironment.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LocalInferenceProvider.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnProvider() {
		this.runner.withUserConfiguration(CustomProvider.class).run((context) -> {
			assertThat(context).hasSingleBean(LocalInferenceProvider.class);
			assertThat(context.getBean(LocalInferenceProvider.class)).isSameAs(CustomProvider.PROVIDER);
		});
	}

	@Test
	void generatesConfigurationMetadata() throws Exception {
		try (var metadata = getClass().getClassLoader()
			.getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).isNotNull();
			String json = new String(metadata.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(json).contains("\"hf.inference.local.intra-op-threads\"")
				.contains("Threads ONNX Runtime uses within one inference run.")
				.contains("\"hf.inference.local.models\"");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomProvider {

		static final LocalInferenceProvider PROVIDER = LocalInferenceProvider.builder().build();

		@Bean
		LocalInferenceProvider customLocalProvider() {
			return PROVIDER;
		}

	}

}
