package io.github.hfinference.samples.web;

import java.util.List;

import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.SentenceSimilarity;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST endpoints for one-shot inference. Embeddings and similarity run in process (the
 * {@code local} provider); sentiment and chat go to Hugging Face with the server's token.
 */
@RestController
@RequestMapping("/api")
public class InferenceController {

	private static final int MAX_CHAT_TOKENS = 256;

	private final Embedder embedder;

	private final SimilarityScorer similarityScorer;

	private final SentimentClient sentimentClient;

	private final ChatClient chatClient;

	/**
	 * Creates the controller.
	 * @param embedder the embedding model
	 * @param similarityScorer the sentence similarity model
	 * @param sentimentClient the sentiment model
	 * @param chatClient the chat model
	 */
	public InferenceController(Embedder embedder, SimilarityScorer similarityScorer, SentimentClient sentimentClient,
			ChatClient chatClient) {
		this.embedder = embedder;
		this.similarityScorer = similarityScorer;
		this.sentimentClient = sentimentClient;
		this.chatClient = chatClient;
	}

	/**
	 * Embeds texts.
	 * @param request the texts
	 * @return the dimensions and one vector per text
	 */
	@PostMapping("/embeddings")
	public Mono<EmbeddingsResponse> embeddings(@RequestBody EmbeddingsRequest request) {
		List<String> texts = requireTexts(request.texts(), "texts");
		return this.embedder.embed(texts).map(EmbeddingsResponse::of);
	}

	/**
	 * Scores sentences against a source sentence.
	 * @param request the source sentence and the sentences
	 * @return one score per sentence
	 */
	@PostMapping("/similarity")
	public Mono<SimilarityResponse> similarity(@RequestBody SimilarityRequest request) {
		String source = requireText(request.source(), "source");
		List<String> sentences = requireTexts(request.sentences(), "sentences");
		return this.similarityScorer.score(new SentenceSimilarity.Input(source, sentences))
			.map(SimilarityResponse::new);
	}

	/**
	 * Classifies the sentiment of a text.
	 * @param request the text
	 * @return the labels with their scores
	 */
	@PostMapping("/sentiment")
	public Mono<List<ClassificationOutput>> sentiment(@RequestBody TextRequest request) {
		return this.sentimentClient.classify(requireText(request.text(), "text"));
	}

	/**
	 * Answers one user message.
	 * @param request the message
	 * @return the assistant's answer
	 */
	@PostMapping("/chat")
	public Mono<ChatResponse> chat(@RequestBody ChatRequest request) {
		String message = requireText(request.message(), "message");
		ChatCompletion.Parameters parameters = ChatCompletion.Parameters.builder().maxTokens(MAX_CHAT_TOKENS).build();
		return this.chatClient.complete(List.of(ChatMessage.user(message)), parameters)
			.map((output) -> new ChatResponse(output.model(), String.valueOf(output.content())));
	}

	/**
	 * Reads an invoice from a text: the model answers in the JSON schema of {@link Invoice}.
	 * @param request the text
	 * @return the invoice
	 */
	@PostMapping("/extract")
	public Mono<Invoice> extract(@RequestBody TextRequest request) {
		return this.chatClient.extract(requireText(request.text(), "text"));
	}

	static String requireText(@Nullable String value, String field) {
		if (!StringUtils.hasText(value)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'" + field + "' must be a non-blank string");
		}
		return value;
	}

	private static List<String> requireTexts(@Nullable List<String> values, String field) {
		if (values == null || values.isEmpty() || !values.stream().allMatch(StringUtils::hasText)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"'" + field + "' must be a non-empty list of non-blank strings");
		}
		return values;
	}

	/**
	 * Texts to embed.
	 * @param texts the texts
	 */
	public record EmbeddingsRequest(@Nullable List<String> texts) {
	}

	/**
	 * Embeddings of texts.
	 * @param dimensions the length of every vector
	 * @param vectors one vector per text, in order
	 */
	public record EmbeddingsResponse(int dimensions, List<float[]> vectors) {

		static EmbeddingsResponse of(List<Embedding> embeddings) {
			return new EmbeddingsResponse(embeddings.get(0).dimensions(),
					embeddings.stream().map(Embedding::vector).toList());
		}

	}

	/**
	 * Sentences to compare with a source sentence.
	 * @param source the source sentence
	 * @param sentences the sentences
	 */
	public record SimilarityRequest(@Nullable String source, @Nullable List<String> sentences) {
	}

	/**
	 * Similarity scores.
	 * @param scores one cosine similarity per sentence, in order
	 */
	public record SimilarityResponse(List<Double> scores) {
	}

	/**
	 * A text to classify.
	 * @param text the text
	 */
	public record TextRequest(@Nullable String text) {
	}

	/**
	 * A user message.
	 * @param message the message
	 */
	public record ChatRequest(@Nullable String message) {
	}

	/**
	 * The assistant's answer.
	 * @param model the model that answered, as reported by the provider
	 * @param text the answer
	 */
	public record ChatResponse(@Nullable String model, String text) {
	}

}
