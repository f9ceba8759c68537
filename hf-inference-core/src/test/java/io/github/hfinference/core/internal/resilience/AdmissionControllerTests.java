package io.github.hfinference.core.internal.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

import io.github.hfinference.core.ResiliencePolicy.AdmissionSettings;
import io.github.hfinference.core.error.HfAdmissionRejectedException;
import io.github.hfinference.core.error.HfAdmissionRejectedException.Reason;
import io.github.hfinference.core.internal.resilience.AdmissionController.Permit;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionControllerTests {

	private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

	private final RecordingListener listener = new RecordingListener();

	@Test
	void permitsBeyondTheLimitWaitAndAreHandedOverFirstInFirstOut() {
		AdmissionController admission = controller(new AdmissionSettings(2, 0, 10, Duration.ofSeconds(5)));
		List<Request> requests = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			requests.add(new Request(admission));
		}
		assertThat(requests).extracting(Request::admitted).containsExactly(true, true, false, false);
		assertThat(admission.inFlight()).isEqualTo(2);
		assertThat(admission.waiting()).isEqualTo(2);
		requests.get(1).permit().release();
		assertThat(requests).extracting(Request::admitted).containsExactly(true, true, true, false);
		requests.get(0).permit().release();
		assertThat(requests).extracting(Request::admitted).containsOnly(true);
		assertThat(admission.inFlight()).isEqualTo(2);
		assertThat(admission.waiting()).isZero();
	}

	@Test
	void releasingTwiceFreesOnePermit() {
		AdmissionController admission = controller(new AdmissionSettings(1, 0, 10, Duration.ofSeconds(5)));
		Request first = new Request(admission);
		Request second = new Request(admission);
		Request third = new Request(admission);
		first.permit().release();
		first.permit().release();
		assertThat(second.admitted()).isTrue();
		assertThat(third.admitted()).isFalse();
		assertThat(admission.inFlight()).isEqualTo(1);
	}

	@Test
	void aFullQueueRejectsAtOnce() {
		AdmissionController admission = controller(new AdmissionSettings(1, 0, 1, Duration.ofSeconds(5)));
		new Request(admission);
		Request queued = new Request(admission);
		Request rejected = new Request(admission);
		assertThat(queued.failure.get()).isNull();
		assertThat(rejected.failure.get()).isInstanceOfSatisfying(HfAdmissionRejectedException.class, (ex) -> {
			assertThat(ex.getReason()).isEqualTo(Reason.QUEUE_FULL);
			assertThat(ex.getModel()).isEqualTo("m");
			assertThat(ex.getMessage()).contains("maxQueueSize=1", "maxConcurrentCalls=1");
		});
		assertThat(this.listener.events).containsExactly("rejected m QUEUE_FULL");
	}

	@Test
	void aWaitingCallGivesUpAfterTheMaximumQueueWait() {
		AdmissionController admission = controller(new AdmissionSettings(1, 0, 5, Duration.ofSeconds(2)));
		new Request(admission);
		Request waiting = new Request(admission);
		this.clock.advanceTimeBy(Duration.ofMillis(1999));
		assertThat(waiting.failure.get()).isNull();
		this.clock.advanceTimeBy(Duration.ofMillis(1));
		assertThat(waiting.failure.get()).isInstanceOfSatisfying(HfAdmissionRejectedException.class,
				(ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WAIT_EXCEEDED));
		assertThat(admission.waiting()).isZero();
	}

	@Test
	void theRateLimitSpacesCallStarts() {
		AdmissionController admission = controller(new AdmissionSettings(0, 4, 10, Duration.ofSeconds(5)));
		List<Request> requests = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			requests.add(new Request(admission));
		}
		this.clock.advanceTimeBy(Duration.ofSeconds(2));
		assertThat(requests).extracting((request) -> request.admittedAtMillis).containsExactly(0L, 250L, 500L, 750L,
				1000L);
	}

	@Test
	void theRateLimitAdmitsTheFirstCallAtOnceOnAWallClock() {
		// a real scheduler's clock reads epoch nanoseconds: no slot may be computed from before the first start
		this.clock.advanceTimeTo(java.time.Instant.parse("2026-01-01T00:00:00Z"));
		AdmissionController admission = controller(new AdmissionSettings(0, 20, 10, Duration.ofSeconds(5)));
		Request first = new Request(admission);
		Request second = new Request(admission);
		assertThat(first.permit.get()).isNotNull();
		assertThat(first.failure.get()).isNull();
		this.clock.advanceTimeBy(Duration.ofMillis(50));
		assertThat(second.permit.get()).isNotNull();
	}

	@Test
	void theRateLimitRejectsWhenTheSlotIsTooFarOrNobodyMayWait() {
		AdmissionController patient = controller(new AdmissionSettings(0, 1, 10, Duration.ofMillis(1500)));
		new Request(patient);
		new Request(patient);
		Request tooFar = new Request(patient);
		assertThat(tooFar.failure.get()).isInstanceOfSatisfying(HfAdmissionRejectedException.class, (ex) -> {
			assertThat(ex.getReason()).isEqualTo(Reason.WAIT_EXCEEDED);
			assertThat(ex.getMessage()).contains("maxCallsPerSecond=1.0");
		});
		AdmissionController failFast = controller(new AdmissionSettings(0, 1, 0, Duration.ofSeconds(5)));
		new Request(failFast);
		assertThat(new Request(failFast).failure.get()).isInstanceOfSatisfying(HfAdmissionRejectedException.class,
				(ex) -> assertThat(ex.getReason()).isEqualTo(Reason.QUEUE_FULL));
	}

	@Test
	void concurrencyAndRateLimitTogether() {
		AdmissionController admission = controller(new AdmissionSettings(1, 10, 10, Duration.ofSeconds(5)));
		Request first = new Request(admission);
		Request second = new Request(admission);
		this.clock.advanceTimeBy(Duration.ofMillis(50));
		first.permit().release();
		this.clock.advanceTimeBy(Duration.ofMillis(49));
		assertThat(second.admitted()).isFalse();
		this.clock.advanceTimeBy(Duration.ofMillis(1));
		assertThat(second.admittedAtMillis).isEqualTo(100L);
	}

	@Test
	void cancellingLeavesTheQueueAndReleasesAGrantedPermit() {
		AdmissionController admission = controller(new AdmissionSettings(1, 0, 5, Duration.ofSeconds(5)));
		Request running = new Request(admission);
		Request queued = new Request(admission);
		queued.subscription.dispose();
		assertThat(admission.waiting()).isZero();
		running.subscription.dispose();
		assertThat(admission.inFlight()).isEqualTo(1);
		running.permit().release();
		assertThat(admission.inFlight()).isZero();
		Request next = new Request(admission);
		assertThat(next.admitted()).isTrue();
	}

	@Test
	void cancellingWhileWaitingForARateSlotFreesThePermit() {
		AdmissionController admission = controller(new AdmissionSettings(1, 1, 5, Duration.ofSeconds(5)));
		Request first = new Request(admission);
		first.permit().release();
		Request second = new Request(admission);
		assertThat(admission.inFlight()).isEqualTo(1);
		assertThat(admission.waiting()).isEqualTo(1);
		second.subscription.dispose();
		assertThat(admission.inFlight()).isZero();
		assertThat(admission.waiting()).isZero();
	}

	private AdmissionController controller(AdmissionSettings settings) {
		return new AdmissionController("m", settings, this.clock, new ResilienceEvents(List.of(this.listener)));
	}

	/** One subscriber asking for a permit. */
	private final class Request {

		final AtomicReference<Permit> permit = new AtomicReference<>();

		final AtomicReference<Throwable> failure = new AtomicReference<>();

		final Disposable subscription;

		long admittedAtMillis = -1;

		Request(AdmissionController admission) {
			this.subscription = admission.acquire().subscribe((granted) -> {
				this.permit.set(granted);
				this.admittedAtMillis = AdmissionControllerTests.this.clock.now(TimeUnit.MILLISECONDS);
			}, this.failure::set);
		}

		boolean admitted() {
			return this.permit.get() != null;
		}

		Permit permit() {
			return this.permit.get();
		}

	}

}
