package io.github.hfinference.boot.autoconfigure;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.RevisionGuard;

/**
 * Says at startup, once per model that pins a revision, what the pin can and cannot
 * guarantee: the router and its providers cannot be asked for a revision (drift is only
 * detected where a server reports {@code x-sha}), an endpoint's revision is fixed by its
 * deployment (compared with its {@code /info} {@code model_sha}), and a branch or tag
 * cannot be compared with a served commit at all.
 */
final class RevisionPinReport {

	private static final Log logger = LogFactory.getLog(RevisionPinReport.class);

	private RevisionPinReport() {
	}

	static void log(HfModelRegistry registry) {
		registry.models().values().forEach((configured) -> log(configured.definition()));
	}

	private static void log(ModelDefinition model) {
		String revision = model.revision();
		if (revision == null) {
			return;
		}
		String property = "hf.inference.models." + model.alias() + ".revision";
		if (!RevisionGuard.isVerifiable(revision)) {
			logger.warn(property + " pins '" + revision + "', a branch or tag name: it cannot be verified against "
					+ "the commit a server reports; pin a commit sha to detect drift");
		}
		List<String> routed = model.targets().stream().filter(InferenceTarget.Router.class::isInstance)
			.map(InferenceTarget::name).toList();
		if (!routed.isEmpty()) {
			logger.warn(property + " cannot be enforced on " + String.join(", ", routed)
					+ ": the router serves the provider's current copy of the model; drift is detected only where the "
					+ "server reports x-sha (hf-inference), and " + model.revisionMismatch().name().toLowerCase(java.util.Locale.ROOT)
					+ " applies then (on-revision-mismatch)");
		}
		List<String> endpoints = model.targets().stream().filter(InferenceTarget.Endpoint.class::isInstance)
			.map(InferenceTarget::name).toList();
		if (!endpoints.isEmpty()) {
			logger.info(property + ": the pin of " + String.join(", ", endpoints) + " belongs to the endpoint's "
					+ "deployment; it is compared with the x-sha of responses and the health check's /info model_sha");
		}
	}

}
