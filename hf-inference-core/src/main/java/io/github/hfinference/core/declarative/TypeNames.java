package io.github.hfinference.core.declarative;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.springframework.core.ResolvableType;

/**
 * Short, readable type names for diagnostics: {@code List<ChatMessage>},
 * {@code TextClassification.Parameters}.
 */
final class TypeNames {

	private TypeNames() {
	}

	static String of(ResolvableType type) {
		Class<?> raw = type.resolve();
		if (raw == null) {
			return of(type.getType());
		}
		if (!type.hasGenerics()) {
			return of(raw);
		}
		return of(raw) + Arrays.stream(type.getGenerics())
			.map(TypeNames::of)
			.collect(Collectors.joining(", ", "<", ">"));
	}

	static String of(Type type) {
		if (type instanceof Class<?> type1) {
			if (type1.isArray()) {
				return of(type1.getComponentType()) + "[]";
			}
			Class<?> enclosing = type1.getEnclosingClass();
			return (enclosing != null) ? of(enclosing) + "." + type1.getSimpleName() : type1.getSimpleName();
		}
		if (type instanceof ParameterizedType parameterized) {
			return of(parameterized.getRawType()) + Arrays.stream(parameterized.getActualTypeArguments())
				.map(TypeNames::of)
				.collect(Collectors.joining(", ", "<", ">"));
		}
		if (type instanceof GenericArrayType array) {
			return of(array.getGenericComponentType()) + "[]";
		}
		if (type instanceof WildcardType wildcard) {
			if (wildcard.getLowerBounds().length > 0) {
				return "? super " + of(wildcard.getLowerBounds()[0]);
			}
			Type upper = wildcard.getUpperBounds()[0];
			return (upper == Object.class) ? "?" : "? extends " + of(upper);
		}
		return type.getTypeName();
	}

}
