package io.github.hfinference.core;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.chat.ChatSettings;
import io.github.hfinference.core.error.HfInvalidRequestException;
import io.github.hfinference.core.task.StreamingTask;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ContentPart;

/**
 * What the client does with a chat call before sending it, from the model's
 * {@link ChatSettings}: refuse inline images over the size limit, and leave
 * {@code stream_options} out of streams of models that do not want usage.
 */
final class ChatPreparation {

	private ChatPreparation() {
	}

	/**
	 * Checks a call's input against its model's chat settings.
	 * @param taskId the task's id
	 * @param model the model
	 * @param input the input
	 * @return the error to fail the call with, or null if it may be sent
	 */
	static @Nullable HfInvalidRequestException check(String taskId, ModelDefinition model, Object input) {
		if (!taskId.equals(ChatCompletion.TASK.id()) || !(input instanceof List<?> messages)) {
			return null;
		}
		long limit = model.chat().maxImageBytes();
		for (int m = 0; m < messages.size(); m++) {
			if (!(messages.get(m) instanceof ChatMessage message) || message.parts() == null) {
				continue;
			}
			for (int p = 0; p < message.parts().size(); p++) {
				if (message.parts().get(p) instanceof ContentPart.Image image && image.inlineBytes() > limit) {
					return new HfInvalidRequestException("Image part #" + (p + 1) + " of message #" + (m + 1) + " has "
							+ image.inlineBytes() + " bytes, over the limit of " + limit + " bytes for model '"
							+ model.alias() + "' (chat max-image-size); send a smaller image or an https URL");
				}
			}
		}
		return null;
	}

	/**
	 * The streaming task to send: chat without {@code stream_options} when the model
	 * turned usage off, otherwise the request's own.
	 * @param request the request
	 * @return the request to send
	 */
	@SuppressWarnings("unchecked")
	static <I, P, C> StreamingRequest<I, P, C> streaming(StreamingRequest<I, P, C> request) {
		if (request.task() == (StreamingTask<?, ?, ?>) ChatCompletion.STREAM && !request.model().chat().includeUsage()) {
			return new StreamingRequest<>((StreamingTask<I, P, C>) (StreamingTask<?, ?, ?>) ChatCompletion.STREAM_WITHOUT_USAGE,
					request.model(), request.input(), request.parameters(), request.options());
		}
		return request;
	}

}
