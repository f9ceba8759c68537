package io.github.hfinference.core;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfRevisionMismatchException;

/**
 * Verifies revision pins against what servers actually served ({@code x-sha}, or an
 * endpoint's {@code /info} {@code model_sha}) and remembers, per model, the last served
 * revision and whether it drifted from the pin.
 * <p>
 * Only commit-sha pins (5 to 40 hex characters, compared as a prefix) can be verified; a
 * branch or tag name cannot be compared with a served commit.
 */
public final class RevisionGuard {

	private static final Log logger = LogFactory.getLog(RevisionGuard.class);

	private static final Pattern SHA = Pattern.compile("[0-9a-fA-F]{5,40}");

	private final Map<String, RevisionState> states = new ConcurrentHashMap<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * Whether a revision is a commit sha that served revisions can be compared with.
	 * @param revision the pinned revision
	 * @return true for 5 to 40 hex characters
	 */
	public static boolean isVerifiable(@Nullable String revision) {
		return revision != null && SHA.matcher(revision).matches();
	}

	/**
	 * Checks a served revision against the model's pin and records it.
	 * @param model the model
	 * @param action what to do on a mismatch
	 * @param target the target that served
	 * @param servedRevision the served revision, or null if the server did not say
	 * @throws HfRevisionMismatchException on a mismatch with {@link RevisionMismatchAction#FAIL}
	 */
	public void check(ModelDefinition model, RevisionMismatchAction action, String target,
			@Nullable String servedRevision) {
		if (servedRevision == null || servedRevision.isBlank()) {
			return;
		}
		String pinned = model.revision();
		boolean drift = isVerifiable(pinned) && !matches(pinned, servedRevision);
		this.states.put(model.alias(), new RevisionState(pinned, servedRevision, drift));
		if (!drift) {
			return;
		}
		if (action == RevisionMismatchAction.FAIL) {
			throw new HfRevisionMismatchException(model.alias(), target, pinned, servedRevision);
		}
		if (this.warned.add(model.alias() + "@" + servedRevision)) {
			logger.warn("Model '" + model.alias() + "' pins revision " + pinned + " but " + target
					+ " served revision " + servedRevision + "; results may differ from the pinned model");
		}
	}

	/**
	 * The last revision state of a model.
	 * @param alias the model alias
	 * @return its state, or null if no response reported a revision yet
	 */
	public @Nullable RevisionState state(String alias) {
		return this.states.get(alias);
	}

	/**
	 * Whether a served revision is the pinned one (prefix comparison of commit shas).
	 * @param pinned the pinned sha
	 * @param served the served sha
	 * @return true if they denote the same commit
	 */
	public static boolean matches(String pinned, String served) {
		return served.toLowerCase(Locale.ROOT).startsWith(pinned.toLowerCase(Locale.ROOT))
				|| pinned.toLowerCase(Locale.ROOT).startsWith(served.toLowerCase(Locale.ROOT));
	}

	/**
	 * A model's last observed revision.
	 *
	 * @param pinned the pinned revision, or null
	 * @param lastServed the last revision a server reported
	 * @param drift whether the last served revision differs from a verifiable pin
	 */
	public record RevisionState(@Nullable String pinned, String lastServed, boolean drift) {

	}

}
