package io.github.hfinference.core.declarative;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import reactor.core.publisher.Flux;

import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.task.StreamingTask;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.TextGeneration;
import io.github.hfinference.core.task.TextGenerationStreams;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatCompletionOutput;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.responses.ResponseEvent;
import io.github.hfinference.core.task.responses.ResponseOutput;
import io.github.hfinference.core.task.responses.Responses;
import io.github.hfinference.core.task.chat.ChatStreams;
import io.github.hfinference.core.task.chat.ContentPart;

/**
 * How a method's input and value types map onto a task's: the task's own types, or a
 * convenience users expect (a chat method taking one {@code String} user message and
 * returning the first choice's text, a streaming method returning the text deltas).
 */
final class Conversions {

	private static final ResolvableType MESSAGES = ResolvableType.forClassWithGenerics(List.class, ChatMessage.class);

	private static final ResolvableType CHAT_OUTPUT = ResolvableType.forClass(ChatCompletionOutput.class);

	private Conversions() {
	}

	/**
	 * How an argument of the given type becomes the task's input.
	 * @param task the task
	 * @param parameterType the method parameter's type
	 * @return the conversion, or null if the parameter cannot be the task's input
	 */
	static @Nullable Function<Object, Object> input(Task<?, ?, ?> task, ResolvableType parameterType) {
		ResolvableType inputType = ResolvableType.forType(task.inputType());
		if (inputType.isAssignableFrom(parameterType)) {
			return Function.identity();
		}
		if (inputType.isAssignableFrom(MESSAGES) && parameterType.toClass() == String.class) {
			return (text) -> List.of(ChatMessage.user((String) text));
		}
		if (inputType.toClass() == Responses.Input.class && parameterType.toClass() == String.class) {
			return (text) -> Responses.Input.text((String) text);
		}
		return null;
	}

	/**
	 * How the task's result becomes the method's value.
	 * @param task the task
	 * @param valueType the method's value type (without {@code Mono}, {@code InferenceResponse}, ...)
	 * @return the conversion, or null if the task's result cannot become that type
	 */
	static @Nullable Function<Object, Object> result(Task<?, ?, ?> task, ResolvableType valueType) {
		ResolvableType resultType = ResolvableType.forType(task.resultType());
		if (valueType.isAssignableFrom(resultType)) {
			return Function.identity();
		}
		if (CHAT_OUTPUT.isAssignableFrom(resultType) && valueType.toClass() == String.class) {
			return Conversions::firstChoiceContent;
		}
		if (resultType.toClass() == ResponseOutput.class && valueType.toClass() == String.class) {
			return (output) -> ((ResponseOutput) output).outputText();
		}
		return null;
	}

	/**
	 * How the chunks of a task's streaming variant become the method's elements.
	 * @param task the streaming task
	 * @param elementType the method's element type ({@code C} of {@code Flux<C>})
	 * @return the conversion, or null if the chunks cannot become that type
	 */
	static @Nullable Function<Flux<Object>, Flux<?>> chunks(StreamingTask<?, ?, ?> task,
			ResolvableType elementType) {
		if (elementType.isAssignableFrom(task.chunkType())) {
			return (chunks) -> chunks;
		}
		if (elementType.toClass() != String.class) {
			return null;
		}
		if (task.chunkType() == ChatCompletionChunk.class) {
			return (chunks) -> ChatStreams.textDeltas(chunks.cast(ChatCompletionChunk.class));
		}
		if (task.chunkType() == TextGeneration.StreamOutput.class) {
			return (chunks) -> TextGenerationStreams.tokenTexts(chunks.cast(TextGeneration.StreamOutput.class));
		}
		if (task.chunkType() == ResponseEvent.class) {
			return (chunks) -> Responses.STREAM.texts(chunks.cast(ResponseEvent.class));
		}
		return null;
	}

	/**
	 * Whether a task takes chat messages.
	 * @param task the task
	 * @return true for chat completion
	 */
	static boolean takesMessages(Task<?, ?, ?> task) {
		return ResolvableType.forType(task.inputType()).isAssignableFrom(MESSAGES);
	}

	/**
	 * Whether a parameter holds images for a chat prompt: {@code BinaryInput} or
	 * {@code List<BinaryInput>}.
	 * @param type the parameter's type
	 * @return true if so
	 */
	static boolean isImages(ResolvableType type) {
		return type.toClass() == BinaryInput.class
				|| (List.class.isAssignableFrom(type.toClass()) && type.getGeneric(0).toClass() == BinaryInput.class);
	}

	/**
	 * One user message: the prompt as a text part, then each image as an image part.
	 * @param prompt the text
	 * @param images a {@code BinaryInput}, a list of them, or null for none
	 * @return the messages
	 */
	static List<ChatMessage> userMessageWithImages(String prompt, @Nullable Object images) {
		List<ContentPart> parts = new ArrayList<>();
		parts.add(ContentPart.text(prompt));
		if (images instanceof BinaryInput image) {
			parts.add(ContentPart.image(image));
		}
		else if (images instanceof List<?> list) {
			for (Object image : list) {
				parts.add(ContentPart.image((BinaryInput) image));
			}
		}
		return List.of(ChatMessage.user(parts.toArray(ContentPart[]::new)));
	}

	private static Object firstChoiceContent(Object result) {
		ChatCompletionOutput output = (ChatCompletionOutput) result;
		String content = output.content();
		if (content == null) {
			String finishReason = output.choices().isEmpty() ? "no choice" : output.choices().get(0).finishReason();
			throw new HfResponseException("The chat completion has no text content (finish reason: " + finishReason
					+ "); declare the method to return ChatCompletionOutput to read tool calls", null);
		}
		return content;
	}

}
