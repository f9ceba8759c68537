package io.github.hfinference.core.internal.batching;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.Task;

/**
 * How calls of a single-input task are sent as one call of its batch task: how the
 * inputs are joined into the batch input and how the batch result is split into one
 * result per input, in input order.
 *
 * @param <I> the single input type
 * @param <P> the parameters type, shared by both tasks
 * @param <R> the single result type
 * @param <B> the batch input type
 * @param <S> the batch result type
 * @param single the single-input task
 * @param batch the task that takes several inputs in one request
 * @param join builds the batch input from the inputs, in order
 * @param split reads one result per input, in order, from the batch result
 */
public record BatchRoute<I, P, R, B, S>(Task<I, P, R> single, Task<B, P, S> batch, Function<List<I>, B> join,
		Function<S, List<R>> split) {

	private static final Map<Task<?, ?, ?>, BatchRoute<?, ?, ?, ?, ?>> KNOWN = Map.of(FeatureExtraction.TASK,
			new BatchRoute<>(FeatureExtraction.TASK, FeatureExtraction.BATCH, Function.identity(),
					Function.identity()));

	public BatchRoute {
		Objects.requireNonNull(single, "single");
		Objects.requireNonNull(batch, "batch");
		Objects.requireNonNull(join, "join");
		Objects.requireNonNull(split, "split");
	}

	/**
	 * The batch route of a task, if its pipeline accepts a list of inputs and this client
	 * knows its batch form ({@code feature-extraction}).
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param task the single-input task
	 * @return the route, or null when calls of this task cannot be batched
	 */
	@SuppressWarnings("unchecked")
	public static <I, P, R> @Nullable BatchRoute<I, P, R, ?, ?> of(Task<I, P, R> task) {
		return (BatchRoute<I, P, R, ?, ?>) KNOWN.get(task);
	}

}
