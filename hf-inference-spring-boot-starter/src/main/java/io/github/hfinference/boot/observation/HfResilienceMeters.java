package io.github.hfinference.boot.observation;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.observation.ResilienceListener;

/**
 * Counts what the resilience layer does, tagged by model alias ({@code hf.model}) and
 * target ({@code hf.provider}): {@value #RETRIES}, {@value #FAILOVERS} (tagged with the
 * target that failed and {@code hf.failover.target}), {@value #RATE_LIMITED} and
 * {@value #ADMISSION_REJECTED}.
 */
public class HfResilienceMeters implements ResilienceListener {

	/** Retries of an attempt. */
	public static final String RETRIES = "hf.client.retries";

	/** Moves of a call to another target. */
	public static final String FAILOVERS = "hf.client.failovers";

	/** Answers saying a rate limit was hit. */
	public static final String RATE_LIMITED = "hf.client.rate.limited";

	/** Calls rejected by the client-side admission limits. */
	public static final String ADMISSION_REJECTED = "hf.client.admission.rejected";

	private static final String MODEL = "hf.model";

	private static final String PROVIDER = "hf.provider";

	private final MeterRegistry meterRegistry;

	/**
	 * Creates the listener.
	 * @param meterRegistry where counters are recorded
	 */
	public HfResilienceMeters(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void onRetry(String model, String target, int attempt, Throwable failure, Duration wait) {
		Counter.builder(RETRIES).description("Retries of inference calls").tag(MODEL, model).tag(PROVIDER, target)
			.register(this.meterRegistry).increment();
	}

	@Override
	public void onFailover(String model, String from, String to, Throwable failure) {
		Counter.builder(FAILOVERS).description("Inference calls moved to another target").tag(MODEL, model)
			.tag(PROVIDER, from).tag("hf.failover.target", to).register(this.meterRegistry).increment();
	}

	@Override
	public void onRateLimited(String model, String target, @Nullable Duration retryAfter) {
		Counter.builder(RATE_LIMITED).description("Rate-limited inference calls").tag(MODEL, model)
			.tag(PROVIDER, target).register(this.meterRegistry).increment();
	}

	@Override
	public void onAdmissionRejected(String model, HfAdmissionRejectedException rejection) {
		Counter.builder(ADMISSION_REJECTED).description("Inference calls rejected by the client-side limits")
			.tag(MODEL, model).register(this.meterRegistry).increment();
	}

}
