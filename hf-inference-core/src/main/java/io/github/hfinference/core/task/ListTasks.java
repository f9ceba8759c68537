package io.github.hfinference.core.task;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;

/**
 * The definition every task answering with a list of typed elements starts from: its input,
 * its parameters, a {@code List<E>} result read by {@link Decoders#list(Class)}. Each task
 * adds its encoder (and, where the server's shape differs, its own decoder) and builds.
 */
final class ListTasks {

	private ListTasks() {
	}

	/**
	 * A task routed by model, answering with a list of {@code element}.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <E> the element type
	 * @param id the task id
	 * @param input the input type
	 * @param parameters the parameters type
	 * @param element the element type
	 * @return the builder, with result type and decoder set
	 */
	static <I, P, E> Task.Builder<I, P, List<E>> of(String id, Class<I> input, Class<P> parameters,
			Class<E> element) {
		return Task.<I, P, List<E>>builder(id, TaskRoute.MODEL)
			.input(input)
			.parameters(parameters)
			.result(ParameterizedTypeReference
				.forType(ResolvableType.forClassWithGenerics(List.class, element).getType()))
			.decoder(Decoders.list(element));
	}

}
