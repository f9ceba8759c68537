package io.github.hfinference.core.internal.http;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transport's timer: timeouts fire, cancelled ones never do, and what a timer runs
 * never runs on the tick thread.
 */
class WheelTimerTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void aTimeoutOnTheTimerFailsTheCallOffTheTickThread() {
		AtomicReference<String> thread = new AtomicReference<>();

		StepVerifier.create(Mono.never().timeout(Duration.ofMillis(30), WheelTimer.INSTANCE)
			.doOnError((ex) -> thread.set(Thread.currentThread().getName())))
			.expectError(TimeoutException.class)
			.verify(WAIT);

		assertThat(thread.get()).startsWith("parallel-").doesNotContain("hf-inference-timer");
	}

	@Test
	void aCancelledTimerNeverRuns() throws InterruptedException {
		AtomicBoolean cancelledRan = new AtomicBoolean();
		CountDownLatch laterRan = new CountDownLatch(1);

		Disposable cancelled = WheelTimer.INSTANCE.schedule(() -> cancelledRan.set(true), 20, TimeUnit.MILLISECONDS);
		cancelled.dispose();
		// timers fire in deadline order: once the later one ran, the cancelled one would have
		WheelTimer.INSTANCE.schedule(laterRan::countDown, 80, TimeUnit.MILLISECONDS);

		assertThat(cancelled.isDisposed()).isTrue();
		assertThat(laterRan.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
		assertThat(cancelledRan).isFalse();
	}

	@Test
	void aValueBeforeTheTimeoutCancelsIt() {
		StepVerifier.create(Mono.just("answer").timeout(Duration.ofMillis(30), WheelTimer.INSTANCE))
			.expectNext("answer")
			.expectComplete()
			.verify(WAIT);
	}

}
