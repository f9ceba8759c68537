package io.github.hfinference.benchmarks;

/**
 * The outcome of one closed-loop load run.
 *
 * @param client which client was measured
 * @param task the task
 * @param concurrency the number of concurrent callers
 * @param calls completed calls in the measured window
 * @param errors failed calls in the measured window
 * @param seconds length of the measured window
 * @param p50Micros median latency in microseconds
 * @param p99Micros 99th percentile latency in microseconds
 * @param cpuMicrosPerCall CPU time the client's process spent per completed call in the
 * window (the stub runs in another process), or NaN when not measured
 */
public record LoadResult(String client, String task, int concurrency, long calls, long errors, double seconds,
		double p50Micros, double p99Micros, double cpuMicrosPerCall) {

	/** Calls per second. */
	public double throughput() {
		return this.calls / this.seconds;
	}

}
