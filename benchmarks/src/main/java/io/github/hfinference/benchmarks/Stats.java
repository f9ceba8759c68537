package io.github.hfinference.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The median and range of repeated measurements, as every benchmark here reports them. */
final class Stats {

	private Stats() {
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

	static double median(List<Double> values) {
		return median(values.stream().mapToDouble(Double::doubleValue).toArray());
	}

	/** {@code median [min – max]}, each value in the given format. */
	static String spread(double[] values, String format) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return String.format(Locale.ROOT, format + " [" + format + " – " + format + "]", median(sorted), sorted[0],
				sorted[sorted.length - 1]);
	}

	static String spread(List<Double> values, String format) {
		return spread(values.stream().mapToDouble(Double::doubleValue).toArray(), format);
	}

}
