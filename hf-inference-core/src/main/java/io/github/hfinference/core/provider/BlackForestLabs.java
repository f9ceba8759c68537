package io.github.hfinference.core.provider;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.http.JsonCodec;

/**
 * black-forest-labs: {@code POST /v1/{model}} answers {@code {"id", "polling_url"}};
 * the polling URL answers {@code status} {@code Pending} until {@code Ready}, with the image
 * URL in {@code result.sample}. Any other status (errors, moderation) is a failure.
 */
final class BlackForestLabs implements MediaProvider {

	@Override
	public String name() {
		return "black-forest-labs";
	}

	@Override
	public boolean supports(String taskId) {
		return Set.of("text-to-image").contains(taskId);
	}

	@Override
	public Submission submit(MediaRequest request, String model) {
		String path = model.startsWith("black-forest-labs/") ? model.substring("black-forest-labs/".length()) : model;
		return new Submission("/v1/" + path, JsonAnswers.flat(JsonCodec.get().object(), request), Map.of());
	}

	@Override
	public JobState read(JsonNode answer) {
		URI polling = JsonAnswers.url(answer, "polling_url");
		String status = JsonAnswers.text(answer, "status");
		if (status == null && polling != null) {
			return JobState.Running.polling("Submitted", polling);
		}
		if ("Ready".equals(status)) {
			URI sample = JsonAnswers.url(answer.path("result"), "sample");
			return (sample != null) ? new JobState.Download(sample)
					: new JobState.Failed(status, "the job is ready without result.sample");
		}
		if ("Pending".equals(status)) {
			return JobState.Running.polling(status, polling);
		}
		return new JobState.Failed((status != null) ? status : "unknown", answer.toString());
	}

}
