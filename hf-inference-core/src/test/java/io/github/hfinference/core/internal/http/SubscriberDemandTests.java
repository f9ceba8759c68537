package io.github.hfinference.core.internal.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SubscriberDemand}'s timers share one armed task per stream: a wait that replaced
 * an earlier one fires its own time after it started (the task fired for the earlier
 * deadline re-arms itself), never earlier, and only once the subscriber is waiting. Only
 * lower bounds on time are asserted.
 */
class SubscriberDemandTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@Test
	void waitReplacingAnEarlierOneFiresItsOwnTimeAfterItStarted() {
		SubscriberDemand demand = new SubscriberDemand();
		demand.requested(1);
		AtomicBoolean firstFired = new AtomicBoolean();
		Disposable first = demand.timer(Duration.ofMillis(200)).subscribe((tick) -> firstFired.set(true));
		AtomicLong secondStarted = new AtomicLong();
		Mono<Long> second = Mono.delay(Duration.ofMillis(100)).then(Mono.defer(() -> {
			first.dispose();
			secondStarted.set(System.nanoTime());
			return demand.timer(Duration.ofMillis(200));
		}));

		StepVerifier.create(second).expectNext(0L).expectComplete().verify(WAIT);

		assertThat(Duration.ofNanos(System.nanoTime() - secondStarted.get())).isGreaterThanOrEqualTo(Duration.ofMillis(199));
		assertThat(firstFired).isFalse();
		demand.dispose();
	}

	@Test
	void manyWaitsInARowFireOnlyAfterTheLastOneRanOut() {
		SubscriberDemand demand = new SubscriberDemand();
		demand.requested(Long.MAX_VALUE);
		Mono<Long> chain = Mono.empty();
		AtomicLong lastStarted = new AtomicLong();
		AtomicBoolean earlierFired = new AtomicBoolean();
		for (int i = 0; i < 5; i++) {
			chain = chain.then(Mono.defer(() -> {
				Disposable earlier = demand.timer(Duration.ofMillis(150)).subscribe((tick) -> earlierFired.set(true));
				return Mono.delay(Duration.ofMillis(50)).doOnNext((tick) -> earlier.dispose());
			}));
		}
		Mono<Long> last = chain.then(Mono.defer(() -> {
			lastStarted.set(System.nanoTime());
			return demand.timer(Duration.ofMillis(150));
		}));

		StepVerifier.create(last).expectNext(0L).expectComplete().verify(WAIT);

		assertThat(Duration.ofNanos(System.nanoTime() - lastStarted.get())).isGreaterThanOrEqualTo(Duration.ofMillis(149));
		assertThat(earlierFired).isFalse();
		demand.dispose();
	}

	@Test
	void timerStartsOnlyOnceTheSubscriberRequests() {
		SubscriberDemand demand = new SubscriberDemand();
		AtomicLong requestedAt = new AtomicLong();
		Mono<Long> timer = demand.timer(Duration.ofMillis(100));
		Mono<Long> requestLater = Mono.delay(Duration.ofMillis(150)).doOnNext((tick) -> {
			requestedAt.set(System.nanoTime());
			demand.requested(1);
		}).then(Mono.empty());

		StepVerifier.create(Mono.firstWithValue(timer, requestLater)).expectNext(0L).expectComplete().verify(WAIT);

		assertThat(Duration.ofNanos(System.nanoTime() - requestedAt.get())).isGreaterThanOrEqualTo(Duration.ofMillis(99));
		demand.dispose();
	}

	@Test
	void noTimeoutNeverFires() {
		StepVerifier.create(new SubscriberDemand().timer(null)).expectSubscription().thenCancel().verify(WAIT);
	}

}
