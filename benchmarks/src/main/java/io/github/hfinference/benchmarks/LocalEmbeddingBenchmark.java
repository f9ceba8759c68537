package io.github.hfinference.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntSupplier;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import io.github.hfinference.core.BlockingHfInferenceClient;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.local.LocalInferenceProvider;

/**
 * The in-process peer: the {@code local} provider's bundled all-MiniLM-L6-v2 (quantized)
 * against LangChain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} (the same ONNX file
 * and tokenizer, its own encoder), on the same sentences, in one JVM, interleaved.
 * <p>
 * Two workloads: one sentence per call from one caller, and batches of 32 sentences per
 * call. Thread settings are printed with each row: ours runs each ONNX session with
 * {@code intraOpThreads} (1 by default) and a batch on one inference thread, or spread over
 * {@code concurrency} threads; LangChain4j's session uses ONNX Runtime's default intra-op
 * threads (the machine's physical cores) and spreads a batch over its executor.
 * <p>
 * Usage: {@code LocalEmbeddingBenchmark [seconds per window] [repetitions]} (defaults 5
 * and 5). Prints sentences/s per window, then the median and spread per row.
 */
public final class LocalEmbeddingBenchmark {

	private static final String MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2";

	private static final int BATCH = 32;

	private LocalEmbeddingBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args seconds per measured window, repetitions
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		double seconds = (args.length > 0) ? Double.parseDouble(args[0]) : 5;
		int repetitions = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		List<String> sentences = sentences(256);
		int cores = Runtime.getRuntime().availableProcessors();
		List<Row> rows = new ArrayList<>();
		ModelDefinition minilm = ModelDefinition.builder("minilm").id(MODEL_ID)
				.target(new InferenceTarget.InProcess(LocalInferenceProvider.NAME)).build();
		List<AutoCloseable> resources = new ArrayList<>();
		for (int intraOp : new int[] { 1, cores }) {
			LocalInferenceProvider provider = LocalInferenceProvider.builder().intraOpThreads(intraOp).build();
			provider.preload();
			HfInferenceClient client = HfInferenceClient.builder().noTokenLookup().inProcessProvider(provider).build();
			resources.add(provider);
			BlockingHfInferenceClient blocking = client.blocking();
			String threads = "intra-op " + intraOp + ", " + cores + " inference threads";
			rows.add(new Row("hf-inference-local, one sentence per call", threads,
					each(sentences, (text) -> blocking.call(FeatureExtraction.TASK, minilm, text, null).vector().length)));
			rows.add(new Row("hf-inference-local, batches of " + BATCH, threads,
					batches(sentences, (batch) -> blocking.call(FeatureExtraction.BATCH, minilm, batch, null).size())));
		}
		ExecutorService executor = Executors.newFixedThreadPool(cores);
		resources.add(executor::shutdown);
		EmbeddingModel lc4j = new AllMiniLmL6V2QuantizedEmbeddingModel(executor);
		String lc4jThreads = "ONNX Runtime's default intra-op (" + cores + " cores), executor of " + cores;
		rows.add(new Row("LangChain4j, one sentence per call", lc4jThreads,
				each(sentences, (text) -> lc4j.embed(text).content().vector().length)));
		rows.add(new Row("LangChain4j, batches of " + BATCH, lc4jThreads,
				batches(sentences, (batch) -> lc4j.embedAll(batch.stream().map(TextSegment::from).toList())
					.content().size())));

		for (Row row : rows) {
			measure(row, seconds);
		}
		for (int repetition = 0; repetition < repetitions; repetition++) {
			for (Row row : rows) {
				row.results[repetition] = measure(row, seconds);
				System.out.printf(Locale.ROOT, "rep %d  %-45s %8.1f sentences/s%n", repetition + 1, row.name,
						row.results[repetition]);
			}
		}
		System.out.println();
		System.out.println("| workload | thread settings | sentences/s, median [min – max] of " + repetitions + " |");
		System.out.println("|---|---|---|");
		for (Row row : rows) {
			System.out.printf(Locale.ROOT, "| %s | %s | %s |%n", row.name, row.threads,
					Stats.spread(Arrays.copyOf(row.results, repetitions), "%.1f"));
		}
		for (AutoCloseable resource : resources) {
			resource.close();
		}
	}

	private static double measure(Row row, double seconds) {
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		long start = System.nanoTime();
		long embedded = 0;
		while (System.nanoTime() < deadline) {
			embedded += row.work.getAsInt();
		}
		return embedded / ((System.nanoTime() - start) / 1e9);
	}

	private static IntSupplier each(List<String> sentences, Embedder<String> embed) {
		int[] next = { 0 };
		return () -> {
			String text = sentences.get(next[0]++ % sentences.size());
			if (embed.embed(text) != 384) {
				throw new IllegalStateException("not a 384-dimension vector");
			}
			return 1;
		};
	}

	private static IntSupplier batches(List<String> sentences, Embedder<List<String>> embed) {
		int[] next = { 0 };
		return () -> {
			int start = (next[0]++ * BATCH) % sentences.size();
			List<String> batch = sentences.subList(start, start + BATCH);
			if (embed.embed(batch) != BATCH) {
				throw new IllegalStateException("not one vector per sentence");
			}
			return BATCH;
		};
	}

	/** Sentences of 8 to 24 words, varied and repeatable. */
	static List<String> sentences(int count) {
		String[] subjects = { "The cat", "A stock market", "My neighbour", "The committee", "This library",
				"An old sailor", "The new model", "Every student" };
		String[] verbs = { "sits quietly on", "reports on", "argues about", "depends on", "walks towards",
				"writes a letter about", "carefully measures", "cannot explain" };
		String[] objects = { "the mat near the window", "interest rates and inflation this quarter",
				"the weather in the mountains", "a long list of unfinished tasks", "the small harbour at dawn",
				"how embeddings capture meaning in vector space", "the results of yesterday's experiment",
				"the difference between latency and throughput" };
		List<String> sentences = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String sentence = subjects[i % 8] + " " + verbs[(i / 8) % 8] + " " + objects[(i * 3 + i / 64) % 8] + ".";
			sentences.add((i % 3 == 0) ? sentence + " Nobody expected that, but it happened again on day " + i + "."
					: sentence);
		}
		return sentences;
	}

	@FunctionalInterface
	private interface Embedder<T> {

		int embed(T input);

	}

	private static final class Row {

		final String name;

		final String threads;

		final IntSupplier work;

		final double[] results = new double[64];

		Row(String name, String threads, IntSupplier work) {
			this.name = name;
			this.threads = threads;
			this.work = work;
		}

	}

}
