package io.github.hfinference.samples.web;

import java.util.List;

import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import reactor.core.publisher.Mono;

/** Chat completion from the model configured as {@code hf.inference.models.chat}. */
@HfModel("chat")
public interface ChatClient {

	/**
	 * Completes a conversation.
	 * @param messages the conversation so far
	 * @param parameters the generation parameters
	 * @return the completion
	 */
	Mono<ChatCompletionOutput> complete(List<ChatMessage> messages, ChatCompletion.Parameters parameters);

	/**
	 * Reads an invoice from a text (typed structured output).
	 * @param text the text
	 * @return the invoice
	 */
	Mono<Invoice> extract(String text);

}
