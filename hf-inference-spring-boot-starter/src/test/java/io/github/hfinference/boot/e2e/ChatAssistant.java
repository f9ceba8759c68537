package io.github.hfinference.boot.e2e;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;

/** A chat assistant through the router's auto provider. */
@HfModel("chat")
public interface ChatAssistant {

	String ask(String question);

	Mono<InferenceResponse<ChatCompletionOutput>> chat(List<ChatMessage> messages, ChatCompletion.Parameters parameters);

	CompletableFuture<String> ask(String question, CallOptions options);

	Flux<String> stream(String question);

}
