package io.github.hfinference.core.task;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfInvalidRequestException;

/** The checks of the input records' components: typed errors naming the component. */
final class Required {

	private Required() {
	}

	static <T> T nonNull(@Nullable T value, String parameter) {
		if (value == null) {
			throw new HfInvalidRequestException(parameter + " must not be null");
		}
		return value;
	}

	/** An immutable copy of a list that is there and holds no null. */
	static <T> List<T> list(@Nullable List<T> values, String parameter) {
		if (nonNull(values, parameter).stream().anyMatch(Objects::isNull)) {
			throw new HfInvalidRequestException(parameter + " must not contain null");
		}
		return List.copyOf(values);
	}

}
