package io.github.hfinference.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.local.LocalBatching;
import io.github.hfinference.local.LocalInferenceProvider;
import io.github.hfinference.local.LocalModelSettings;
import io.github.hfinference.local.LocalModelSource;

/**
 * Sentences per second of the {@code local} provider through {@link HfInferenceClient},
 * for batch sizes 1, 8 and 32, one caller calling in a loop. Not a test: run it on demand
 * with {@code mvn -B -ntp -Pbenchmark -pl hf-inference-local -am test -DskipTests}
 * (optionally {@code -Dbenchmark.sentences=N}).
 * <p>
 * Each configuration is warmed up first, then embeds the same fixed number of sentences
 * at each batch size (so {@code sentences / batchSize} calls) three times, and the table
 * reports the median round as sentences per second and milliseconds per call.
 */
public final class LocalEmbeddingBenchmark {

	private static final int[] BATCH_SIZES = { 1, 8, 32 };

	private static final int ROUNDS = 3;

	private static final String[] SUBJECTS = { "The cat", "A kitten", "Our quarterly revenue", "The new library",
			"A small team of engineers", "The train to Berlin", "My neighbour's dog", "The weather service" };

	private static final String[] VERBS = { "sits quietly on", "was delayed because of", "rose sharply after",
			"keeps asking questions about", "finally agreed on", "wrote a long report about" };

	private static final String[] OBJECTS = { "the mat.", "the storm that hit the coast last night.",
			"a surprising announcement from the board.", "the release planned for next spring.",
			"an old map of the city centre.", "twelve percent more customers than expected." };

	private LocalEmbeddingBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args optionally the number of sentences per measurement round (default 512)
	 * @throws IOException if the unquantized model cannot be copied to a temporary folder
	 */
	public static void main(String[] args) throws IOException {
		int sentences = (args.length > 0) ? Integer.parseInt(args[0]) : 512;
		List<String> corpus = corpus();
		Path floatModel = floatModelDirectory();
		List<Configuration> configurations = List.of(
				new Configuration("all-MiniLM-L6-v2 quantized (bundled)", LocalModelSource.bundled(),
						LocalBatching.AUTO, 1),
				new Configuration("all-MiniLM-L6-v2 quantized (bundled)", LocalModelSource.bundled(),
						LocalBatching.PADDED, 1),
				new Configuration("all-MiniLM-L6-v2 quantized (bundled)", LocalModelSource.bundled(),
						LocalBatching.AUTO, 2),
				new Configuration("all-MiniLM-L6-v2 float32", LocalModelSource.directory(floatModel),
						LocalBatching.AUTO, 1),
				new Configuration("all-MiniLM-L6-v2 float32", LocalModelSource.directory(floatModel),
						LocalBatching.AUTO, 2));
		System.out.printf(Locale.ROOT, "Java %s, %d processors, %d sentences per round, median of %d rounds%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), sentences, ROUNDS);
		System.out.printf(Locale.ROOT, "%-38s | %-9s | %-9s | %-5s | %12s | %11s%n", "model", "batching", "intra-op",
				"batch", "sentences/s", "ms per call");
		System.out.println("-".repeat(38) + "-+-" + "-".repeat(9) + "-+-" + "-".repeat(9) + "-+-" + "-".repeat(5)
				+ "-+-" + "-".repeat(12) + "-+-" + "-".repeat(11));
		for (Configuration configuration : configurations) {
			run(configuration, corpus, sentences);
		}
	}

	private static void run(Configuration configuration, List<String> corpus, int sentences) {
		ModelDefinition model = ModelDefinition.builder("bench")
			.target(new InferenceTarget.InProcess(LocalInferenceProvider.NAME))
			.build();
		try (LocalInferenceProvider provider = LocalInferenceProvider.builder()
			.intraOpThreads(configuration.intraOpThreads())
			.maxBatchSize(32)
			.model("bench", LocalModelSettings.of(configuration.source()).withBatching(configuration.batching()))
			.build()) {
			HfInferenceClient client = HfInferenceClient.builder().noTokenLookup().inProcessProvider(provider).build();
			for (int batchSize : BATCH_SIZES) {
				embed(client, model, corpus, batchSize, Math.max(64, batchSize * 4));
			}
			for (int batchSize : BATCH_SIZES) {
				int calls = Math.max(1, sentences / batchSize);
				double[] seconds = new double[ROUNDS];
				for (int round = 0; round < ROUNDS; round++) {
					long start = System.nanoTime();
					embed(client, model, corpus, batchSize, calls * batchSize);
					seconds[round] = (System.nanoTime() - start) / 1e9;
				}
				Arrays.sort(seconds);
				double median = seconds[ROUNDS / 2];
				System.out.printf(Locale.ROOT, "%-38s | %-9s | %-9d | %-5d | %12.1f | %11.2f%n", configuration.model(),
						configuration.batching().name().toLowerCase(Locale.ROOT), configuration.intraOpThreads(),
						batchSize, calls * batchSize / median, median * 1000 / calls);
			}
		}
	}

	private static void embed(HfInferenceClient client, ModelDefinition model, List<String> corpus, int batchSize,
			int sentences) {
		int next = 0;
		for (int done = 0; done < sentences; done += batchSize) {
			if (batchSize == 1) {
				client.blocking().call(FeatureExtraction.TASK, model, corpus.get(next++ % corpus.size()), null);
			}
			else {
				List<String> batch = new ArrayList<>(batchSize);
				for (int i = 0; i < batchSize; i++) {
					batch.add(corpus.get(next++ % corpus.size()));
				}
				client.blocking().call(FeatureExtraction.BATCH, model, batch, null);
			}
		}
	}

	private static List<String> corpus() {
		List<String> corpus = new ArrayList<>();
		for (int i = 0; i < SUBJECTS.length * VERBS.length; i++) {
			corpus.add(SUBJECTS[i % SUBJECTS.length] + " " + VERBS[i % VERBS.length] + " "
					+ OBJECTS[(i / 3) % OBJECTS.length]);
		}
		return corpus;
	}

	private static Path floatModelDirectory() throws IOException {
		Path directory = Files.createTempDirectory("minilm-float");
		directory.toFile().deleteOnExit();
		copy("all-minilm-l6-v2.onnx", directory.resolve("model.onnx"));
		copy("all-minilm-l6-v2-tokenizer.json", directory.resolve("tokenizer.json"));
		Files.writeString(directory.resolve("modules.json"),
				"[{\"path\":\"\",\"type\":\"sentence_transformers.models.Transformer\"},"
						+ "{\"path\":\"1_Pooling\",\"type\":\"sentence_transformers.models.Pooling\"},"
						+ "{\"path\":\"2_Normalize\",\"type\":\"sentence_transformers.models.Normalize\"}]");
		Files.writeString(directory.resolve("sentence_bert_config.json"), "{\"max_seq_length\":256}");
		for (String name : List.of("model.onnx", "tokenizer.json", "modules.json", "sentence_bert_config.json")) {
			directory.resolve(name).toFile().deleteOnExit();
		}
		return directory;
	}

	private static void copy(String resource, Path target) throws IOException {
		try (InputStream input = LocalEmbeddingBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
			if (input == null) {
				throw new IllegalStateException("Resource " + resource + " is not on the test class path");
			}
			Files.copy(input, target);
		}
	}

	private record Configuration(String model, LocalModelSource source, LocalBatching batching, int intraOpThreads) {
	}

}
