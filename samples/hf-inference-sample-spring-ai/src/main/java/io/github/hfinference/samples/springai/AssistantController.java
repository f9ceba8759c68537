package io.github.hfinference.samples.springai;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.ai.chat.client.AdvisorParams;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.VectorStore;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.hfinference.core.error.HfMissingTokenException;

/**
 * Spring AI endpoints. {@code ChatClient}'s calls block, so they run on the bounded
 * elastic scheduler; streaming is reactive end to end.
 */
@RestController
class AssistantController {

	private final ChatClient chatClient;

	private final VectorStore vectorStore;

	AssistantController(ChatClient.Builder chatClient, WeatherTools weatherTools, VectorStore vectorStore) {
		this.chatClient = chatClient.defaultTools(weatherTools).build();
		this.vectorStore = vectorStore;
	}

	/** Chat with the weather tool available. */
	@PostMapping("/api/chat")
	Mono<Answer> chat(@RequestBody Question question) {
		return blocking(() -> new Answer(this.chatClient.prompt().user(question.text()).call().content()));
	}

	/** A typed forecast: the model calls the tool and answers with JSON of the record's schema. */
	@PostMapping("/api/forecast")
	Mono<Forecast> forecast(@RequestBody Question question) {
		return blocking(() -> this.chatClient.prompt()
			.user("What is the weather in " + question.text() + "?")
			.advisors(AdvisorParams.ENABLE_NATIVE_STRUCTURED_OUTPUT)
			.call()
			.entity(Forecast.class));
	}

	/** One sentence about an uploaded picture: the image goes to the model as a content part. */
	@PostMapping(path = "/api/describe", consumes = { MediaType.IMAGE_PNG_VALUE, MediaType.IMAGE_JPEG_VALUE })
	Mono<Answer> describe(@RequestBody byte[] image, @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type) {
		return blocking(() -> new Answer(this.chatClient.prompt()
			.user((user) -> user.text("Describe this picture in one sentence.").media(type, new ByteArrayResource(image)))
			.call()
			.content()));
	}

	/** The answer as it is generated, one server-sent event per fragment. */
	@GetMapping(path = "/api/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<String> stream(@RequestParam String message) {
		return this.chatClient.prompt().user(message).stream().content();
	}

	/** Retrieval only: the closest bundled paragraphs. In process, no token, no network. */
	@GetMapping("/api/docs/search")
	Mono<List<Match>> search(@RequestParam String q, @RequestParam(defaultValue = "2") int top) {
		return blocking(() -> retrieve(q, top).stream()
			.map((document) -> new Match(document.getText(), document.getScore(),
					(String) document.getMetadata().get("source")))
			.toList());
	}

	/** Retrieval-augmented answer: the closest paragraphs go to the chat model as context. */
	@PostMapping("/api/ask")
	Mono<Answer> ask(@RequestBody Question question) {
		return blocking(() -> {
			String context = retrieve(question.text(), 3).stream()
				.map(Document::getText)
				.collect(Collectors.joining("\n---\n"));
			return new Answer(this.chatClient.prompt()
				.system("Answer from this context only; say so when it does not contain the answer.\n" + context)
				.user(question.text())
				.call()
				.content());
		});
	}

	@ExceptionHandler(HfMissingTokenException.class)
	ProblemDetail missingToken(HfMissingTokenException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("No Hugging Face token configured");
		return problem;
	}

	private List<Document> retrieve(String query, int top) {
		return this.vectorStore.similaritySearch(SearchRequest.builder().query(query).topK(top).build());
	}

	private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> call) {
		return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
	}

	/** A question or message. @param text the text */
	record Question(String text) {
	}

	/** A chat answer. @param text the text */
	record Answer(String text) {
	}

	/** A retrieved paragraph. @param text the paragraph @param score its similarity @param source the file */
	record Match(String text, Double score, String source) {
	}

	/**
	 * A weather forecast.
	 * @param city the city
	 * @param temperatureCelsius the temperature
	 * @param sky the sky
	 */
	record Forecast(String city, int temperatureCelsius, String sky) {
	}

}
