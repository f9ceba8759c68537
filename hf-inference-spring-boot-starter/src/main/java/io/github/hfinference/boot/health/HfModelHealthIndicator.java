package io.github.hfinference.boot.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.RevisionGuard;
import io.github.hfinference.core.catalog.ModelCatalog;
import io.github.hfinference.core.error.HfNotFoundException;
import io.github.hfinference.core.error.HfRateLimitException;
import io.github.hfinference.core.error.HfTimeoutException;
import io.github.hfinference.core.hub.HubClient.ModelInfo;
import io.github.hfinference.core.hub.ProviderMapping;
import io.github.hfinference.core.internal.routing.Providers;
import io.github.hfinference.core.observation.ResilienceStatus.CircuitState;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

/**
 * Health of one configured model, from checks that cost no credits: the Hub's model info
 * for router targets (a provider whose status is {@code error}, or that does not serve
 * the model, is DOWN), {@code {url}/health} for endpoints, and in-process providers are
 * UP. A target whose circuit breaker is open is DOWN whatever the checks say. The model
 * is UP when at least one target is, UNKNOWN when none is but some could not be checked,
 * DOWN otherwise.
 * <p>
 * Revision drift, when the model pins a commit sha and the Hub's current commit, an
 * endpoint's {@code /info} {@code model_sha} or the last served {@code x-sha} differs from
 * it, is reported as {@code drift: true} with the revisions involved; it does not change
 * the status, because the model still serves.
 * <p>
 * Remote checks run in parallel, each bounded by a timeout and all of them by a deadline;
 * their result is cached for a time to live (Reactor's {@code Mono.cache}), while circuit
 * states and served revisions are read live. Only when asked to does it also make one real chat
 * call with {@code max_tokens: 1}, which spends credits and counts as a call in metrics.
 */
final class HfModelHealthIndicator implements ReactiveHealthIndicator {

	private final HfInferenceClient client;

	private final ModelDefinition model;

	private final Duration timeout;

	private final boolean probeCall;

	private final Mono<Probe> probe;

	/**
	 * Creates the indicator.
	 * @param client the client
	 * @param model the model
	 * @param timeToLive how long remote check results are reused
	 * @param timeout time allowed for each remote check
	 * @param deadline time allowed for all checks of the model; targets not checked by
	 * then are UNKNOWN
	 * @param probeCall whether to also make one real chat call with {@code max_tokens: 1}
	 * (spends credits): the model is DOWN when it fails, UNKNOWN when it is rate limited
	 * or times out
	 */
	HfModelHealthIndicator(HfInferenceClient client, ModelDefinition model, Duration timeToLive, Duration timeout,
			Duration deadline, boolean probeCall) {
		this.client = client;
		this.model = model;
		this.timeout = timeout;
		this.probeCall = probeCall;
		this.probe = Mono.defer(this::check)
			.timeout(deadline, Mono.fromSupplier(() -> unfinished(deadline)))
			.cache(timeToLive);
	}

	/** The remote checks, run at most once per time to live. */
	Mono<Probe> probe() {
		return this.probe;
	}

	@Override
	public Mono<Health> health() {
		return this.probe.map(this::health);
	}

	private Health health(Probe probe) {
		Map<String, CircuitState> circuits = this.client.resilience().circuitStates(this.model.alias());
		Map<String, Object> targets = new LinkedHashMap<>();
		boolean anyUp = false;
		boolean anyUnknown = false;
		for (InferenceTarget target : this.model.targets()) {
			TargetHealth checked = probe.targets().get(target.name());
			Map<String, Object> details = new LinkedHashMap<>(checked.details());
			Status status = checked.status();
			CircuitState circuit = circuits.getOrDefault(target.name(), CircuitState.CLOSED);
			details.put("circuit", circuit.name());
			if (circuit == CircuitState.OPEN) {
				status = Status.DOWN;
			}
			details.put("status", status.getCode());
			targets.put(target.name(), details);
			anyUp |= Status.UP.equals(status);
			anyUnknown |= Status.UNKNOWN.equals(status);
		}
		Status status = anyUp ? Status.UP : anyUnknown ? Status.UNKNOWN : Status.DOWN;
		if (probe.call() != null && Status.UP.equals(status)) {
			status = probe.call().status();
		}
		Health.Builder health = Health.status(status);
		if (this.model.id() != null) {
			health.withDetail("id", this.model.id());
		}
		health.withDetail("targets", targets);
		catalogStatuses().ifPresent((statuses) -> health.withDetail("catalog", statuses));
		if (probe.call() != null) {
			health.withDetail("probe", probe.call().details());
		}
		revisionDetails(probe, health);
		return health.build();
	}

	/**
	 * The router catalogue's provider statuses of a router model, without waiting: empty
	 * until the catalogue was fetched (this starts it) or when it does not list the model.
	 */
	private Optional<Map<String, String>> catalogStatuses() {
		if (this.model.id() == null
				|| this.model.targets().stream().noneMatch(InferenceTarget.Router.class::isInstance)) {
			return Optional.empty();
		}
		return this.client.catalog().now().flatMap((catalog) -> catalog.model(this.model.id()))
			.map(ModelCatalog.Model::statuses);
	}

	private void revisionDetails(Probe probe, Health.Builder health) {
		String pinned = this.model.revision();
		RevisionGuard.RevisionState served = this.client.revisions().state(this.model.alias());
		if (pinned == null && served == null) {
			return;
		}
		boolean verifiable = RevisionGuard.isVerifiable(pinned);
		boolean drift = served != null && served.drift();
		if (pinned != null) {
			health.withDetail("pinnedRevision", pinned);
			health.withDetail("pinVerifiable", verifiable);
		}
		if (served != null) {
			health.withDetail("servedRevision", served.lastServed());
		}
		if (probe.hubRevision() != null) {
			health.withDetail("hubRevision", probe.hubRevision());
			drift |= verifiable && !RevisionGuard.matches(pinned, probe.hubRevision());
		}
		if (!probe.endpointRevisions().isEmpty()) {
			health.withDetail("endpointRevisions", probe.endpointRevisions());
			for (String sha : probe.endpointRevisions().values()) {
				drift |= verifiable && !RevisionGuard.matches(pinned, sha);
			}
		}
		health.withDetail("drift", drift);
	}

	private Mono<Probe> check() {
		Mono<HubCheck> hub = hubCheck().cache();
		boolean routed = this.model.targets().stream().anyMatch(InferenceTarget.Router.class::isInstance);
		Mono<List<Checked>> targets = Flux.fromIterable(this.model.targets())
			.flatMapSequential((target) -> check(target, hub))
			.collectList();
		Mono<Optional<String>> hubRevision = routed
				? hub.map((checked) -> Optional.ofNullable((checked.info() != null) ? checked.info().sha() : null))
				: Mono.just(Optional.empty());
		Mono<Optional<TargetHealth>> call = this.probeCall ? probeCall().map(Optional::of)
				: Mono.just(Optional.empty());
		return Mono.zip(targets, hubRevision, call).map((checks) -> {
			Map<String, TargetHealth> byTarget = new LinkedHashMap<>();
			Map<String, String> endpointRevisions = new LinkedHashMap<>();
			for (Checked checked : checks.getT1()) {
				byTarget.put(checked.target(), checked.health());
				if (checked.modelSha() != null) {
					endpointRevisions.put(checked.target(), checked.modelSha());
				}
			}
			return new Probe(byTarget, checks.getT2().orElse(null), endpointRevisions, checks.getT3().orElse(null));
		});
	}

	private Mono<Checked> check(InferenceTarget target, Mono<HubCheck> hub) {
		if (target instanceof InferenceTarget.Router router) {
			return hub.map((checked) -> new Checked(target.name(), routerHealth(router, checked), null));
		}
		if (target instanceof InferenceTarget.Endpoint endpoint) {
			return endpointHealth(endpoint);
		}
		return Mono.just(new Checked(target.name(), new TargetHealth(Status.UP, Map.of("type", "in-process")), null));
	}

	private Probe unfinished(Duration deadline) {
		Map<String, TargetHealth> targets = new LinkedHashMap<>();
		String error = "checks did not finish within " + deadline + " (hf.inference.health.deadline)";
		for (InferenceTarget target : this.model.targets()) {
			targets.put(target.name(), new TargetHealth(Status.UNKNOWN, Map.of("error", error)));
		}
		return new Probe(targets, null, Map.of(), null);
	}

	private Mono<TargetHealth> probeCall() {
		return this.client
			.execute(InferenceRequest.of(ChatCompletion.TASK, this.model, List.of(ChatMessage.user("ping")))
				.withParameters(ChatCompletion.Parameters.builder().maxTokens(1).build()))
			.timeout(bounded())
			.map((response) -> {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("servedBy", response.metadata().target());
				details.put("status", Status.UP.getCode());
				return new TargetHealth(Status.UP, details);
			})
			.onErrorResume((ex) -> {
				Status status = (ex instanceof HfRateLimitException || ex instanceof HfTimeoutException
						|| ex instanceof java.util.concurrent.TimeoutException) ? Status.UNKNOWN : Status.DOWN;
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("status", status.getCode());
				details.put("error", Failures.describe(ex));
				return Mono.just(new TargetHealth(status, details));
			});
	}

	private Mono<HubCheck> hubCheck() {
		String id = this.model.id();
		if (id == null) {
			return Mono.just(new HubCheck(null, Status.UNKNOWN, "the model has no Hugging Face id"));
		}
		return this.client.hub()
			.modelInfo(id, this.timeout)
			.timeout(bounded())
			.map((info) -> new HubCheck(info, null, null))
			.onErrorResume((ex) -> Mono.just(new HubCheck(null,
					(ex instanceof HfNotFoundException) ? Status.DOWN : Status.UNKNOWN, Failures.describe(ex))));
	}

	private static TargetHealth routerHealth(InferenceTarget.Router router, HubCheck hub) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("type", "router");
		ModelInfo info = hub.info();
		if (info == null) {
			details.put("error", hub.error());
			return new TargetHealth(hub.failureStatus(), details);
		}
		if (info.inference() != null) {
			details.put("inference", info.inference());
		}
		if (Providers.AUTO.equals(router.provider())) {
			Map<String, String> statuses = new LinkedHashMap<>();
			info.providers().forEach((entry) -> statuses.put(entry.provider(), entry.status()));
			details.put("providers", statuses);
			boolean usable = statuses.values().stream().anyMatch((status) -> !"error".equals(status));
			if (!usable) {
				details.put("reason", statuses.isEmpty() ? "no provider serves the model" : "every provider is in error");
			}
			return new TargetHealth(usable ? Status.UP : Status.DOWN, details);
		}
		ProviderMapping.Entry entry = info.providers().stream()
			.filter((candidate) -> candidate.provider().equals(router.provider()))
			.findFirst()
			.orElse(null);
		if (entry == null) {
			details.put("reason", router.provider() + " does not serve the model");
			return new TargetHealth(Status.DOWN, details);
		}
		details.put("providerStatus", entry.status());
		return new TargetHealth("error".equals(entry.status()) ? Status.DOWN : Status.UP, details);
	}

	private Mono<Checked> endpointHealth(InferenceTarget.Endpoint endpoint) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("type", "endpoint");
		details.put("url", endpoint.url().toString());
		Mono<Checked> up = RevisionGuard.isVerifiable(this.model.revision()) ? endpointInfo(endpoint, details)
				: Mono.fromSupplier(() -> new Checked(endpoint.name(), new TargetHealth(Status.UP, details), null));
		return this.client.hub()
			.endpointHealth(endpoint, this.timeout)
			.timeout(bounded())
			.then(up)
			.onErrorResume((ex) -> {
				details.put("error", Failures.describe(ex));
				return Mono.just(new Checked(endpoint.name(), new TargetHealth(Status.DOWN, details), null));
			});
	}

	private Mono<Checked> endpointInfo(InferenceTarget.Endpoint endpoint, Map<String, Object> details) {
		return this.client.hub()
			.endpointInfo(endpoint, this.timeout)
			.timeout(bounded())
			.map((info) -> Optional.ofNullable(info.modelSha()))
			.onErrorResume((ex) -> {
				details.put("infoError", Failures.describe(ex));
				return Mono.just(Optional.empty());
			})
			.defaultIfEmpty(Optional.empty())
			.map((sha) -> {
				sha.ifPresent((value) -> details.put("modelSha", value));
				return new Checked(endpoint.name(), new TargetHealth(Status.UP, details), sha.orElse(null));
			});
	}

	private Duration bounded() {
		return this.timeout.plus(HfHealthContributor.GRACE);
	}

	private record Checked(String target, TargetHealth health, @Nullable String modelSha) {

	}

	record TargetHealth(Status status, Map<String, Object> details) {

	}

	private record HubCheck(@Nullable ModelInfo info, @Nullable Status failureStatus, @Nullable String error) {

	}

	record Probe(Map<String, TargetHealth> targets, @Nullable String hubRevision,
			Map<String, String> endpointRevisions, @Nullable TargetHealth call) {

	}

}
