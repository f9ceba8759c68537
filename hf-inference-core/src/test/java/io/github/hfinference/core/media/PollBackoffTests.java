package io.github.hfinference.core.media;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PollBackoffTests {

	@Test
	void doublesUpToTheMaximumWithoutEnd() {
		BackOffExecution waits = PollBackoff.DEFAULT.toBackOff().start();
		List<Long> millis = Stream.generate(waits::nextBackOff).limit(8).toList();
		assertThat(millis).containsExactly(500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L, 5000L);
	}

	@Test
	void eachJobStartsAtTheFirstWait() {
		BackOff backOff = new PollBackoff(Duration.ofMillis(10), Duration.ofMillis(50)).toBackOff();
		BackOffExecution first = backOff.start();
		first.nextBackOff();
		first.nextBackOff();
		assertThat(backOff.start().nextBackOff()).isEqualTo(10L);
	}

	@Test
	void rejectsAMaximumBelowTheFirstWait() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PollBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.withMessageContaining("first <= max");
	}

}
