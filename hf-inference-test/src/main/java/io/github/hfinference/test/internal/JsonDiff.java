package io.github.hfinference.test.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * The differences between two JSON trees, one line per differing path
 * ({@code /parameters/top_k: expected 3, was 5}).
 */
public final class JsonDiff {

	private JsonDiff() {
	}

	/**
	 * Compares two trees completely.
	 * @param expected the expected tree
	 * @param actual the actual tree
	 * @return the differences, empty if the trees are equal
	 */
	public static List<String> diff(JsonNode expected, JsonNode actual) {
		List<String> differences = new ArrayList<>();
		compare("", expected, actual, false, differences);
		return differences;
	}

	/**
	 * Compares the fields of {@code expected} only: extra object fields of {@code actual}
	 * are ignored (arrays and values must be equal).
	 * @param expected the expected fields
	 * @param actual the actual tree
	 * @return the differences, empty if every expected field matches
	 */
	public static List<String> missing(JsonNode expected, JsonNode actual) {
		List<String> differences = new ArrayList<>();
		compare("", expected, actual, true, differences);
		return differences;
	}

	private static void compare(String path, JsonNode expected, JsonNode actual, boolean lenient,
			List<String> differences) {
		if (expected.isObject() && actual.isObject()) {
			Set<String> names = new TreeSet<>();
			expected.propertyNames().forEach(names::add);
			if (!lenient) {
				actual.propertyNames().forEach(names::add);
			}
			for (String name : names) {
				JsonNode left = expected.get(name);
				JsonNode right = actual.get(name);
				if (left == null) {
					differences.add(path + "/" + name + ": unexpected " + right);
				}
				else if (right == null) {
					differences.add(path + "/" + name + ": expected " + left + ", missing");
				}
				else {
					compare(path + "/" + name, left, right, lenient, differences);
				}
			}
			return;
		}
		if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
			for (int i = 0; i < expected.size(); i++) {
				compare(path + "/" + i, expected.get(i), actual.get(i), lenient, differences);
			}
			return;
		}
		if (!equal(expected, actual)) {
			differences.add(((path.isEmpty()) ? "/" : path) + ": expected " + expected + ", was " + actual);
		}
	}

	private static boolean equal(JsonNode expected, JsonNode actual) {
		if (expected.isNumber() && actual.isNumber()) {
			return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
		}
		return expected.equals(actual);
	}

}
