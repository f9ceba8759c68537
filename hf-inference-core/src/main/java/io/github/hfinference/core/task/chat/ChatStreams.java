package io.github.hfinference.core.task.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.json.JsonCodec;

/**
 * Helpers for streamed chat completions ({@link ChatCompletion#STREAM}): the text
 * deltas alone, or the chunks reassembled into the {@link ChatCompletionOutput} a
 * non-streaming call returns.
 *
 * <pre class="code">
 * Flux&lt;ChatCompletionChunk&gt; chunks = hf.stream(ChatCompletion.STREAM, model, messages);
 * ChatStreams.textDeltas(chunks).subscribe(System.out::print);
 * Mono&lt;ChatCompletionOutput&gt; whole = ChatStreams.aggregate(chunks); // a second call
 * </pre>
 */
public final class ChatStreams {

	private ChatStreams() {
	}

	/**
	 * The text each chunk adds to the first choice, skipping chunks that add none (role-only,
	 * tool-call and usage-only chunks); concatenated, the deltas are the answer.
	 * @param chunks the chunks
	 * @return the text deltas
	 */
	public static Flux<String> textDeltas(Flux<ChatCompletionChunk> chunks) {
		return ChatCompletion.STREAM.texts(chunks);
	}

	/**
	 * The reasoning (thinking) text each chunk adds to the first choice, skipping chunks
	 * that add none; never mixed with the {@link #textDeltas(Flux) text}.
	 * @param chunks the chunks
	 * @return the reasoning fragments
	 */
	public static Flux<String> reasoningDeltas(Flux<ChatCompletionChunk> chunks) {
		return chunks.handle((chunk, sink) -> {
			String reasoning = chunk.reasoningDelta();
			if (reasoning != null && !reasoning.isEmpty()) {
				sink.next(reasoning);
			}
		});
	}

	/**
	 * Reassembles a stream into one completion: per choice, the role, the concatenated
	 * content, the reasoning (kept apart from the content), the tool calls rebuilt from
	 * their fragments (matched by {@code index}, their
	 * {@code arguments} concatenated), the last finish reason and the log probabilities; the
	 * first id, creation time and model; the last {@code usage} reported.
	 * @param chunks the chunks, in order
	 * @return the completion; fails with {@link HfResponseException} if the stream had no
	 * chunk
	 */
	public static Mono<ChatCompletionOutput> aggregate(Flux<ChatCompletionChunk> chunks) {
		return chunks.collect(Completion::new, Completion::add).flatMap((completion) -> (completion.chunks == 0)
				? Mono.error(new HfResponseException("The chat completion stream ended without any chunk", null))
				: Mono.just(completion.build()));
	}

	private static final class Completion {

		private int chunks;

		private @Nullable String id;

		private long created;

		private @Nullable String model;

		private @Nullable String systemFingerprint;

		private @Nullable Usage usage;

		private final Map<Integer, ChoiceParts> choices = new TreeMap<>();

		void add(ChatCompletionChunk chunk) {
			this.chunks++;
			if (this.id == null || (this.id.isEmpty() && chunk.id() != null)) {
				this.id = chunk.id();
			}
			if (this.created == 0) {
				this.created = chunk.created();
			}
			if (this.model == null) {
				this.model = chunk.model();
			}
			if (chunk.systemFingerprint() != null) {
				this.systemFingerprint = chunk.systemFingerprint();
			}
			if (chunk.usage() != null) {
				this.usage = chunk.usage();
			}
			for (ChatCompletionChunk.Choice choice : chunk.choices()) {
				this.choices.computeIfAbsent(choice.index(), (index) -> new ChoiceParts()).add(choice);
			}
		}

		ChatCompletionOutput build() {
			List<ChatCompletionOutput.Choice> built = new ArrayList<>();
			this.choices.forEach((index, parts) -> built.add(parts.build(index)));
			return new ChatCompletionOutput(this.id, this.created, this.model, this.systemFingerprint, built,
					this.usage);
		}

	}

	private static final class ChoiceParts {

		private @Nullable String role;

		private @Nullable StringBuilder content;

		private @Nullable StringBuilder reasoning;

		private final Map<Integer, ToolCallParts> toolCalls = new TreeMap<>();

		private @Nullable String finishReason;

		private @Nullable ArrayNode logprobs;

		void add(ChatCompletionChunk.Choice choice) {
			ChatCompletionChunk.Delta delta = choice.delta();
			if (this.role == null) {
				this.role = delta.role();
			}
			if (delta.content() != null) {
				this.content = (this.content != null) ? this.content : new StringBuilder();
				this.content.append(delta.content());
			}
			if (delta.reasoning() != null) {
				this.reasoning = (this.reasoning != null) ? this.reasoning : new StringBuilder();
				this.reasoning.append(delta.reasoning());
			}
			if (delta.toolCalls() != null) {
				for (ChatCompletionChunk.ToolCallDelta call : delta.toolCalls()) {
					this.toolCalls.computeIfAbsent(call.index(), (index) -> new ToolCallParts()).add(call);
				}
			}
			if (choice.finishReason() != null) {
				this.finishReason = choice.finishReason();
			}
			JsonNode tokens = (choice.logprobs() != null) ? choice.logprobs().get("content") : null;
			if (tokens != null && tokens.isArray()) {
				this.logprobs = (this.logprobs != null) ? this.logprobs : JsonCodec.get().mapper().createArrayNode();
				this.logprobs.addAll((ArrayNode) tokens);
			}
		}

		ChatCompletionOutput.Choice build(int index) {
			List<ToolCall> calls = this.toolCalls.values().stream().map(ToolCallParts::build).toList();
			String text = (this.content != null) ? this.content.toString() : null;
			if (!calls.isEmpty() && text != null && text.isEmpty()) {
				text = null;
			}
			ChatMessage message = new ChatMessage((this.role != null) ? this.role : "assistant", text, null,
					calls.isEmpty() ? null : calls, null, null,
					(this.reasoning != null) ? this.reasoning.toString() : null);
			ObjectNode logprobs = null;
			if (this.logprobs != null) {
				logprobs = JsonCodec.get().object();
				logprobs.set("content", this.logprobs);
			}
			return new ChatCompletionOutput.Choice(index, message, this.finishReason, logprobs);
		}

	}

	private static final class ToolCallParts {

		private @Nullable String id;

		private @Nullable String type;

		private @Nullable String name;

		private final StringBuilder arguments = new StringBuilder();

		void add(ChatCompletionChunk.ToolCallDelta fragment) {
			if (isBlank(this.id)) {
				this.id = fragment.id();
			}
			if (isBlank(this.type)) {
				this.type = fragment.type();
			}
			ChatCompletionChunk.FunctionDelta function = fragment.function();
			if (function != null) {
				if (isBlank(this.name)) {
					this.name = function.name();
				}
				if (function.arguments() != null) {
					this.arguments.append(function.arguments());
				}
			}
		}

		ToolCall build() {
			return new ToolCall(isBlank(this.id) ? null : this.id, isBlank(this.type) ? "function" : this.type,
					new ToolCall.Function((this.name != null) ? this.name : "", this.arguments.toString()));
		}

		private static boolean isBlank(@Nullable String value) {
			return value == null || value.isEmpty();
		}

	}

}
