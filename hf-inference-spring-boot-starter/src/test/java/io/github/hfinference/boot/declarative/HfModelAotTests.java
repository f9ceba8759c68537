package io.github.hfinference.boot.declarative;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.aop.SpringProxy;
import org.springframework.aop.framework.Advised;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.DecoratingProxy;
import org.springframework.javapoet.ClassName;

import io.github.hfinference.boot.autoconfigure.HfInferenceAutoConfiguration;
import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.task.ClassificationOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ahead-of-time processing of an application with an {@code @HfModel} interface: the
 * bean registration is generated and the proxy's runtime hints are registered.
 */
class HfModelAotTests {

	@Test
	void aotProcessingShouldGenerateTheRegistrationAndRegisterProxyHints() {
		InMemoryGeneratedFiles generatedFiles = new InMemoryGeneratedFiles();
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get("com.example", "AotTest")), generatedFiles);
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(AotConfiguration.class);
			TestPropertyValues.of("hf.inference.models.sentiment.id=org/sentiment").applyTo(context);
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		}
		generationContext.writeGeneratedContent();
		RuntimeHints hints = generationContext.getRuntimeHints();
		assertThat(RuntimeHintsPredicates.proxies()
			.forInterfaces(Classifier.class, SpringProxy.class, Advised.class, DecoratingProxy.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Classifier.class)).accepts(hints);
		assertThat(generatedFiles.getGeneratedFiles(Kind.SOURCE).values()).anySatisfy((source) -> {
			try (InputStream stream = source.getInputStream()) {
				String code = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
				assertThat(code).contains("HfModelFactoryBean").contains("Classifier.class");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(HfInferenceAutoConfiguration.class)
	@EnableHfModels(types = Classifier.class)
	static class AotConfiguration {

	}

	@HfModel("sentiment")
	public interface Classifier {

		List<ClassificationOutput> classify(String text);

	}

}
