package io.github.hfinference.core.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the real HTTP exchanges recorded by the official clients
 * ({@code shared/conformance/recordings}): VCR.py YAML cassettes of huggingface_hub (current
 * and legacy) and the hashed tapes of huggingface.js.
 * <p>
 * The folder is the repository's own copy ({@code conformance/recordings}), found by
 * walking up from the working directory (the module directory under Maven); a
 * {@code shared/conformance/recordings} folder next to the repository is used otherwise.
 * The one reader of recordings for every test package (the streaming replays use it too).
 */
public final class Recordings {

	/** huggingface_hub cassettes (2025, router URLs). */
	public static final String HUB = "huggingface_hub";

	/** huggingface_hub cassettes (2023-2024, api-inference URLs). */
	static final String HUB_LEGACY = "huggingface_hub-legacy";

	/** huggingface.js tapes. */
	static final String JS = "huggingface.js";

	private static final String PYTHON_TAG_PREFIX = "tag:yaml.org,2002:python/";

	private static final Map<String, List<Interaction>> CACHE = new ConcurrentHashMap<>();

	private Recordings() {
	}

	/**
	 * The recordings folder.
	 * @return its path
	 * @throws IllegalStateException if no parent of the working directory holds it
	 */
	static Path root() {
		Path start = Path.of("").toAbsolutePath();
		for (Path current = start; current != null; current = current.getParent()) {
			for (Path candidate : List.of(current.resolve("conformance").resolve("recordings"),
					current.resolve("shared").resolve("conformance").resolve("recordings"))) {
				if (Files.isDirectory(candidate)) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("The recorded traffic is missing: no 'conformance/recordings' "
				+ "directory in " + start + " or any of its parents (the repository ships it at its root).");
	}

	/**
	 * Every interaction of one cassette set, in file order then interaction order.
	 * @param set {@link #HUB} or {@link #HUB_LEGACY}
	 * @return the interactions
	 */
	static List<Interaction> cassettes(String set) {
		return CACHE.computeIfAbsent(set, (name) -> {
			Path folder = root().resolve(name);
			try (Stream<Path> files = Files.list(folder)) {
				List<Interaction> all = new ArrayList<>();
				files.filter((file) -> file.getFileName().toString().endsWith(".yaml"))
					.sorted()
					.forEach((file) -> all.addAll(cassette(name, file)));
				return List.copyOf(all);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot list " + folder, ex);
			}
		});
	}

	/**
	 * Every interaction of the huggingface.js tapes, in file order.
	 * @return the interactions
	 */
	static List<Interaction> tapes() {
		return CACHE.computeIfAbsent(JS, (name) -> {
			Path file = root().resolve(name).resolve("tapes.json");
			JsonNode tapes = JsonMapper.builder().build().readTree(file.toFile());
			List<Interaction> all = new ArrayList<>();
			for (Map.Entry<String, JsonNode> tape : tapes.properties()) {
				all.add(tape(tape.getKey(), tape.getValue()));
			}
			return List.copyOf(all);
		});
	}

	/** All recorded interactions of all sets. */
	static List<Interaction> all() {
		List<Interaction> all = new ArrayList<>(cassettes(HUB));
		all.addAll(cassettes(HUB_LEGACY));
		all.addAll(tapes());
		return all;
	}

	/**
	 * The interactions of one cassette file.
	 * @param set the set
	 * @param fileName the file name
	 * @return its interactions
	 */
	public static List<Interaction> cassette(String set, String fileName) {
		List<Interaction> interactions = cassettes(set).stream()
			.filter((interaction) -> interaction.file().equals(fileName))
			.toList();
		if (interactions.isEmpty()) {
			throw new IllegalArgumentException("No recording " + set + "/" + fileName);
		}
		return interactions;
	}

	/**
	 * The huggingface.js tape whose key (the SHA-256 of its request) starts with a prefix.
	 * @param keyPrefix the first characters of the key, at most 12
	 * @return the interaction
	 * @throws IllegalArgumentException if no tape, or more than one, has that prefix
	 */
	public static Interaction tape(String keyPrefix) {
		List<Interaction> matching = tapes().stream()
			.filter((interaction) -> interaction.source().startsWith(JS + "/tapes.json#" + keyPrefix))
			.toList();
		if (matching.size() != 1) {
			throw new IllegalArgumentException(matching.size() + " tapes have the key prefix " + keyPrefix);
		}
		return matching.get(0);
	}

	/**
	 * The interactions of a cassette outside the recordings folder (the hand-written
	 * exchanges of a test's resources), read like the recorded ones.
	 * @param set a name for the set, shown in sources
	 * @param file the YAML file
	 * @return its interactions
	 */
	public static List<Interaction> cassetteFile(String set, Path file) {
		return cassette(set, file);
	}

	@SuppressWarnings("unchecked")
	private static List<Interaction> cassette(String set, Path file) {
		LoadSettings settings = LoadSettings.builder()
			.setLabel(file.getFileName().toString())
			.setCodePointLimit(64 * 1024 * 1024)
			.build();
		Object document;
		try (InputStream input = Files.newInputStream(file)) {
			document = new Load(settings, new PythonTolerantConstructor(settings)).loadFromInputStream(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		List<Map<String, Object>> interactions = (List<Map<String, Object>>) ((Map<String, Object>) document)
			.get("interactions");
		List<Interaction> result = new ArrayList<>();
		for (int i = 0; i < interactions.size(); i++) {
			Map<String, Object> request = (Map<String, Object>) interactions.get(i).get("request");
			Map<String, Object> response = (Map<String, Object>) interactions.get(i).get("response");
			Map<String, Object> status = (Map<String, Object>) response.get("status");
			Map<String, Object> body = (Map<String, Object>) response.get("body");
			String fileName = file.getFileName().toString();
			result.add(new Interaction(set + "/" + fileName + "#" + i, set, fileName, (String) request.get("method"),
					URI.create((String) request.get("uri")), headers(request.get("headers")),
					bytes(request.get("body")), ((Number) status.get("code")).intValue(),
					headers(response.get("headers")), orEmpty(bytes((body != null) ? body.get("string") : null))));
		}
		return result;
	}

	private static Interaction tape(String key, JsonNode tape) {
		JsonNode init = tape.path("init");
		JsonNode response = tape.path("response");
		JsonNode body = init.get("body");
		return new Interaction(JS + "/tapes.json#" + key.substring(0, 12), JS, "tapes.json",
				init.path("method").asString("GET"), URI.create(tape.path("url").asString()),
				headers(init.path("headers")),
				(body != null && body.isString()) ? body.stringValue().getBytes(StandardCharsets.UTF_8) : null,
				response.path("status").asInt(), headers(response.path("headers")),
				response.path("body").asString("").getBytes(StandardCharsets.UTF_8));
	}

	private static Map<String, List<String>> headers(JsonNode headers) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> header : headers.properties()) {
			result.put(header.getKey(), List.of(header.getValue().asString()));
		}
		return result;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<String>> headers(@Nullable Object headers) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		if (headers instanceof Map<?, ?> map) {
			map.forEach((name, values) -> result.put(String.valueOf(name),
					(values instanceof List<?> list) ? list.stream().map(String::valueOf).toList()
							: List.of(String.valueOf(values))));
		}
		return result;
	}

	private static byte @Nullable [] bytes(@Nullable Object body) {
		if (body instanceof byte[] bytes) {
			return bytes;
		}
		if (body instanceof String text) {
			return text.getBytes(StandardCharsets.UTF_8);
		}
		return null;
	}

	private static byte[] orEmpty(byte @Nullable [] bytes) {
		return (bytes != null) ? bytes : new byte[0];
	}

	/**
	 * Reads the Python-specific tags that seven legacy cassettes use for binary request
	 * bodies ({@code !!python/object/new:_io.BytesIO} holding a {@code !!python/tuple} whose
	 * first element is the {@code !!binary} content): a BytesIO becomes its bytes, a tuple a
	 * list, anything else under the {@code python/} prefix its plain YAML value.
	 */
	private static final class PythonTolerantConstructor extends StandardConstructor {

		PythonTolerantConstructor(LoadSettings settings) {
			super(settings);
		}

		@Override
		protected Optional<ConstructNode> findConstructorFor(Node node) {
			if (node.getTag().getValue().startsWith(PYTHON_TAG_PREFIX)) {
				return Optional.of(this::constructPythonObject);
			}
			return super.findConstructorFor(node);
		}

		private Object constructPythonObject(Node node) {
			if (node instanceof SequenceNode sequence) {
				return constructSequence(sequence);
			}
			if (node instanceof MappingNode mapping) {
				Map<Object, Object> fields = constructMapping(mapping);
				if (fields.get("state") instanceof List<?> state && !state.isEmpty()
						&& state.get(0) instanceof byte[] content) {
					return content;
				}
				return fields;
			}
			return constructScalar((ScalarNode) node);
		}

	}

}
