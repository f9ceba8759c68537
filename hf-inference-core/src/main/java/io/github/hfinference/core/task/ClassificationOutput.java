package io.github.hfinference.core.task;

/**
 * One label with its score: the result element of every classification task (text,
 * image, audio, zero-shot).
 *
 * @param label the label
 * @param score its probability
 */
public record ClassificationOutput(String label, double score) {

}
