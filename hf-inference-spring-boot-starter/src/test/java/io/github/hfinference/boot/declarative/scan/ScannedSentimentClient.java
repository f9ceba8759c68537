package io.github.hfinference.boot.declarative.scan;

import java.util.List;

import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.task.ClassificationOutput;

/** A valid interface found by package scans in tests. */
@HfModel("sentiment")
public interface ScannedSentimentClient {

	List<ClassificationOutput> classify(String text);

}
