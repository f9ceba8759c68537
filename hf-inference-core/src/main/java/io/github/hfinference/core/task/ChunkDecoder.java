package io.github.hfinference.core.task;

import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.json.JsonCodec;

/**
 * Turns the JSON {@code data} of one server-sent event into a streaming task's typed
 * chunk. Error events and the end-of-stream marker never reach it.
 *
 * @param <C> the chunk type
 */
@FunctionalInterface
public interface ChunkDecoder<C> {

	/**
	 * Decodes one event.
	 * @param event the event's data, parsed as JSON
	 * @param codec the JSON codec
	 * @return the typed chunk
	 */
	C decode(JsonNode event, JsonCodec codec);

}
