package io.github.hfinference.core.declarative;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Adapts a call to the return type of an {@link HfModel @HfModel} method: its execution
 * model (blocking, {@code Mono}, {@code CompletableFuture}, ...) around a value type, or,
 * for a {@link #streaming() streaming} adapter ({@code Flux<C>}), around the chunks of the
 * streaming variant of the method's task.
 * Factories are asked in order when a method is parsed; the first that recognises the
 * return type provides the adapter.
 */
public interface CallAdapter {

	/**
	 * The type of the values the call produces, for example {@code R} for
	 * {@code Mono<R>}; it is the task's result or {@code InferenceResponse<R>}. For a
	 * streaming adapter it is the type of each element ({@code C} for {@code Flux<C>}).
	 * @return the value type
	 */
	ResolvableType valueType();

	/**
	 * Adapts a call to the method's return type.
	 * @param call the call, not yet subscribed, emitting one value or an error
	 * @return what the method returns
	 */
	@Nullable Object adapt(Mono<?> call);

	/**
	 * Whether the method streams: its task runs as a stream and
	 * {@link #adaptStream(Flux)} adapts the elements, instead of {@link #adapt(Mono)}.
	 * @return true for a streaming adapter; false by default
	 */
	default boolean streaming() {
		return false;
	}

	/**
	 * Adapts a streamed call to the method's return type; only called on a
	 * {@link #streaming() streaming} adapter.
	 * @param elements the elements, not yet subscribed
	 * @return what the method returns
	 */
	default @Nullable Object adaptStream(Flux<?> elements) {
		throw new UnsupportedOperationException("Not a streaming call adapter: " + getClass().getName());
	}

	/**
	 * Creates {@link CallAdapter}s for the return types it recognises.
	 */
	@FunctionalInterface
	interface Factory {

		/**
		 * Returns an adapter for a method's return type.
		 * @param returnType the return type, resolved against the interface
		 * @param method the method
		 * @return the adapter, or null if this factory does not handle the type
		 * @throws IllegalArgumentException if this factory recognises the type but cannot
		 * support it; the message says why and ends up in the startup error
		 */
		@Nullable CallAdapter get(ResolvableType returnType, Method method);

	}

}
