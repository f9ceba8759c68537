package io.github.hfinference.boot.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.RevisionGuard;
import io.github.hfinference.core.catalog.ModelCatalog;
import io.github.hfinference.core.declarative.ConfiguredModel;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;
import io.github.hfinference.core.observation.ResilienceStatus.TargetState;

/**
 * The {@code hfinference} actuator endpoint: for each configured model, its id, task,
 * targets with their circuit states, pinned and last served revisions, drift, and
 * call/error/retry counts with the last error, and the router catalogue's providers of the
 * model. It never shows the token.
 */
@Endpoint(id = "hfinference")
public class HfInferenceEndpoint {

	private final HfInferenceClient client;

	private final HfModelRegistry registry;

	private final HfModelActivity activity;

	/**
	 * Creates the endpoint.
	 * @param client the client whose circuit and revision state is reported
	 * @param registry the configured models
	 * @param activity the per-model activity
	 */
	public HfInferenceEndpoint(HfInferenceClient client, HfModelRegistry registry, HfModelActivity activity) {
		this.client = client;
		this.registry = registry;
		this.activity = activity;
	}

	/**
	 * Describes every configured model.
	 * @return the description
	 */
	@ReadOperation
	public InferenceDescriptor inference() {
		Map<String, ModelDescriptor> models = new LinkedHashMap<>();
		this.registry.models().forEach((alias, model) -> models.put(alias, describe(alias, model)));
		return new InferenceDescriptor(this.client.hasToken(), models);
	}

	private ModelDescriptor describe(String alias, ConfiguredModel configured) {
		ModelDefinition model = configured.definition();
		Map<String, TargetState> states = new LinkedHashMap<>();
		this.client.resilience().targetStates(alias).forEach((state) -> states.put(state.target(), state));
		List<TargetDescriptor> targets = model.targets().stream().map((target) -> {
			TargetState state = states.get(target.name());
			return new TargetDescriptor(target.name(), type(target),
					(state != null) ? state.circuit() : CircuitState.CLOSED,
					(state != null) ? state.consecutiveFailures() : 0);
		}).toList();
		RevisionGuard.RevisionState revision = this.client.revisions().state(alias);
		HfModelActivity.Snapshot snapshot = this.activity.snapshot(alias);
		return new ModelDescriptor(model.displayName(), (configured.task() != null) ? configured.task().id() : null,
				targets, model.revision(), model.revisionMismatch().name().toLowerCase(Locale.ROOT),
				(revision != null) ? revision.lastServed() : null, revision != null && revision.drift(),
				snapshot.calls(), snapshot.errors(), snapshot.retries(), snapshot.failovers(), snapshot.rateLimited(),
				snapshot.lastTarget(), snapshot.lastError(), catalog(model));
	}

	/** The catalogue's providers of a router model, as far as the catalogue was fetched. */
	private @Nullable List<ModelCatalog.ProviderEntry> catalog(ModelDefinition model) {
		if (model.id() == null || model.targets().stream().noneMatch(InferenceTarget.Router.class::isInstance)) {
			return null;
		}
		return this.client.catalog().now().flatMap((catalog) -> catalog.model(model.id()))
			.map(ModelCatalog.Model::providers)
			.orElse(null);
	}

	private static String type(InferenceTarget target) {
		if (target instanceof InferenceTarget.Router) {
			return "router";
		}
		return (target instanceof InferenceTarget.Endpoint) ? "endpoint" : "in-process";
	}

	/**
	 * What the endpoint returns.
	 *
	 * @param tokenConfigured whether a Hugging Face token is configured (never the token)
	 * @param models the models by alias
	 */
	public record InferenceDescriptor(boolean tokenConfigured, Map<String, ModelDescriptor> models) {

	}

	/**
	 * One model.
	 *
	 * @param id the Hugging Face model id (or the alias of an endpoint-only model)
	 * @param task the task its methods run by default, if configured
	 * @param targets its targets in priority order
	 * @param pinnedRevision the pinned revision, if any
	 * @param onRevisionMismatch {@code warn} or {@code fail}
	 * @param lastServedRevision the revision the last response reported ({@code x-sha})
	 * @param drift whether that revision differs from a pinned commit sha
	 * @param calls completed calls
	 * @param errors failed calls
	 * @param retries retries
	 * @param failovers failovers to another target
	 * @param rateLimited rate-limited answers
	 * @param lastTarget the target that served the last successful call
	 * @param lastError the last failure
	 * @param catalog the router catalogue's providers of the model (status, pricing,
	 * context length, tools and structured-output support, latency, throughput), or null when
	 * the catalogue does not list it or was not fetched yet
	 */
	public record ModelDescriptor(String id, @Nullable String task, List<TargetDescriptor> targets,
			@Nullable String pinnedRevision, String onRevisionMismatch, @Nullable String lastServedRevision,
			boolean drift, long calls, long errors, long retries, long failovers, long rateLimited,
			@Nullable String lastTarget, HfModelActivity.@Nullable LastError lastError,
			@Nullable List<ModelCatalog.ProviderEntry> catalog) {

	}

	/**
	 * One target of a model.
	 *
	 * @param name the target's name
	 * @param type {@code router}, {@code endpoint} or {@code in-process}
	 * @param circuit its circuit breaker's state
	 * @param consecutiveFailures retryable failures in a row
	 */
	public record TargetDescriptor(String name, String type, CircuitState circuit, int consecutiveFailures) {

	}

}
