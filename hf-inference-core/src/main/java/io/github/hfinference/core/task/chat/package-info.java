/**
 * The OpenAI-compatible chat-completion task family.
 */
@NullMarked
package io.github.hfinference.core.task.chat;

import org.jspecify.annotations.NullMarked;
