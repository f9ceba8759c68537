package io.github.hfinference.core.internal.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StreamWatchdog} runs a stream's timeouts on one timer task: it expires only once
 * the time ran out since the last event, only while the subscriber waits, and after the
 * end marker whatever the demand. Only lower bounds on time are asserted.
 */
class StreamWatchdogTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final SseEvent DATA = event("data: {}\n\n");

	private static final SseEvent DONE = event("data: [DONE]\n\n");

	@Test
	void eventsKeepTheStreamAliveAndTheTimeoutCountsFromTheLastOne() {
		StreamProgress progress = new StreamProgress();
		StreamWatchdog watchdog = new StreamWatchdog(Duration.ofMillis(150), Duration.ofMillis(150),
				Duration.ofSeconds(1), progress);
		AtomicLong lastEvent = new AtomicLong();
		watchdog.requested(Long.MAX_VALUE);
		// five events 50 ms apart: each one comes before the 150 ms ran out
		Mono<Boolean> expiry = Flux.interval(Duration.ofMillis(50)).take(5).doOnNext((tick) -> {
			lastEvent.set(System.nanoTime());
			event(progress, watchdog, DATA);
		}).then(watchdog.expired());

		StepVerifier.create(expiry).expectNext(true).expectComplete().verify(WAIT);

		assertThat(Duration.ofNanos(System.nanoTime() - lastEvent.get())).isGreaterThanOrEqualTo(Duration.ofMillis(149));
		assertThat(watchdog.timedOut()).isTrue();
		watchdog.dispose();
	}

	@Test
	void theTimeoutStartsOnlyOnceTheSubscriberRequests() {
		StreamProgress progress = new StreamProgress();
		StreamWatchdog watchdog = new StreamWatchdog(Duration.ofMillis(100), Duration.ofMillis(100),
				Duration.ofSeconds(1), progress);
		AtomicLong requestedAt = new AtomicLong();
		Mono<Boolean> requestLater = Mono.delay(Duration.ofMillis(150)).doOnNext((tick) -> {
			requestedAt.set(System.nanoTime());
			watchdog.requested(1);
		}).then(Mono.empty());

		StepVerifier.create(Mono.firstWithValue(watchdog.expired(), requestLater))
			.expectNext(true)
			.expectComplete()
			.verify(WAIT);

		assertThat(Duration.ofNanos(System.nanoTime() - requestedAt.get())).isGreaterThanOrEqualTo(Duration.ofMillis(99));
		watchdog.dispose();
	}

	@Test
	void afterTheEndMarkerTheDrainIsBoundedWithoutDemandAndIsNoTimeout() {
		StreamProgress progress = new StreamProgress();
		StreamWatchdog watchdog = new StreamWatchdog(null, null, Duration.ofMillis(100), progress);
		long ended = System.nanoTime();
		event(progress, watchdog, DONE);

		StepVerifier.create(watchdog.expired()).expectNext(true).expectComplete().verify(WAIT);

		assertThat(Duration.ofNanos(System.nanoTime() - ended)).isGreaterThanOrEqualTo(Duration.ofMillis(99));
		assertThat(watchdog.timedOut()).isFalse();
		watchdog.dispose();
	}

	@Test
	void withoutTimeoutsNothingExpiresBeforeTheEnd() {
		StreamProgress progress = new StreamProgress();
		StreamWatchdog watchdog = new StreamWatchdog(null, null, Duration.ofSeconds(1), progress);
		watchdog.requested(1);
		event(progress, watchdog, DATA);

		assertThat(watchdog.timesEvents()).isFalse();
		StepVerifier.create(watchdog.expired()).expectSubscription().thenCancel().verify(WAIT);
		watchdog.dispose();
	}

	private static SseEvent event(String text) {
		return SseEventDecoder
			.events(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8))), 1024)
			.blockFirst(WAIT);
	}

	private static void event(StreamProgress progress, StreamWatchdog watchdog, SseEvent event) {
		progress.observe(event, (candidate) -> candidate.dataIs("[DONE]".getBytes(StandardCharsets.UTF_8)));
		watchdog.observed();
	}

}
