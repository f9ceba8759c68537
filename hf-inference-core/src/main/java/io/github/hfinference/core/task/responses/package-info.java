/**
 * The router's OpenAI-compatible Responses API ({@code POST /v1/responses}, beta): typed
 * requests, responses and streamed events.
 */
@NullMarked
package io.github.hfinference.core.task.responses;

import org.jspecify.annotations.NullMarked;
