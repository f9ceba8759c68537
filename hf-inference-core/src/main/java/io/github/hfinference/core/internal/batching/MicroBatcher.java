package io.github.hfinference.core.internal.batching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;

import io.github.hfinference.core.BatchingSettings;
import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.InferenceRequest;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.internal.observation.GenAiOperations;
import io.github.hfinference.core.task.Task;

/**
 * Coalesces concurrent single calls into batch calls. Calls with the same model
 * definition, task, parameters and options that arrive within
 * {@link BatchingSettings#maxWait()} of the first one, up to
 * {@link BatchingSettings#maxSize()}, are sent as one call of the task's batch form
 * ({@link BatchRoute}) through the normal request path, so retries, failover, admission
 * and circuit breakers apply to the batch as a whole. Results are split back to the
 * callers in order; a failure of the batch reaches every caller. A call that is cancelled
 * before its batch is sent is left out of it; once sent, the batch is cancelled only
 * when all its callers cancelled. A batch of one is sent as the plain single call.
 * <p>
 * Nothing blocks: a waiting call holds only a small entry and its subscriber. Each batch
 * request is observed as {@value #OBSERVATION_NAME} (low-cardinality keys
 * {@code gen_ai.request.model}, {@code gen_ai.operation.name} and {@code hf.task}, high-cardinality key
 * {@value #BATCH_SIZE_KEY}), while each caller's call keeps its own call observation: the
 * former counts HTTP requests, the latter calls.
 */
public final class MicroBatcher {

	/** Name of the observation of one batch request. */
	public static final String OBSERVATION_NAME = "hf.client.batch";

	/** Key of the number of calls a batch request carried. */
	public static final String BATCH_SIZE_KEY = "hf.batch.size";

	private final Scheduler scheduler;

	private final ObservationRegistry registry;

	private final Object lock = new Object();

	private final Map<Key, Batch> open = new HashMap<>();

	/**
	 * Creates a batcher.
	 * @param scheduler runs the {@code maxWait} timers
	 * @param registry observes batch requests ({@link ObservationRegistry#NOOP} for none)
	 */
	public MicroBatcher(Scheduler scheduler, ObservationRegistry registry) {
		this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
		this.registry = Objects.requireNonNull(registry, "registry");
	}

	/**
	 * Submits a call to be sent in a batch; nothing happens until the result is subscribed
	 * to.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param request the single call
	 * @param route how the call's task is batched
	 * @param settings the model's batching settings (enabled)
	 * @param executor sends a call (single or batch) through the normal request path
	 * @return the call's own result, with the metadata of the request that carried it
	 */
	public <I, P, R> Mono<InferenceResponse<R>> submit(InferenceRequest<I, P, R> request,
			BatchRoute<I, P, R, ?, ?> route, BatchingSettings settings, Executor executor) {
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(route, "route");
		Objects.requireNonNull(executor, "executor");
		if (!settings.enabled()) {
			throw new IllegalArgumentException("batching is not enabled: " + settings);
		}
		Key key = new Key(request.model(), request.task(), request.parameters(), request.options());
		return Mono.<InferenceResponse<?>>create((sink) -> enqueue(key, new Entry(request, sink), route, settings,
				executor)).map((response) -> cast(response));
	}

	@SuppressWarnings("unchecked")
	private static <R> InferenceResponse<R> cast(InferenceResponse<?> response) {
		return (InferenceResponse<R>) response;
	}

	private void enqueue(Key key, Entry entry, BatchRoute<?, ?, ?, ?, ?> route, BatchingSettings settings,
			Executor executor) {
		Batch full = null;
		Batch joined;
		synchronized (this.lock) {
			joined = this.open.get(key);
			if (joined == null) {
				Batch batch = new Batch(key, route, executor, settings.maxSize());
				joined = batch;
				this.open.put(key, batch);
				batch.timer = this.scheduler.schedule(() -> close(batch), settings.maxWait().toNanos(),
						TimeUnit.NANOSECONDS);
			}
			joined.entries.add(entry);
			if (joined.entries.size() >= settings.maxSize()) {
				this.open.remove(key);
				full = joined;
			}
		}
		Batch batch = joined;
		entry.sink.onCancel(() -> batch.cancel(entry));
		if (full != null) {
			full.timer.dispose();
			full.dispatch();
		}
	}

	private void close(Batch batch) {
		synchronized (this.lock) {
			if (this.open.get(batch.key) != batch) {
				return;
			}
			this.open.remove(batch.key);
		}
		batch.dispatch();
	}

	private Mono<InferenceResponse<Object>> observed(Mono<InferenceResponse<Object>> call, Key key, int size) {
		if (this.registry.isNoop()) {
			return call;
		}
		return Mono.defer(() -> {
			Observation observation = Observation.createNotStarted(OBSERVATION_NAME, this.registry)
				.lowCardinalityKeyValue("gen_ai.request.model", key.model().displayName())
				.lowCardinalityKeyValue("gen_ai.operation.name", GenAiOperations.of(key.task().id()))
				.lowCardinalityKeyValue("hf.task", key.task().id())
				.highCardinalityKeyValue(BATCH_SIZE_KEY, Integer.toString(size))
				.start();
			return call.doOnSuccess((response) -> observation.stop()).doOnError((ex) -> {
				observation.error(ex);
				observation.stop();
			}).doOnCancel(observation::stop);
		});
	}

	/**
	 * Sends one call through the normal request path (resilience, routing, HTTP).
	 */
	@FunctionalInterface
	public interface Executor {

		/**
		 * Sends a call.
		 * @param <I> the input type
		 * @param <P> the parameters type
		 * @param <R> the result type
		 * @param request the call
		 * @return its result
		 */
		<I, P, R> Mono<InferenceResponse<R>> execute(InferenceRequest<I, P, R> request);

	}

	/** What calls must share to travel in one batch (the model by identity). */
	private record Key(ModelDefinition model, Task<?, ?, ?> task, @Nullable Object parameters, CallOptions options) {
	}

	/** One waiting caller. */
	private static final class Entry {

		final InferenceRequest<?, ?, ?> request;

		final MonoSink<InferenceResponse<?>> sink;

		boolean cancelled;

		Entry(InferenceRequest<?, ?, ?> request, MonoSink<InferenceResponse<?>> sink) {
			this.request = request;
			this.sink = sink;
		}

	}

	/** The calls collected for one request. */
	private final class Batch {

		final Key key;

		final BatchRoute<?, ?, ?, ?, ?> route;

		final Executor executor;

		final List<Entry> entries;

		final Disposable.Swap upstream = Disposables.swap();

		Disposable timer = Disposables.disposed();

		boolean dispatched;

		int live;

		Batch(Key key, BatchRoute<?, ?, ?, ?, ?> route, Executor executor, int maxSize) {
			this.key = key;
			this.route = route;
			this.executor = executor;
			this.entries = new ArrayList<>(Math.min(maxSize, 64));
		}

		void cancel(Entry entry) {
			synchronized (this) {
				if (entry.cancelled) {
					return;
				}
				entry.cancelled = true;
				if (!this.dispatched || --this.live > 0) {
					return;
				}
			}
			this.upstream.dispose();
		}

		void dispatch() {
			List<Entry> callers;
			synchronized (this) {
				this.dispatched = true;
				callers = new ArrayList<>(this.entries.size());
				for (Entry entry : this.entries) {
					if (!entry.cancelled) {
						callers.add(entry);
					}
				}
				this.live = callers.size();
			}
			if (callers.isEmpty()) {
				return;
			}
			if (callers.size() == 1) {
				Entry only = callers.get(0);
				this.upstream.update(this.executor.execute(only.request)
					.subscribe(only.sink::success, only.sink::error, only.sink::success));
				return;
			}
			Mono<InferenceResponse<Object>> call;
			try {
				call = observed(sendBatch(callers), this.key, callers.size());
			}
			catch (RuntimeException ex) {
				callers.forEach((entry) -> entry.sink.error(ex));
				return;
			}
			this.upstream.update(call.subscribe((response) -> split(callers, response),
					(ex) -> callers.forEach((entry) -> entry.sink.error(ex))));
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private Mono<InferenceResponse<Object>> sendBatch(List<Entry> callers) {
			List<Object> inputs = new ArrayList<>(callers.size());
			callers.forEach((entry) -> inputs.add(entry.request.input()));
			BatchRoute route = this.route;
			InferenceRequest<?, ?, ?> first = callers.get(0).request;
			InferenceRequest batch = new InferenceRequest(route.batch(), first.model(), route.join().apply(inputs),
					first.parameters(), first.options());
			return this.executor.execute(batch);
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		private void split(List<Entry> callers, InferenceResponse<Object> response) {
			List<?> results;
			try {
				results = (List<?>) ((java.util.function.Function) this.route.split()).apply(response.value());
			}
			catch (RuntimeException ex) {
				callers.forEach((entry) -> entry.sink.error(ex));
				return;
			}
			if (results.size() != callers.size()) {
				HfResponseException mismatch = new HfResponseException("The batched " + this.key.task().id()
						+ " response for model '" + this.key.model().displayName() + "' holds " + results.size()
						+ " results for " + callers.size() + " inputs", null);
				callers.forEach((entry) -> entry.sink.error(mismatch));
				return;
			}
			for (int i = 0; i < callers.size(); i++) {
				callers.get(i).sink.success(new InferenceResponse<>(results.get(i), response.metadata()));
			}
		}

	}

}
