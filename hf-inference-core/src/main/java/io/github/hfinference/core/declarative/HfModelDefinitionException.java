package io.github.hfinference.core.declarative;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.hfinference.core.error.HfConfigurationException;

/**
 * An {@link HfModel @HfModel} interface or one of its methods cannot be used: the message
 * names the interface, the method (and parameter, where relevant) and what is wrong.
 */
public class HfModelDefinitionException extends HfConfigurationException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a complete message.
	 * @param message the message
	 */
	public HfModelDefinitionException(String message) {
		super(message);
	}

	/**
	 * A problem with an interface as a whole.
	 * @param type the interface
	 * @param problem what is wrong
	 * @return the exception
	 */
	public static HfModelDefinitionException forInterface(Class<?> type, String problem) {
		return new HfModelDefinitionException("HfModel interface " + type.getName() + " " + problem);
	}

	/**
	 * A problem with one method.
	 * @param type the interface
	 * @param method the method
	 * @param problem what is wrong
	 * @return the exception
	 */
	public static HfModelDefinitionException forMethod(Class<?> type, Method method, String problem) {
		return new HfModelDefinitionException(location(type, method) + ": " + problem);
	}

	/**
	 * A problem with one parameter of a method.
	 * @param type the interface
	 * @param method the method
	 * @param index the parameter's index (0-based; messages count from 1)
	 * @param problem what is wrong
	 * @return the exception
	 */
	public static HfModelDefinitionException forParameter(Class<?> type, Method method, int index, String problem) {
		return forMethod(type, method, "parameter #" + (index + 1) + " ("
				+ TypeNames.of(method.getGenericParameterTypes()[index]) + ") " + problem);
	}

	/**
	 * How messages name a method: {@code HfModel interface com.example.Chat, method ask(String)}.
	 * @param type the interface
	 * @param method the method
	 * @return the description
	 */
	static String location(Class<?> type, Method method) {
		return "HfModel interface " + type.getName() + ", method " + method.getName() + Arrays
			.stream(method.getGenericParameterTypes())
			.map(TypeNames::of)
			.collect(Collectors.joining(", ", "(", ")"));
	}

}
