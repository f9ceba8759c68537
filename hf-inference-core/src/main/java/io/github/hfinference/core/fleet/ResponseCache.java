package io.github.hfinference.core.fleet;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Answers of idempotent calls kept for reuse, possibly by other instances. The client
 * asks {@link #caches(String, String)} first; for a cached model and task it looks the
 * request up by a key made of the model id, the revision last served, the task and the
 * SHA-256 of the request body (input and parameters), and stores the successful answer of
 * a miss under the revision that served it. Errors are never stored; streams are never
 * cached. {@link #NONE}, the default, caches nothing.
 */
public interface ResponseCache {

	/** Caches nothing. */
	ResponseCache NONE = new ResponseCache() {

		@Override
		public boolean caches(String model, String task) {
			return false;
		}

		@Override
		public Mono<Entry> get(String model, String key) {
			return Mono.empty();
		}

		@Override
		public void put(String model, String key, Entry entry) {
		}

	};

	/**
	 * Whether a model's answers to a task are cached.
	 * @param model the model alias
	 * @param task the task id
	 * @return true to look calls up and store their answers
	 */
	boolean caches(String model, String task);

	/**
	 * Looks an answer up; must never fail the call (a cache that cannot answer answers empty).
	 * @param model the model alias
	 * @param key the request's key
	 * @return the answer, or empty
	 */
	Mono<Entry> get(String model, String key);

	/**
	 * Stores a successful answer; must not block.
	 * @param model the model alias
	 * @param key the request's key
	 * @param entry the answer
	 */
	void put(String model, String key, Entry entry);

	/**
	 * The revision a model served last, as recorded by any instance: lets an instance that
	 * has not called the model yet find the answers stored under it.
	 * @param model the model alias
	 * @return the revision, or empty if unknown
	 */
	default Mono<String> servedRevision(String model) {
		return Mono.empty();
	}

	/**
	 * Records the revision a model served.
	 * @param model the model alias
	 * @param revision the revision ({@code x-sha})
	 */
	default void servedRevision(String model, String revision) {
	}

	/**
	 * A stored answer: the response body as the server sent it, decoded again on a hit.
	 *
	 * @param body the response body
	 * @param contentType its content type, or null
	 * @param target the target that served it
	 * @param servedRevision the revision that served it, or null
	 * @param storedAt when it was stored
	 */
	record Entry(byte[] body, @Nullable String contentType, String target, @Nullable String servedRevision,
			Instant storedAt) implements Serializable {

		public Entry {
			Objects.requireNonNull(body, "body");
			Objects.requireNonNull(target, "target");
			Objects.requireNonNull(storedAt, "storedAt");
		}

	}

}
