package io.github.hfinference.core.task.responses;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.json.JsonCodec;

/**
 * One streamed event of the Responses API, by its {@code type}. The {@code error} event never
 * reaches the stream: it becomes the typed exception a plain call would raise.
 */
public sealed interface ResponseEvent {

	/** The event's {@code type}. */
	String type();

	/**
	 * Reads an event.
	 * @param event the event's JSON
	 * @param codec the codec
	 * @return the typed event; {@link Other} for types without a record of their own
	 */
	static ResponseEvent read(JsonNode event, JsonCodec codec) {
		String type = event.path("type").asString("");
		return switch (type) {
			case "response.created" -> new Created(response(event, codec));
			case "response.in_progress" -> new InProgress(response(event, codec));
			case "response.completed" -> new Completed(response(event, codec));
			case "response.failed" -> new Failed(response(event, codec));
			case "response.incomplete" -> new Incomplete(response(event, codec));
			case "response.output_text.delta" -> new OutputTextDelta(event.path("item_id").asString(null),
					event.path("output_index").asInt(0), event.path("content_index").asInt(0),
					event.path("delta").asString(""));
			case "response.output_text.done" -> new OutputTextDone(event.path("item_id").asString(null),
					event.path("text").asString(""));
			case "response.function_call_arguments.delta" -> new FunctionCallArgumentsDelta(
					event.path("item_id").asString(null), event.path("delta").asString(""));
			default -> new Other(type, event);
		};
	}

	private static ResponseOutput response(JsonNode event, JsonCodec codec) {
		return codec.convert(event.path("response"), ResponseOutput.class);
	}

	/**
	 * {@code response.created}.
	 *
	 * @param response the response so far
	 */
	record Created(ResponseOutput response) implements ResponseEvent {

		@Override
		public String type() {
			return "response.created";
		}

	}

	/**
	 * {@code response.in_progress}.
	 *
	 * @param response the response so far
	 */
	record InProgress(ResponseOutput response) implements ResponseEvent {

		@Override
		public String type() {
			return "response.in_progress";
		}

	}

	/**
	 * {@code response.completed}: the whole response, with usage.
	 *
	 * @param response the response
	 */
	record Completed(ResponseOutput response) implements ResponseEvent {

		@Override
		public String type() {
			return "response.completed";
		}

	}

	/**
	 * {@code response.failed}.
	 *
	 * @param response the response, with its error
	 */
	record Failed(ResponseOutput response) implements ResponseEvent {

		@Override
		public String type() {
			return "response.failed";
		}

	}

	/**
	 * {@code response.incomplete} (for example cut at {@code max_output_tokens}).
	 *
	 * @param response the response
	 */
	record Incomplete(ResponseOutput response) implements ResponseEvent {

		@Override
		public String type() {
			return "response.incomplete";
		}

	}

	/**
	 * {@code response.output_text.delta}: a piece of text.
	 *
	 * @param itemId the output item
	 * @param outputIndex the item's index
	 * @param contentIndex the part's index
	 * @param delta the text
	 */
	record OutputTextDelta(@Nullable String itemId, int outputIndex, int contentIndex, String delta)
			implements ResponseEvent {

		@Override
		public String type() {
			return "response.output_text.delta";
		}

	}

	/**
	 * {@code response.output_text.done}: a text part is complete.
	 *
	 * @param itemId the output item
	 * @param text the whole text of the part
	 */
	record OutputTextDone(@Nullable String itemId, String text) implements ResponseEvent {

		@Override
		public String type() {
			return "response.output_text.done";
		}

	}

	/**
	 * {@code response.function_call_arguments.delta}: a piece of a call's arguments.
	 *
	 * @param itemId the function call item
	 * @param delta the piece
	 */
	record FunctionCallArgumentsDelta(@Nullable String itemId, String delta) implements ResponseEvent {

		@Override
		public String type() {
			return "response.function_call_arguments.delta";
		}

	}

	/**
	 * Any other event ({@code response.output_item.added}, {@code response.content_part.done},
	 * ...), as sent.
	 *
	 * @param type the event type
	 * @param json the event
	 */
	record Other(String type, JsonNode json) implements ResponseEvent {
	}

}
