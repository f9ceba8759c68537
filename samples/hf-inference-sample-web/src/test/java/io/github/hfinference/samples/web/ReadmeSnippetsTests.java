package io.github.hfinference.samples.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.hfinference.core.task.Tasks;
import io.github.hfinference.local.autoconfigure.LocalInferenceProperties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps README.md true: every Java snippet is copied from a compiled source of the
 * samples, every YAML snippet binds only properties that exist, and the task and
 * property tables list everything there is.
 */
class ReadmeSnippetsTests {

	private static final Path SAMPLES = Path.of("..").toAbsolutePath().normalize();

	private static final Path README = SAMPLES.resolve("../README.md").normalize();

	private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

	@Test
	void everyJavaSnippetIsPartOfACompiledSource() throws IOException {
		List<String> sources = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SAMPLES)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java"))
				.filter((path) -> path.toString().contains("/src/"))
				.toList()) {
				sources.add(normalize(Files.readString(file)));
			}
		}
		List<String> snippets = snippets("java");
		assertThat(snippets).hasSizeGreaterThanOrEqualTo(4);
		for (String snippet : snippets) {
			assertThat(sources.stream().anyMatch((source) -> source.contains(normalize(snippet))))
				.as("no source file under samples/ contains this README snippet:%n%s", snippet)
				.isTrue();
		}
	}

	@Test
	void everyYamlSnippetUsesKnownProperties() throws IOException {
		Set<String> known = knownProperties();
		Set<String> localModelKeys = localModelKeys();
		List<String> snippets = snippets("yaml");
		assertThat(snippets).hasSizeGreaterThanOrEqualTo(2);
		for (String snippet : snippets) {
			Map<String, Object> document = new Yaml().load(snippet);
			for (String key : flatten("", document)) {
				if (!key.startsWith("hf.inference.")) {
					continue;
				}
				String pattern = key.replaceAll("\\[\\d+]", "[*]").replaceAll("^(hf\\.inference\\.models)\\.[^.]+", "$1.*");
				Matcher local = Pattern.compile("^hf\\.inference\\.local\\.models\\.[^.]+\\.(.+)$").matcher(key);
				if (local.matches()) {
					assertThat(localModelKeys).as(key).contains(local.group(1));
				}
				else {
					assertThat(known).as("property %s in%n%s", key, snippet)
						.anyMatch((name) -> name.equals(pattern) || pattern.startsWith(name + "."));
				}
			}
		}
	}

	@Test
	void taskTableListsEveryTask() throws IOException {
		String readme = Files.readString(README);
		assertThat(Tasks.ids()).isNotEmpty()
			.allSatisfy((id) -> assertThat(readme).contains("| `" + id + "` |"));
	}

	@Test
	void propertyTableListsEveryProperty() throws IOException {
		String readme = Files.readString(README);
		Set<String> known = knownProperties();
		for (String name : known) {
			boolean container = known.stream()
				.anyMatch((other) -> other.startsWith(name + ".") || other.startsWith(name + "["));
			if (container || name.equals("hf.inference.local.models")) {
				continue;
			}
			String documented = name.replace(".*.", ".<alias>.").replace("[*]", "[i]");
			String parent = documented.substring(0, documented.lastIndexOf('.'));
			assertThat(readme).as(name)
				.containsAnyOf("| `" + documented + "` |", "| `" + documented + ".*` |", "| `" + parent + ".*` |");
		}
		for (String key : localModelKeys()) {
			assertThat(readme).contains("| `hf.inference.local.models.<alias>." + key + "` |");
		}
	}

	private static List<String> snippets(String language) throws IOException {
		List<String> snippets = new ArrayList<>();
		Matcher matcher = FENCE.matcher(Files.readString(README));
		while (matcher.find()) {
			if (matcher.group(1).equals(language)) {
				snippets.add(matcher.group(2));
			}
		}
		return snippets;
	}

	private static String normalize(String code) {
		return code.replaceAll("\\s+", " ").trim();
	}

	private static Set<String> knownProperties() throws IOException {
		Set<String> names = new LinkedHashSet<>();
		for (URL url : Collections.list(ReadmeSnippetsTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = JsonMapper.shared().readTree(in);
				metadata.path("properties").forEach((property) -> {
					String name = property.path("name").asString();
					if (name.startsWith("hf.inference.")) {
						names.add(name);
					}
				});
			}
		}
		assertThat(names).contains("hf.inference.token", "hf.inference.local.enabled");
		return names;
	}

	private static Set<String> localModelKeys() {
		Set<String> keys = new LinkedHashSet<>();
		for (var descriptor : BeanUtils.getPropertyDescriptors(LocalInferenceProperties.Model.class)) {
			if (descriptor.getWriteMethod() != null) {
				keys.add(descriptor.getName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT));
			}
		}
		assertThat(keys).contains("bundled", "hub-id");
		return keys;
	}

	private static List<String> flatten(String prefix, Object value) {
		List<String> keys = new ArrayList<>();
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, child) -> keys.addAll(flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, child)));
		}
		else if (value instanceof List<?> list) {
			for (int index = 0; index < list.size(); index++) {
				keys.addAll(flatten(prefix + "[" + index + "]", list.get(index)));
			}
		}
		else {
			keys.add(prefix);
		}
		return keys;
	}

}
