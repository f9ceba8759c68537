package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.github.hfinference.core.ResiliencePolicy.LoadBalancing;

import static org.assertj.core.api.Assertions.assertThat;

class TargetSelectorTests {

	@Test
	void failoverAlwaysStartsAtTheFirstTarget() {
		TargetSelector selector = TargetSelector.of(LoadBalancing.FAILOVER, List.of(1, 1, 1), new LatencyTracker(3));
		assertThat(starts(selector, 5)).containsOnly(0);
	}

	@Test
	void roundRobinTakesTurns() {
		TargetSelector selector = TargetSelector.of(LoadBalancing.ROUND_ROBIN, List.of(1, 1, 1), new LatencyTracker(3));
		assertThat(starts(selector, 7)).containsExactly(0, 1, 2, 0, 1, 2, 0);
	}

	@Test
	void smoothWeightedInterleavesByWeight() {
		TargetSelector selector = TargetSelector.of(LoadBalancing.WEIGHTED, List.of(3, 1), new LatencyTracker(2));
		assertThat(starts(selector, 8)).containsExactly(0, 0, 1, 0, 0, 0, 1, 0);
		TargetSelector fiveTwoOne = TargetSelector.of(LoadBalancing.WEIGHTED, List.of(5, 2, 1), new LatencyTracker(3));
		List<Integer> counts = count(starts(fiveTwoOne, 800), 3);
		assertThat(counts).containsExactly(500, 200, 100);
	}

	@Test
	void leastLatencyTriesUnsampledTargetsFirstThenTheFastest() {
		LatencyTracker latency = new LatencyTracker(3);
		TargetSelector selector = TargetSelector.of(LoadBalancing.LEAST_LATENCY, List.of(1, 1, 1), latency);
		assertThat(selector.start()).isZero();
		latency.record(0, Duration.ofMillis(80));
		assertThat(selector.start()).isEqualTo(1);
		latency.record(1, Duration.ofMillis(20));
		assertThat(selector.start()).isEqualTo(2);
		latency.record(2, Duration.ofMillis(50));
		assertThat(selector.start()).isEqualTo(1);
		// The fastest slows down: its average rises past the next one's.
		for (int i = 0; i < 5; i++) {
			latency.record(1, Duration.ofMillis(200));
		}
		assertThat(latency.average(1)).isGreaterThan(Duration.ofMillis(50));
		assertThat(selector.start()).isEqualTo(2);
	}

	@Test
	void theMovingAverageWeighsTheNewestSample() {
		LatencyTracker latency = new LatencyTracker(1);
		assertThat(latency.average(0)).isNull();
		latency.record(0, Duration.ofMillis(100));
		latency.record(0, Duration.ofMillis(200));
		assertThat(latency.average(0)).isEqualTo(Duration.ofMillis(130));
	}

	private static List<Integer> starts(TargetSelector selector, int calls) {
		return IntStream.range(0, calls).map((i) -> selector.start()).boxed().toList();
	}

	private static List<Integer> count(List<Integer> starts, int targets) {
		return IntStream.range(0, targets)
			.map((target) -> (int) starts.stream().filter((start) -> start == target).count())
			.boxed()
			.toList();
	}

}
