package io.github.hfinference.samples.springai;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.vectorstore.SimpleVectorStore;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The bundled documents ({@code classpath:docs/*.md}, one paragraph per document) in a
 * {@link SimpleVectorStore}, embedded at start-up by the default Spring AI embedding
 * model: the in-process all-MiniLM-L6-v2.
 */
@Configuration(proxyBeanMethods = false)
class KnowledgeBase {

	@Bean
	VectorStore vectorStore(EmbeddingModel embeddingModel) {
		SimpleVectorStore store = SimpleVectorStore.builder(embeddingModel).build();
		store.add(documents());
		return store;
	}

	private static List<Document> documents() {
		try {
			List<Document> documents = new ArrayList<>();
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:docs/*.md")) {
				String text = resource.getContentAsString(StandardCharsets.UTF_8);
				for (String paragraph : text.split("\\R\\s*\\R")) {
					if (!paragraph.isBlank()) {
						documents.add(new Document(paragraph.strip(), Map.of("source", resource.getFilename())));
					}
				}
			}
			return documents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
