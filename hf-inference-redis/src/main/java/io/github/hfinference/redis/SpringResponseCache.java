package io.github.hfinference.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.github.hfinference.core.fleet.ResponseCache;

/**
 * The client's {@link ResponseCache} on Spring's cache abstraction: in one JVM with a
 * Caffeine (or any local) {@link CacheManager}, for the whole fleet with a Redis one
 * ({@code spring.cache.type=redis}). Each model that opts in has its cache, named
 * {@code hf-inference.<alias>}, and its time to live, checked when an answer is read.
 * Chat and text generation are cached only when their model says so. A cache that fails or
 * is slower than the budget is a miss, never a failed call.
 */
public final class SpringResponseCache implements ResponseCache {

	private static final Log logger = LogFactory.getLog(SpringResponseCache.class);

	/** Tasks whose answers vary from call to call unless the model opts in. */
	private static final Set<String> GENERATIVE = Set.of("chat-completion", "text-generation");

	/** The key of the revision a model served last (response keys hold a model id and never start with '#'). */
	private static final String SERVED_REVISION = "#served-revision";

	private final CacheManager caches;

	private final Map<String, ModelCaching> models;

	private final Duration budget;

	private final BiConsumer<String, Boolean> outcomes;

	/**
	 * Creates a cache.
	 * @param caches where answers are kept
	 * @param models the models whose answers are kept, by alias
	 * @param budget the longest a look-up may take before it counts as a miss
	 * @param outcomes told about each look-up: the model alias and whether it hit
	 */
	public SpringResponseCache(CacheManager caches, Map<String, ModelCaching> models, Duration budget,
			BiConsumer<String, Boolean> outcomes) {
		this.caches = Objects.requireNonNull(caches, "caches");
		this.models = Map.copyOf(models);
		this.budget = Objects.requireNonNull(budget, "budget");
		this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
	}

	@Override
	public boolean caches(String model, String task) {
		ModelCaching caching = this.models.get(model);
		return caching != null && (caching.includeGeneration() || !GENERATIVE.contains(task));
	}

	@Override
	public Mono<Entry> get(String model, String key) {
		return fresh(model, key).doOnNext((entry) -> this.outcomes.accept(model, true))
			.switchIfEmpty(Mono.fromRunnable(() -> this.outcomes.accept(model, false)));
	}

	@Override
	public Mono<String> servedRevision(String model) {
		return fresh(model, SERVED_REVISION).mapNotNull(Entry::servedRevision);
	}

	@Override
	public void servedRevision(String model, String revision) {
		put(model, SERVED_REVISION, new Entry(new byte[0], null, "-", revision, Instant.now()));
	}

	/** An entry younger than its model's time to live; a cache that fails or is slow has none. */
	private Mono<Entry> fresh(String model, String key) {
		Cache cache = cache(model);
		ModelCaching caching = this.models.get(model);
		if (cache == null || caching == null) {
			return Mono.empty();
		}
		return lookUp(cache, key).timeout(this.budget)
			.onErrorResume((failure) -> {
				logger.debug("Response cache of model '" + model + "' failed: " + failure);
				return Mono.empty();
			})
			.filter((entry) -> entry.storedAt().plus(caching.timeToLive()).isAfter(Instant.now()));
	}

	private static Mono<Entry> lookUp(Cache cache, String key) {
		CompletableFuture<?> future;
		try {
			future = cache.retrieve(key);
		}
		catch (UnsupportedOperationException ex) {
			// a cache without asynchronous reads: an in-memory one answers at once
			return Mono.fromCallable(() -> cache.get(key, Entry.class));
		}
		return (future != null) ? Mono.fromFuture(future)
			.map((value) -> (value instanceof Cache.ValueWrapper wrapper && wrapper.get() != null) ? wrapper.get()
					: value)
			.ofType(Entry.class) : Mono.empty();
	}

	@Override
	public void put(String model, String key, Entry entry) {
		Cache cache = cache(model);
		if (cache != null) {
			Mono.fromRunnable(() -> cache.put(key, entry))
				.subscribeOn(Schedulers.boundedElastic())
				.subscribe(null, (failure) -> logger.debug("Cannot store in the response cache of model '" + model
						+ "': " + failure));
		}
	}

	private @Nullable Cache cache(String model) {
		return this.caches.getCache("hf-inference." + model);
	}

	/**
	 * How one model's answers are cached.
	 *
	 * @param timeToLive how long an answer is reused
	 * @param includeGeneration whether chat and text generation answers are cached too
	 */
	public record ModelCaching(Duration timeToLive, boolean includeGeneration) {

		public ModelCaching {
			Objects.requireNonNull(timeToLive, "timeToLive");
		}

	}

}
