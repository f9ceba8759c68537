package io.github.hfinference.core.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Finds the access token the way the official Hugging Face clients do: an explicitly
 * configured value, then {@code HF_TOKEN}, then {@code HUGGING_FACE_HUB_TOKEN}, then the
 * file at {@code HF_TOKEN_PATH}, then {@code $HF_HOME/token}, then
 * {@code ~/.cache/huggingface/token} ({@code $XDG_CACHE_HOME/huggingface/token} when set).
 */
public final class TokenResolver {

	private final Function<String, @Nullable String> environment;

	private final Path userHome;

	/**
	 * Creates a resolver reading the given environment and home directory (tests pass their own).
	 * @param environment looks up environment variables
	 * @param userHome the user's home directory
	 */
	public TokenResolver(Function<String, @Nullable String> environment, Path userHome) {
		this.environment = environment;
		this.userHome = userHome;
	}

	/** A resolver reading the process environment and {@code user.home}. */
	public static TokenResolver fromSystem() {
		return new TokenResolver(System::getenv, Path.of(System.getProperty("user.home")));
	}

	/**
	 * A resolver reading the given map instead of the environment.
	 * @param environment environment variables
	 * @param userHome home directory
	 * @return the resolver
	 */
	public static TokenResolver from(Map<String, String> environment, Path userHome) {
		return new TokenResolver(environment::get, userHome);
	}

	/**
	 * Resolves the token.
	 * @param configured an explicitly configured token, or null
	 * @param configuredSource how to name the configured source in messages
	 * @return the token, or empty if none is configured anywhere
	 */
	public Optional<HfToken> resolve(@Nullable String configured, String configuredSource) {
		if (configured != null) {
			return Optional.of(HfToken.of(configured, configuredSource));
		}
		for (String variable : new String[] { "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN" }) {
			String value = this.environment.apply(variable);
			if (value != null && !value.isBlank()) {
				return Optional.of(HfToken.of(value, "environment variable " + variable));
			}
		}
		return readFile(tokenPath());
	}

	private Path tokenPath() {
		String tokenPath = this.environment.apply("HF_TOKEN_PATH");
		if (tokenPath != null && !tokenPath.isBlank()) {
			return Path.of(tokenPath);
		}
		String hfHome = this.environment.apply("HF_HOME");
		if (hfHome != null && !hfHome.isBlank()) {
			return Path.of(hfHome, "token");
		}
		String xdgCache = this.environment.apply("XDG_CACHE_HOME");
		Path cache = (xdgCache != null && !xdgCache.isBlank()) ? Path.of(xdgCache) : this.userHome.resolve(".cache");
		return cache.resolve("huggingface").resolve("token");
	}

	private static Optional<HfToken> readFile(Path path) {
		if (!Files.isRegularFile(path)) {
			return Optional.empty();
		}
		try {
			String content = Files.readString(path, StandardCharsets.UTF_8).strip();
			return content.isEmpty() ? Optional.empty() : Optional.of(HfToken.of(content, "token file " + path));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token file " + path, ex);
		}
	}

}
