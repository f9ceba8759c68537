package io.github.hfinference.samples.web;

import java.util.List;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ChatStreams;
import reactor.core.publisher.Flux;

import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Streams a chat answer as server-sent events: one {@code delta} event per piece of text,
 * then {@code done}; a failure (before or during the stream) ends it with one
 * {@code error} event whose data is a problem detail.
 */
@RestController
public class ChatStreamController {

	private static final String CHAT_MODEL = "chat";

	private final HfInferenceClient client;

	private final HfModelRegistry models;

	private final HfProblemDetails problemDetails;

	/**
	 * Creates the controller.
	 * @param client the inference client
	 * @param models the configured models
	 * @param problemDetails maps inference errors to problem details
	 */
	public ChatStreamController(HfInferenceClient client, HfModelRegistry models, HfProblemDetails problemDetails) {
		this.client = client;
		this.models = models;
		this.problemDetails = problemDetails;
	}

	/**
	 * Streams the answer to one user message.
	 * @param message the message
	 * @return the events
	 */
	@GetMapping(path = "/api/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	public Flux<ServerSentEvent<Object>> stream(@RequestParam String message) {
		String text = InferenceController.requireText(message, "message");
		ChatCompletion.Parameters parameters = ChatCompletion.Parameters.builder().maxTokens(256).build();
		Flux<String> deltas = ChatStreams.textDeltas(this.client.stream(ChatCompletion.STREAM,
				this.models.definition(CHAT_MODEL), List.of(ChatMessage.user(text)), parameters));
		return deltas.map((delta) -> ServerSentEvent.<Object>builder(delta).event("delta").build())
			.concatWithValues(ServerSentEvent.<Object>builder("").event("done").build())
			.onErrorResume(HfInferenceException.class, (ex) -> Flux.just(ServerSentEvent
				.<Object>builder(this.problemDetails.of(ex).getBody())
				.event("error")
				.build()));
	}

}
