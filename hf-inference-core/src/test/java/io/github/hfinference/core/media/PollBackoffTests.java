package io.github.hfinference.core.media;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PollBackoffTests {

	@Test
	void doublesUpToTheMaximum() {
		PollBackoff backoff = PollBackoff.DEFAULT;
		assertThat(backoff.delay(0)).isEqualTo(Duration.ofMillis(500));
		assertThat(backoff.delay(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(4));
		assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(5));
		assertThat(backoff.delay(1000)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void rejectsAMaximumBelowTheFirstWait() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PollBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
			.withMessageContaining("first <= max");
	}

}
