package io.github.hfinference.boot.observation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.github.hfinference.boot.HfModelRegistry;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.RevisionGuard;

/**
 * Binds a gauge {@value #DRIFT} per configured model ({@code hf.model}): 1 when the last
 * revision a server reported differs from the pinned commit sha, 0 otherwise.
 */
public class HfRevisionDriftMeterBinder implements MeterBinder {

	/** Whether a model's served revision drifted from its pin. */
	public static final String DRIFT = "hf.client.revision.drift";

	private final HfInferenceClient client;

	private final HfModelRegistry registry;

	/**
	 * Creates the binder.
	 * @param client the client whose revision state is read
	 * @param registry the configured models
	 */
	public HfRevisionDriftMeterBinder(HfInferenceClient client, HfModelRegistry registry) {
		this.client = client;
		this.registry = registry;
	}

	@Override
	public void bindTo(MeterRegistry meterRegistry) {
		RevisionGuard revisions = this.client.revisions();
		for (String alias : this.registry.aliases()) {
			Gauge.builder(DRIFT, revisions, (guard) -> {
				RevisionGuard.RevisionState state = guard.state(alias);
				return (state != null && state.drift()) ? 1 : 0;
			}).description("1 when the model's served revision differs from its pinned commit").tag("hf.model", alias)
				.register(meterRegistry);
		}
	}

}
