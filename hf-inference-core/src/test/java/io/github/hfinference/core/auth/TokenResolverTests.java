package io.github.hfinference.core.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.hfinference.core.error.HfConfigurationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The token lookup order of the official clients: explicit value, {@code HF_TOKEN},
 * {@code HUGGING_FACE_HUB_TOKEN}, {@code HF_TOKEN_PATH}, {@code $HF_HOME/token},
 * {@code $XDG_CACHE_HOME/huggingface/token}, {@code ~/.cache/huggingface/token}; blank
 * values are ignored and legacy {@code api_org_} tokens refused.
 */
class TokenResolverTests {

	@TempDir
	Path home;

	private final Map<String, String> environment = new HashMap<>();

	private TokenResolver resolver;

	@BeforeEach
	void create() {
		this.resolver = TokenResolver.from(this.environment, this.home);
	}

	@Test
	void explicitValueComesFirst() throws IOException {
		this.environment.put("HF_TOKEN", "hf_from_env");
		write(this.home.resolve(".cache/huggingface/token"), "hf_from_file");
		assertThat(resolve("hf_explicit")).hasValue(token("hf_explicit"));
		assertThat(this.resolver.resolve("hf_explicit", "spring.hf.token").orElseThrow().source())
			.isEqualTo("spring.hf.token");
	}

	@Test
	void hfTokenComesBeforeTheLegacyVariable() {
		this.environment.put("HF_TOKEN", "hf_new");
		this.environment.put("HUGGING_FACE_HUB_TOKEN", "hf_legacy");
		assertThat(resolve(null)).hasValue(token("hf_new"));
		assertThat(this.resolver.resolve(null, "x").orElseThrow().source()).isEqualTo("environment variable HF_TOKEN");
	}

	@Test
	void legacyVariableIsRead() {
		this.environment.put("HUGGING_FACE_HUB_TOKEN", "hf_legacy");
		assertThat(resolve(null)).hasValue(token("hf_legacy"));
	}

	@Test
	void blankVariableIsIgnored() {
		this.environment.put("HF_TOKEN", "  ");
		this.environment.put("HUGGING_FACE_HUB_TOKEN", "hf_legacy");
		assertThat(resolve(null)).hasValue(token("hf_legacy"));
	}

	@Test
	void environmentComesBeforeTokenFiles() throws IOException {
		this.environment.put("HUGGING_FACE_HUB_TOKEN", "hf_env");
		Path file = write(this.home.resolve("custom-token"), "hf_file");
		this.environment.put("HF_TOKEN_PATH", file.toString());
		assertThat(resolve(null)).hasValue(token("hf_env"));
	}

	@Test
	void tokenPathComesBeforeHfHome() throws IOException {
		Path file = write(this.home.resolve("custom-token"), "hf_from_token_path\n");
		Path hfHome = this.home.resolve("hf-home");
		write(hfHome.resolve("token"), "hf_from_hf_home");
		this.environment.put("HF_TOKEN_PATH", file.toString());
		this.environment.put("HF_HOME", hfHome.toString());
		assertThat(resolve(null)).hasValue(token("hf_from_token_path"));
		assertThat(this.resolver.resolve(null, "x").orElseThrow().source()).isEqualTo("token file " + file);
	}

	@Test
	void hfHomeComesBeforeTheCacheFolders() throws IOException {
		Path hfHome = this.home.resolve("hf-home");
		write(hfHome.resolve("token"), "hf_from_hf_home");
		Path xdg = this.home.resolve("xdg");
		write(xdg.resolve("huggingface/token"), "hf_from_xdg");
		this.environment.put("HF_HOME", hfHome.toString());
		this.environment.put("XDG_CACHE_HOME", xdg.toString());
		assertThat(resolve(null)).hasValue(token("hf_from_hf_home"));
	}

	@Test
	void xdgCacheComesBeforeTheHomeCache() throws IOException {
		Path xdg = this.home.resolve("xdg");
		write(xdg.resolve("huggingface/token"), "hf_from_xdg");
		write(this.home.resolve(".cache/huggingface/token"), "hf_from_home_cache");
		this.environment.put("XDG_CACHE_HOME", xdg.toString());
		assertThat(resolve(null)).hasValue(token("hf_from_xdg"));
	}

	@Test
	void homeCacheIsTheLastPlaceLookedAt() throws IOException {
		write(this.home.resolve(".cache/huggingface/token"), "  hf_from_home_cache \n");
		assertThat(resolve(null)).hasValue(token("hf_from_home_cache"));
	}

	@Test
	void nothingConfiguredMeansNoToken() throws IOException {
		assertThat(resolve(null)).isEmpty();
		write(this.home.resolve(".cache/huggingface/token"), "\n");
		assertThat(resolve(null)).as("an empty token file").isEmpty();
	}

	@Test
	void missingTokenPathFileMeansNoToken() {
		this.environment.put("HF_TOKEN_PATH", this.home.resolve("absent").toString());
		assertThat(resolve(null)).isEmpty();
	}

	@Test
	void blankExplicitValueIsRefused() {
		assertThatExceptionOfType(HfConfigurationException.class).isThrownBy(() -> resolve(" "))
			.withMessage("The access token from explicit is empty");
	}

	@Test
	void legacyOrganisationTokenIsRefusedWithoutShowingIt() {
		this.environment.put("HF_TOKEN", "api_org_secret_value_123");
		assertThatExceptionOfType(HfConfigurationException.class).isThrownBy(() -> resolve(null))
			.withMessageStartingWith("The access token from environment variable HF_TOKEN is a legacy organisation "
					+ "API token (api_org_...)")
			.withMessageNotContaining("secret_value");
	}

	@Test
	void legacyOrganisationTokenInAFileIsRefusedWithoutShowingIt() throws IOException {
		Path file = write(this.home.resolve(".cache/huggingface/token"), "api_org_secret_value_123");
		assertThatExceptionOfType(HfConfigurationException.class).isThrownBy(() -> resolve(null))
			.withMessageContaining("token file " + file)
			.withMessageNotContaining("secret_value");
	}

	@Test
	void providerKeysAreAcceptedButNotTreatedAsHuggingFaceTokens() {
		this.environment.put("HF_TOKEN", "sk-provider-key");
		assertThat(resolve(null)).hasValueSatisfying((token) -> assertThat(token.isHuggingFaceToken()).isFalse());
	}

	private Optional<HfToken> resolve(String explicit) {
		return this.resolver.resolve(explicit, "explicit");
	}

	private static HfToken token(String value) {
		return HfToken.of(value, "expected");
	}

	private static Path write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, content);
	}

}
