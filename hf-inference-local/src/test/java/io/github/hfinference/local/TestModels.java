package io.github.hfinference.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Builds model directories for tests from the ONNX models that Maven packages ship: the
 * bundled quantized all-MiniLM-L6-v2 and, as a test dependency, the same model unquantized
 * ({@code Xenova/all-MiniLM-L6-v2} {@code onnx/model.onnx}). The sentence-transformers
 * files written beside them are those of {@code sentence-transformers/all-MiniLM-L6-v2}.
 */
final class TestModels {

	static final String QUANTIZED_ONNX = "all-minilm-l6-v2-q.onnx";

	static final String FLOAT_ONNX = "all-minilm-l6-v2.onnx";

	static final String TOKENIZER = "all-minilm-l6-v2-q-tokenizer.json";

	static final String MODULES = """
			[{"idx":0,"name":"0","path":"","type":"sentence_transformers.models.Transformer"},
			 {"idx":1,"name":"1","path":"1_Pooling","type":"sentence_transformers.models.Pooling"},
			 {"idx":2,"name":"2","path":"2_Normalize","type":"sentence_transformers.models.Normalize"}]
			""";

	static final String MEAN_POOLING = """
			{"word_embedding_dimension":384,"pooling_mode_cls_token":false,"pooling_mode_mean_tokens":true,
			 "pooling_mode_max_tokens":false,"pooling_mode_mean_sqrt_len_tokens":false}
			""";

	static final String SENTENCE_BERT_CONFIG = """
			{"max_seq_length":256,"do_lower_case":false}
			""";

	static final String COMMIT = "c9745ed1d9f207416be6d2e6f8de32d1f16199bf";

	private TestModels() {
	}

	/**
	 * A sentence-transformers directory: {@code tokenizer.json}, the ONNX file at
	 * {@code onnxPath}, and the module, pooling and length files.
	 */
	static Path sentenceTransformersDirectory(Path directory, String onnxResource, String onnxPath) {
		copyResource(onnxResource, directory.resolve(onnxPath));
		copyResource(TOKENIZER, directory.resolve("tokenizer.json"));
		write(directory.resolve("modules.json"), MODULES);
		write(directory.resolve("1_Pooling/config.json"), MEAN_POOLING);
		write(directory.resolve("sentence_bert_config.json"), SENTENCE_BERT_CONFIG);
		return directory;
	}

	/**
	 * A Hugging Face hub cache holding {@code sentence-transformers/all-MiniLM-L6-v2} as the
	 * Hub libraries lay it out: files in {@code blobs/}, the snapshot made of symbolic links
	 * to them, and {@code refs/main} naming the snapshot's commit.
	 * @param cacheDir the hub cache directory
	 * @param onnxResource which ONNX model to store as {@code onnx/model.onnx}
	 * @return the cache directory
	 */
	static Path hubCache(Path cacheDir, String onnxResource) {
		Path repository = cacheDir.resolve("models--sentence-transformers--all-MiniLM-L6-v2");
		Path staging = sentenceTransformersDirectory(repository.resolve("staging"), onnxResource, "onnx/model.onnx");
		Path snapshot = repository.resolve("snapshots").resolve(COMMIT);
		try (var files = Files.walk(staging)) {
			int[] blob = { 0 };
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path target = repository.resolve("blobs").resolve("blob" + blob[0]++);
				Files.createDirectories(target.getParent());
				Files.move(file, target);
				Path link = snapshot.resolve(staging.relativize(file).toString());
				Files.createDirectories(link.getParent());
				Files.createSymbolicLink(link, link.getParent().relativize(target));
			}
			deleteTree(staging);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		write(repository.resolve("refs/main"), COMMIT);
		return cacheDir;
	}

	static void copyResource(String resource, Path target) {
		try (InputStream input = TestModels.class.getClassLoader().getResourceAsStream(resource)) {
			if (input == null) {
				throw new IllegalStateException("No test resource " + resource);
			}
			Files.createDirectories(target.getParent());
			Files.copy(input, target, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void write(Path file, String content) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteTree(Path root) throws IOException {
		try (var paths = Files.walk(root)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
