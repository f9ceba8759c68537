package io.github.hfinference.core;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfInvalidRequestException;
import io.github.hfinference.core.task.BinaryInput;

/**
 * The checks every request makes on what it is given before anything is sent: nothing
 * required is null, and an input is not empty (no text, no bytes, no elements; for the
 * input records of {@code core.task}, each component that is not {@code @Nullable}), and
 * no parameter is a number JSON cannot carry (NaN, infinity).
 */
final class Inputs {

	private static final String TASK_PACKAGE = BinaryInput.class.getPackageName();

	/** The record components of a class (none for other classes), read once per class. */
	private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
		@Override
		protected RecordComponent[] computeValue(Class<?> type) {
			return type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
		}
	};

	private Inputs() {
	}

	static <T> T requireNonNull(@Nullable T value, String parameter) {
		if (value == null) {
			throw new HfInvalidRequestException(parameter + " must not be null");
		}
		return value;
	}

	static <T> T requireInput(@Nullable T input, String taskId) {
		String parameter = "input of task '" + taskId + "'";
		requireNonNull(input, parameter);
		requireNotEmpty(input, parameter);
		if (input.getClass().getPackageName().equals(TASK_PACKAGE)) {
			for (RecordComponent component : COMPONENTS.get(input.getClass())) {
				if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
					continue;
				}
				Object value = read(component, input);
				String name = parameter + "." + component.getName();
				requireNotEmpty(requireNonNull(value, name), name);
			}
		}
		return input;
	}

	/**
	 * Checks that no number in a parameters record (or a record inside it) is NaN or
	 * infinite: JSON has no such numbers.
	 */
	static <P> @Nullable P requireFiniteNumbers(@Nullable P parameters, String parameter) {
		if (parameters != null) {
			for (RecordComponent component : COMPONENTS.get(parameters.getClass())) {
				Object value = read(component, parameters);
				String name = parameter + "." + component.getName();
				if ((value instanceof Double number && !Double.isFinite(number))
						|| (value instanceof Float single && !Float.isFinite(single))) {
					throw new HfInvalidRequestException(name + " must be a finite number, got " + value);
				}
				requireFiniteNumbers(value, name);
			}
		}
		return parameters;
	}

	private static @Nullable Object read(RecordComponent component, Object record) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + component, ex);
		}
	}

	private static void requireNotEmpty(Object value, String parameter) {
		boolean empty = (value instanceof CharSequence text && text.isEmpty())
				|| (value instanceof BinaryInput binary && binary.bytes().length == 0)
				|| (value instanceof Collection<?> collection && collection.isEmpty())
				|| (value instanceof Map<?, ?> map && map.isEmpty())
				|| (value.getClass().isArray() && Array.getLength(value) == 0);
		if (empty) {
			throw new HfInvalidRequestException(parameter + " must not be empty");
		}
	}

}
