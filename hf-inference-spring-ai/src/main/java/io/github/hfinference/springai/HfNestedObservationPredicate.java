package io.github.hfinference.springai;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.model.observation.ModelObservationContext;

import io.github.hfinference.core.observation.InferenceObservationContext;

/**
 * Skips the client's own {@code gen_ai.client.operation} observation of a call made
 * inside a Spring AI model observation ({@link HfChatModel}, {@link HfEmbeddingModel}), so
 * that one call is one {@code gen_ai.client.operation} observation, span and timer: Spring
 * AI's, with its GenAI attribute names. The retry, failover, rate-limit and admission
 * meters ({@code hf.client.*}) and the per-model activity are recorded as for any call.
 * The auto-configuration registers it; register it on the registry yourself when you build
 * the models by hand.
 */
public final class HfNestedObservationPredicate implements ObservationPredicate {

	@Override
	public boolean test(String name, Observation.Context context) {
		return !(context instanceof InferenceObservationContext) || !insideSpringAiModel(context.getParentObservation());
	}

	private static boolean insideSpringAiModel(@Nullable ObservationView parent) {
		ObservationView current = parent;
		while (current != null) {
			if (current.getContextView() instanceof ModelObservationContext<?, ?>) {
				return true;
			}
			current = current.getContextView().getParentObservation();
		}
		return false;
	}

}
