package io.github.hfinference.core.task.chat;

/**
 * Token counts of a chat completion.
 *
 * @param promptTokens tokens in the prompt
 * @param completionTokens tokens generated
 * @param totalTokens their sum
 */
public record Usage(int promptTokens, int completionTokens, int totalTokens) {

}
