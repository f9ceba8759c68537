package io.github.hfinference.boot.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributors;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.ModelDefinition;

/**
 * The {@code hf} health contributor: a {@value #TOKEN} indicator for the Hugging Face
 * token and one indicator per configured model, all reactive. Asking for any model's
 * health checks every model at once, in parallel, so that an actuator that evaluates the
 * members one after another (the servlet stack does) waits for the slowest model rather
 * than for their sum; each model's checks are bounded by a deadline and cached for a time
 * to live. Nothing blocks.
 */
public final class HfHealthContributor implements CompositeReactiveHealthContributor {

	/** The name of the token's indicator. */
	public static final String TOKEN = "token";

	/** Added to a check's own timeout before it is abandoned from outside. */
	static final Duration GRACE = Duration.ofSeconds(1);

	private final Map<String, ReactiveHealthContributor> contributors = new LinkedHashMap<>();

	/**
	 * Creates the contributor.
	 * @param client the client whose token and models are checked
	 * @param models the models to check, by alias
	 * @param probed aliases of the chat models that are also probed with one real call
	 * @param settings time limits of the checks
	 */
	public HfHealthContributor(HfInferenceClient client, Map<String, ModelDefinition> models, Set<String> probed,
			Settings settings) {
		this.contributors.put(TOKEN, new HfTokenHealthIndicator(client, settings.tokenTtl(), settings.timeout()));
		List<HfModelHealthIndicator> indicators = new ArrayList<>();
		models.forEach((alias, model) -> indicators.add(new HfModelHealthIndicator(client, model,
				settings.modelTtl(), settings.timeout(), settings.deadline(), probed.contains(alias))));
		// a model's own failure shows in its own health; here it must not hold back the others
		Mono<Void> allModels = Flux.fromIterable(indicators)
			.flatMap((indicator) -> indicator.probe().onErrorComplete())
			.then();
		Iterator<HfModelHealthIndicator> each = indicators.iterator();
		models.keySet().forEach((alias) -> {
			HfModelHealthIndicator indicator = each.next();
			this.contributors.put(alias, (ReactiveHealthIndicator) () -> allModels.then(indicator.health()));
		});
	}

	@Override
	public @Nullable ReactiveHealthContributor getContributor(String name) {
		return this.contributors.get(name);
	}

	@Override
	public Stream<ReactiveHealthContributors.Entry> stream() {
		return this.contributors.entrySet()
			.stream()
			.map((entry) -> new ReactiveHealthContributors.Entry(entry.getKey(), entry.getValue()));
	}

	/**
	 * Time limits of the health checks.
	 *
	 * @param tokenTtl how long the token check is cached
	 * @param modelTtl how long a model's checks are cached
	 * @param timeout time allowed for each remote check
	 * @param deadline time allowed for all checks of one model
	 */
	public record Settings(Duration tokenTtl, Duration modelTtl, Duration timeout, Duration deadline) {

	}

}
