/**
 * Chat beyond one request: typed structured output, tools that run (the tool loop), the
 * per-model chat settings, and the checks made on chat input before it is sent.
 */
@NullMarked
package io.github.hfinference.core.chat;

import org.jspecify.annotations.NullMarked;
