package io.github.hfinference.boot.declarative.scan;

import reactor.core.publisher.Mono;

import io.github.hfinference.core.declarative.HfModel;

/** A second valid interface found by package scans in tests. */
@HfModel("chat")
public interface ScannedChatAssistant {

	Mono<String> ask(String question);

}
