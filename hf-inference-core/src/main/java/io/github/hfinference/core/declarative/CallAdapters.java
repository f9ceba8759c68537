package io.github.hfinference.core.declarative;

import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.springframework.core.ResolvableType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The built-in {@link CallAdapter.Factory factories}, asked after any registered with
 * {@link HfModelProxyFactory.Builder#callAdapterFactory(CallAdapter.Factory)}.
 */
final class CallAdapters {

	private static final String SUPPORTED = "R, Mono<R>, CompletableFuture<R>, InferenceResponse<R>, "
			+ "Mono<InferenceResponse<R>> or Flux<C>";

	static final List<CallAdapter.Factory> DEFAULTS = List.of(CallAdapters::streaming, CallAdapters::mono,
			CallAdapters::completableFuture, CallAdapters::blocking);

	private CallAdapters() {
	}

	private static @Nullable CallAdapter streaming(ResolvableType returnType, Method method) {
		if (returnType.toClass() != Flux.class) {
			return null;
		}
		ResolvableType valueType = valueType(returnType, "Flux");
		return new StreamAdapter(valueType);
	}

	private static @Nullable CallAdapter mono(ResolvableType returnType, Method method) {
		if (returnType.toClass() != Mono.class) {
			return null;
		}
		ResolvableType valueType = valueType(returnType, "Mono");
		return new Adapter(valueType, (call) -> call);
	}

	private static @Nullable CallAdapter completableFuture(ResolvableType returnType, Method method) {
		if (returnType.toClass() != CompletableFuture.class) {
			return null;
		}
		ResolvableType valueType = valueType(returnType, "CompletableFuture");
		return new Adapter(valueType, Mono::toFuture);
	}

	private static CallAdapter blocking(ResolvableType returnType, Method method) {
		Class<?> type = returnType.toClass();
		if (type == void.class || type == Void.class) {
			throw new IllegalArgumentException("returns void, but an inference method returns its result: " + SUPPORTED);
		}
		if (type.isPrimitive()) {
			throw new IllegalArgumentException("returns the primitive " + type + "; no task returns it: " + SUPPORTED);
		}
		if (Future.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type)
				|| Publisher.class.isAssignableFrom(type)) {
			throw new IllegalArgumentException(
					"has the unsupported return type " + TypeNames.of(returnType) + "; return " + SUPPORTED);
		}
		return new Adapter(returnType, Mono::block);
	}

	private static ResolvableType valueType(ResolvableType returnType, String wrapper) {
		ResolvableType valueType = returnType.getGeneric(0);
		if (isRaw(returnType)) {
			throw new IllegalArgumentException("returns a raw " + wrapper + "; declare its value type, for example "
					+ wrapper + "<List<ClassificationOutput>>");
		}
		return valueType;
	}

	/**
	 * Whether a type is a generic class used without type arguments ({@code Mono} rather
	 * than {@code Mono<String>}).
	 * @param type the type
	 * @return true if raw
	 */
	static boolean isRaw(ResolvableType type) {
		return type.getType() instanceof Class<?> type1 && type1.getTypeParameters().length > 0;
	}

	private record Adapter(ResolvableType valueType, java.util.function.Function<Mono<?>, ?> adapter)
			implements CallAdapter {

		@Override
		public @Nullable Object adapt(Mono<?> call) {
			return this.adapter.apply(call);
		}

	}

	/** Returns the chunks of a streamed call as they are. */
	private record StreamAdapter(ResolvableType valueType) implements CallAdapter {

		@Override
		public @Nullable Object adapt(Mono<?> call) {
			throw new UnsupportedOperationException("A Flux method streams; it has no single value to adapt");
		}

		@Override
		public boolean streaming() {
			return true;
		}

		@Override
		public Object adaptStream(Flux<?> elements) {
			return elements;
		}

	}

}
