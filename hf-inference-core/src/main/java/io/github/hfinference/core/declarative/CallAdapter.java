package io.github.hfinference.core.declarative;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.springframework.core.ResolvableType;
import reactor.core.publisher.Mono;

/**
 * Adapts a call to the return type of an {@link HfModel @HfModel} method: its execution
 * model (blocking, {@code Mono}, {@code CompletableFuture}, ...) around a value type.
 * Factories are asked in order when a method is parsed; the first that recognises the
 * return type provides the adapter.
 */
public interface CallAdapter {

	/**
	 * The type of the values the call produces, for example {@code R} for
	 * {@code Mono<R>}; it is the task's result or {@code InferenceResponse<R>}.
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
