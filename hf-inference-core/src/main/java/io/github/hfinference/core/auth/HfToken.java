package io.github.hfinference.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import io.github.hfinference.core.error.HfConfigurationException;

/**
 * An access token: a Hugging Face {@code hf_} token or a third-party provider key.
 * <p>
 * The value is a secret: {@link #toString()} masks it, and it is only reachable through
 * {@link #authorizationHeader()}, which the HTTP layer uses for hosts allowed to receive it.
 */
public final class HfToken {

	private static final String HF_PREFIX = "hf_";

	private static final String LEGACY_ORG_PREFIX = "api_org_";

	private final String value;

	private final String source;

	private HfToken(String value, String source) {
		this.value = value;
		this.source = source;
	}

	/**
	 * Creates a token, rejecting blank values and legacy {@code api_org_} organisation tokens.
	 * @param value the token
	 * @param source where the token came from (a property name, an environment variable
	 * or a file), used in error messages instead of the value
	 * @return the token
	 * @throws HfConfigurationException if the value cannot be a valid token
	 */
	public static HfToken of(String value, String source) {
		Objects.requireNonNull(source, "source");
		if (value == null || value.isBlank()) {
			throw new HfConfigurationException("The access token from " + source + " is empty");
		}
		String trimmed = value.strip();
		if (trimmed.startsWith(LEGACY_ORG_PREFIX)) {
			throw new HfConfigurationException("The access token from " + source
					+ " is a legacy organisation API token (api_org_...), which Hugging Face no longer accepts; "
					+ "create a fine-grained user token with the 'Make calls to Inference Providers' permission");
		}
		if (trimmed.chars().anyMatch(Character::isWhitespace)) {
			throw new HfConfigurationException("The access token from " + source + " contains white space");
		}
		return new HfToken(trimmed, source);
	}

	/** Whether this is a Hugging Face token ({@code hf_...}) rather than a provider's own key. */
	public boolean isHuggingFaceToken() {
		return this.value.startsWith(HF_PREFIX);
	}

	/** Where the token was read from (a property, environment variable or file), never the value. */
	public String source() {
		return this.source;
	}

	/** The {@code Authorization} header value ({@code Bearer <token>}). */
	public String authorizationHeader() {
		return "Bearer " + this.value;
	}

	/**
	 * The token's SHA-256 in lower-case hex: names the account in shared state (a fleet's
	 * quota keys) without revealing the token.
	 * @return the fingerprint
	 */
	public String fingerprint() {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/**
	 * Whether the given text contains this token; used to keep it out of messages.
	 * @param text any text
	 * @return true if the secret appears in it
	 */
	public boolean appearsIn(String text) {
		return text != null && text.contains(this.value);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof HfToken token && token.value.equals(this.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return "HfToken[" + (isHuggingFaceToken() ? "hf_" : "") + "****, from " + this.source + "]";
	}

}
