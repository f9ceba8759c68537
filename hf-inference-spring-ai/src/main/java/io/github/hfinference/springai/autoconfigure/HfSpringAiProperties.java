package io.github.hfinference.springai.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which configured models ({@code hf.inference.models.<alias>}) back Spring AI's default
 * {@code ChatModel} and {@code EmbeddingModel} beans.
 */
@ConfigurationProperties("hf.inference.spring-ai")
public class HfSpringAiProperties {

	/**
	 * Alias (under hf.inference.models) of the chat-completion model behind the default
	 * Spring AI ChatModel. Required when spring.ai.model.chat=huggingface.
	 */
	private @Nullable String chatModel;

	/**
	 * Alias (under hf.inference.models) of the feature-extraction model behind the default
	 * Spring AI EmbeddingModel. Required when spring.ai.model.embedding=huggingface.
	 */
	private @Nullable String embeddingModel;

	public @Nullable String getChatModel() {
		return this.chatModel;
	}

	public void setChatModel(@Nullable String chatModel) {
		this.chatModel = chatModel;
	}

	public @Nullable String getEmbeddingModel() {
		return this.embeddingModel;
	}

	public void setEmbeddingModel(@Nullable String embeddingModel) {
		this.embeddingModel = embeddingModel;
	}

}
