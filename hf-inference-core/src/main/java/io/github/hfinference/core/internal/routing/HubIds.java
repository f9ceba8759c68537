package io.github.hfinference.core.internal.routing;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfInvalidRequestException;

/**
 * The one validator of what goes into a URL path: Hugging Face model ids, revisions,
 * provider names and single path segments, following the Hub's own rules. Every check
 * fails with {@link HfInvalidRequestException} naming the parameter and quoting the value
 * with control characters escaped ({@link #quote(String)}).
 */
public final class HubIds {

	/** The Hub's limit on an organisation or repository name. */
	public static final int MAX_NAME_LENGTH = 96;

	/** Longest accepted revision (a git ref name). */
	public static final int MAX_REVISION_LENGTH = 255;

	/** Longest accepted provider name. */
	public static final int MAX_PROVIDER_LENGTH = 64;

	private static final int MAX_QUOTED = 120;

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

	private static final Pattern REVISION = Pattern
		.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

	private static final Pattern PROVIDER = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private HubIds() {
	}

	/**
	 * What is wrong with a model id ({@code name} or {@code org/name}, each part
	 * {@code [A-Za-z0-9][A-Za-z0-9._-]*} of at most {@value #MAX_NAME_LENGTH} characters,
	 * no {@code ..}).
	 * @param id the id
	 * @return the problem, or null when the id is well formed
	 */
	public static @Nullable String modelIdProblem(@Nullable String id) {
		if (id == null || id.isEmpty()) {
			return "missing model id; expected org/name";
		}
		String[] parts = id.split("/", -1);
		boolean valid = parts.length <= 2 && !id.contains("..");
		for (String part : parts) {
			valid &= part.length() <= MAX_NAME_LENGTH && NAME.matcher(part).matches();
		}
		return valid ? null : "malformed model id " + quote(id) + "; expected name or org/name, each part "
				+ "[A-Za-z0-9][A-Za-z0-9._-]* of at most " + MAX_NAME_LENGTH + " characters, without '..'";
	}

	/**
	 * What is wrong with a revision: a branch or tag name (letters, digits, {@code . _ -},
	 * {@code /} between non-empty parts, no {@code ..}) or a commit sha.
	 * @param revision the revision
	 * @return the problem, or null when the revision is well formed
	 */
	public static @Nullable String revisionProblem(@Nullable String revision) {
		if (revision == null || revision.isEmpty()) {
			return "missing revision";
		}
		boolean valid = revision.length() <= MAX_REVISION_LENGTH && !revision.contains("..")
				&& REVISION.matcher(revision).matches();
		return valid ? null : "malformed revision " + quote(revision) + "; expected a commit sha (40 hex characters) "
				+ "or a branch or tag name";
	}

	/**
	 * What is wrong with a provider name ({@code [a-z0-9][a-z0-9-]*}, optionally followed
	 * by {@code :policy} of the same form); syntax only, whether the router knows the
	 * provider is decided elsewhere.
	 * @param provider the provider name
	 * @return the problem, or null when the name is well formed
	 */
	public static @Nullable String providerProblem(@Nullable String provider) {
		if (provider == null || provider.isEmpty()) {
			return "missing provider name";
		}
		String[] parts = provider.split(":", -1);
		boolean valid = parts.length <= 2 && provider.length() <= MAX_PROVIDER_LENGTH;
		for (String part : parts) {
			valid &= PROVIDER.matcher(part).matches();
		}
		return valid ? null : "malformed provider name " + quote(provider) + "; expected lowercase letters, digits "
				+ "and '-' (with an optional ':policy')";
	}

	/**
	 * Checks a model id.
	 * @param id the id
	 * @param parameter what the id is, for the message
	 * @return the id
	 * @throws HfInvalidRequestException if it is malformed
	 */
	public static String requireModelId(@Nullable String id, String parameter) {
		return require(id, parameter, modelIdProblem(id));
	}

	/**
	 * Checks a revision.
	 * @param revision the revision
	 * @param parameter what the revision is, for the message
	 * @return the revision
	 * @throws HfInvalidRequestException if it is malformed
	 */
	public static String requireRevision(@Nullable String revision, String parameter) {
		return require(revision, parameter, revisionProblem(revision));
	}

	/**
	 * Checks a provider name.
	 * @param provider the provider name
	 * @param parameter what the name is, for the message
	 * @return the name
	 * @throws HfInvalidRequestException if it is malformed
	 */
	public static String requireProvider(@Nullable String provider, String parameter) {
		return require(provider, parameter, providerProblem(provider));
	}

	/**
	 * The model id's path segments, checked ({@code org/name} gives two), for a URI builder's
	 * {@code pathSegment(...)}.
	 * @param id the model id
	 * @return its segments
	 * @throws HfInvalidRequestException if the id is malformed
	 */
	public static String[] segments(String id) {
		return requireModelId(id, "model id").split("/");
	}

	/**
	 * A value quoted for a message or a log line: in single quotes, CR, LF and tab as
	 * {@code \r}, {@code \n}, {@code \t}, every other control, line-separator or lone
	 * surrogate character as {@code \}{@code uXXXX}, cut after 120 characters.
	 * @param value the value, or null
	 * @return the quoted value ({@code null} unquoted for null)
	 */
	public static String quote(@Nullable String value) {
		if (value == null) {
			return "null";
		}
		StringBuilder quoted = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 8).append('\'');
		int end = Math.min(value.length(), MAX_QUOTED);
		for (int i = 0; i < end; i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\r' -> quoted.append("\\r");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				case '\\' -> quoted.append("\\\\");
				default -> {
					boolean paired = (Character.isHighSurrogate(c) && i + 1 < end
							&& Character.isLowSurrogate(value.charAt(i + 1)))
							|| (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(value.charAt(i - 1)));
					boolean loneSurrogate = Character.isSurrogate(c) && !paired;
					if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || loneSurrogate) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		quoted.append('\'');
		if (value.length() > MAX_QUOTED) {
			quoted.append("... (").append(value.length()).append(" characters)");
		}
		return quoted.toString();
	}

	private static String require(@Nullable String value, String parameter, @Nullable String problem) {
		if (problem != null) {
			throw new HfInvalidRequestException(parameter + ": " + problem);
		}
		return value;
	}

}
