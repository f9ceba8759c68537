package io.github.hfinference.local.autoconfigure;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OrtEnvironment;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.hfinference.local.LocalInferenceProvider;

/**
 * Registers the {@code local} provider as a bean when ONNX Runtime and the Hugging Face
 * tokenizers are on the class path; the Hugging Face inference starter adds every
 * {@link io.github.hfinference.core.InProcessProvider} bean to its client, so a
 * model with {@code provider: local} (or {@code local} in its failover list) runs in
 * process.
 */
@AutoConfiguration
@ConditionalOnClass({ OrtEnvironment.class, HuggingFaceTokenizer.class })
@ConditionalOnBooleanProperty(name = "hf.inference.local.enabled", matchIfMissing = true)
@EnableConfigurationProperties(LocalInferenceProperties.class)
public final class LocalProviderAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LocalInferenceProvider localInferenceProvider(LocalInferenceProperties properties) {
		LocalInferenceProvider provider = properties.toBuilder().build();
		if (properties.isPreload()) {
			try {
				provider.preload();
			}
			catch (RuntimeException ex) {
				provider.close();
				throw ex;
			}
		}
		return provider;
	}

}
