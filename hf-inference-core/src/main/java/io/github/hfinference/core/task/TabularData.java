package io.github.hfinference.core.task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.hfinference.core.error.HfInvalidRequestException;

/**
 * Rows to classify or regress, given by column: each column name maps to its values,
 * one per row, all as strings (as the tabular pipelines expect). Sent as
 * {@code {"inputs": {"data": {column: [values]}}}}.
 *
 * @param data the columns in order, each holding one value per row
 */
public record TabularData(Map<String, List<String>> data) {

	public TabularData {
		Required.nonNull(data, "data");
		Map<String, List<String>> copy = new LinkedHashMap<>();
		int rows = -1;
		for (Map.Entry<String, List<String>> column : data.entrySet()) {
			List<String> values = List.copyOf(column.getValue());
			if (rows >= 0 && values.size() != rows) {
				throw new HfInvalidRequestException("Column '" + column.getKey() + "' has " + values.size()
						+ " values but the previous columns have " + rows);
			}
			rows = values.size();
			copy.put(column.getKey(), values);
		}
		data = Collections.unmodifiableMap(copy);
	}

	/** The number of rows. */
	public int rows() {
		return this.data.isEmpty() ? 0 : this.data.values().iterator().next().size();
	}

}
