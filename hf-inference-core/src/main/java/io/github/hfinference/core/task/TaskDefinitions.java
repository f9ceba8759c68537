package io.github.hfinference.core.task;

import java.util.List;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.task.Task.RequestEncoder;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * Where the task definitions routed by model start: the input, parameters and result types
 * and the encoder, plus the decoder of the common answer shapes (one object, possibly in a
 * list; a list of elements; a file's bytes). Each task adds what is its own (another decoder,
 * an {@code Accept} header) and builds.
 */
final class TaskDefinitions {

	private TaskDefinitions() {
	}

	/**
	 * A task answering with one {@code result}, read from the object or the first element of
	 * a list the server answers.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <R> the result type
	 * @param id the task id
	 * @param input the input type
	 * @param parameters the parameters type
	 * @param result the result type
	 * @param encoder how the request is written
	 * @return the builder, ready to build
	 */
	static <I, P, R> Task.Builder<I, P, R> single(String id, Class<I> input, Class<P> parameters, Class<R> result,
			RequestEncoder<I, P> encoder) {
		return TaskDefinitions.<I, P, R>start(id, input, parameters, encoder).result(result)
			.decoder(Decoders.json(result, Decoders.firstIfList()));
	}

	/**
	 * A task answering with a list of {@code element}.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param <E> the element type
	 * @param id the task id
	 * @param input the input type
	 * @param parameters the parameters type
	 * @param element the element type
	 * @param encoder how the request is written
	 * @return the builder, ready to build
	 */
	static <I, P, E> Task.Builder<I, P, List<E>> list(String id, Class<I> input, Class<P> parameters,
			Class<E> element, RequestEncoder<I, P> encoder) {
		return TaskDefinitions.<I, P, List<E>>start(id, input, parameters, encoder)
			.result(ParameterizedTypeReference
				.forType(ResolvableType.forClassWithGenerics(List.class, element).getType()))
			.decoder(Decoders.list(element));
	}

	/**
	 * A task answering with a file's bytes.
	 * @param <I> the input type
	 * @param <P> the parameters type
	 * @param id the task id
	 * @param input the input type
	 * @param parameters the parameters type
	 * @param encoder how the request is written
	 * @return the builder, ready to build
	 */
	static <I, P> Task.Builder<I, P, BinaryOutput> binary(String id, Class<I> input, Class<P> parameters,
			RequestEncoder<I, P> encoder) {
		return TaskDefinitions.<I, P, BinaryOutput>start(id, input, parameters, encoder)
			.result(BinaryOutput.class)
			.decoder(Decoders.binary());
	}

	private static <I, P, R> Task.Builder<I, P, R> start(String id, Class<I> input, Class<P> parameters,
			RequestEncoder<I, P> encoder) {
		return Task.<I, P, R>builder(id, TaskRoute.MODEL).input(input).parameters(parameters).encoder(encoder);
	}

}
