package io.github.hfinference.core.fleet;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * What the instances of one application share about the calls they make with one
 * account: quota, pauses a server asked for, and the circuits of targets. The client
 * consults it around every attempt; {@link #LOCAL}, the default, shares nothing and leaves
 * every call exactly as it would be without it.
 * <p>
 * Implementations must never fail or stall a call because the shared store is
 * unreachable or slow: they fall back to what this JVM knows (or, if so configured, fail
 * the call with a typed error at once).
 */
public interface FleetCoordination {

	/** Nothing shared: each JVM keeps its own limits and circuits. */
	FleetCoordination LOCAL = new FleetCoordination() {
	};

	/**
	 * Wraps one attempt before it is sent. The wrapper may delay it (a shared quota, a pause
	 * a server asked for), fail it without sending it
	 * ({@link io.github.hfinference.core.error.HfRateLimitException} while the target is
	 * paused, {@link io.github.hfinference.core.error.HfAdmissionRejectedException} when the
	 * quota would make it wait too long), and learn from its outcome (tokens used, a 429's
	 * reset time, a loading model's {@code estimated_time}). A failure raised before
	 * {@code call} is subscribed means the attempt was never sent: it does not count
	 * against the target's circuit.
	 * @param <T> the element type: an {@link io.github.hfinference.core.InferenceResponse}
	 * for a plain call, a chunk for a stream
	 * @param attempt the attempt
	 * @param call the attempt itself, not subscribed yet
	 * @return the attempt as it should run
	 */
	default <T> Publisher<T> around(FleetAttempt attempt, Publisher<T> call) {
		return call;
	}

	/**
	 * A target's circuit opened in this JVM after its own failures.
	 * @param model the model alias
	 * @param target the target
	 * @param openFor how long it stays open
	 */
	default void circuitOpened(String model, String target, Duration openFor) {
	}

	/**
	 * A target's circuit closed in this JVM after a successful trial call.
	 * @param model the model alias
	 * @param target the target
	 */
	default void circuitClosed(String model, String target) {
	}

	/**
	 * How much longer another instance holds a target's circuit open. Called on every
	 * attempt through a closed circuit: must answer from memory, without I/O.
	 * @param model the model alias
	 * @param target the target
	 * @return the time left, {@link Duration#ZERO} if no other instance holds it open
	 */
	default Duration openElsewhere(String model, String target) {
		return Duration.ZERO;
	}

	/**
	 * Claims the one trial call of a half-open circuit for this instance, so that only one
	 * instance of the fleet probes a target that was down.
	 * @param model the model alias
	 * @param target the target
	 * @param hold how long the claim holds if this instance never reports back
	 * @return whether this instance may send the trial call
	 */
	default Mono<Boolean> claimTrial(String model, String target, Duration hold) {
		return Mono.just(true);
	}

	/**
	 * One attempt of a call as the fleet sees it: whose quota it spends, where it goes and how
	 * many tokens it may use. Never carries the token itself.
	 *
	 * @param account the account the call is billed to: {@code org:<name>} for a
	 * {@code bill-to} organisation, {@code token:<SHA-256 of the token, hex>} otherwise, or
	 * {@code anonymous} without a token
	 * @param model the model alias
	 * @param modelId the Hugging Face model id, or null for an endpoint-only model
	 * @param target the target's name (the provider behind the router, or an endpoint's name)
	 * @param task the task id ({@code chat-completion}, {@code feature-extraction}, ...)
	 * @param reservedTokens for chat, the tokens the call may use ({@code max_tokens} plus an
	 * estimate of the prompt), reserved before it is sent; 0 otherwise
	 * @param timeout the time allowed for the attempt, or null for none: a wait before
	 * sending should not exceed it
	 */
	public record FleetAttempt(String account, String model, @Nullable String modelId, String target, String task,
			long reservedTokens, @Nullable Duration timeout) {

		public FleetAttempt {
			Objects.requireNonNull(account, "account");
			Objects.requireNonNull(model, "model");
			Objects.requireNonNull(target, "target");
			Objects.requireNonNull(task, "task");
		}

	}

}
