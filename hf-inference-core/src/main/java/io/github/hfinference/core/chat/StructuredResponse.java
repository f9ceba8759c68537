package io.github.hfinference.core.chat;

import io.github.hfinference.core.ResponseMetadata;
import io.github.hfinference.core.chat.ChatSettings.StructuredOutputMode;

/**
 * A typed chat answer with how it was obtained.
 *
 * @param <T> the answer type
 * @param value the answer
 * @param rawText the JSON text the model answered
 * @param mode how the schema was sent: {@code JSON_SCHEMA} ({@code response_format}
 * json_schema) or {@code JSON_OBJECT} (the fallback: json_object plus the schema in a
 * system message)
 * @param repaired whether the first answer did not bind and a repair round was needed
 * @param metadata the metadata of the call that produced the answer (target, tokens, ...)
 */
public record StructuredResponse<T>(T value, String rawText, StructuredOutputMode mode, boolean repaired,
		ResponseMetadata metadata) {

}
