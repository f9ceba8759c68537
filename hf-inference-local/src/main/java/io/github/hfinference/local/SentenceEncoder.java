package io.github.hfinference.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.local.SentenceTransformersConfig.Pooling;

/**
 * A loaded sentence-embedding model: the tokenizer and the ONNX session, and the
 * sentence-transformers pipeline around them. Inputs are tokenized, truncated to the
 * maximum sequence length, grouped by length into runs of at most {@code maxBatchSize}
 * (each one session run, right-padded with an attention mask; one input per run for
 * {@link LocalBatching#PER_INPUT}), pooled over the attention mask and optionally
 * L2-normalised.
 * <p>
 * Thread-safe: ONNX Runtime sessions and the tokenizer may be used concurrently.
 */
final class SentenceEncoder implements AutoCloseable {

	private static final String INPUT_IDS = "input_ids";

	private static final String ATTENTION_MASK = "attention_mask";

	private static final String TOKEN_TYPE_IDS = "token_type_ids";

	private static final List<String> TOKEN_OUTPUTS = List.of("last_hidden_state", "token_embeddings");

	private static final List<String> POOLED_OUTPUTS = List.of("sentence_embedding");

	private final String name;

	private final String description;

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final HuggingFaceTokenizer tokenizer;

	private final SentenceTransformersConfig config;

	private final int maxSequenceLength;

	private final boolean normalizeByDefault;

	private final int runSize;

	private final Set<String> inputNames;

	private final String outputName;

	private final boolean pooledOutput;

	private final int leadingSpecialTokens;

	private final int trailingSpecialTokens;

	private SentenceEncoder(String name, ModelFiles files, LocalModelSettings settings, OrtEnvironment environment,
			OrtSession session, HuggingFaceTokenizer tokenizer, int runSize) throws OrtException {
		this.name = name;
		this.description = files.description();
		this.environment = environment;
		this.session = session;
		this.tokenizer = tokenizer;
		this.config = files.config();
		this.runSize = runSize;
		Integer maxLength = (settings.maxSequenceLength() != null) ? settings.maxSequenceLength()
				: this.config.maxSequenceLength();
		this.maxSequenceLength = (maxLength != null) ? maxLength
				: SentenceTransformersConfig.FALLBACK_MAX_SEQUENCE_LENGTH;
		this.normalizeByDefault = (settings.normalize() != null) ? settings.normalize() : this.config.normalize();
		this.inputNames = session.getInputNames();
		checkInputs();
		Map.Entry<String, Boolean> output = chooseOutput(session.getOutputInfo());
		this.outputName = output.getKey();
		this.pooledOutput = output.getValue();
		long[] specialMask = tokenizer.encode("a", true, false).getSpecialTokenMask();
		this.leadingSpecialTokens = countRun(specialMask, true);
		this.trailingSpecialTokens = countRun(specialMask, false);
		if (this.maxSequenceLength <= this.leadingSpecialTokens + this.trailingSpecialTokens) {
			throw new LocalModelException("Local model '" + name + "': maximum sequence length "
					+ this.maxSequenceLength + " leaves no room for text next to its "
					+ (this.leadingSpecialTokens + this.trailingSpecialTokens) + " special tokens");
		}
	}

	/**
	 * Loads a model: reads its files, creates the ONNX session and the tokenizer.
	 * @param name the name the model is served under, for messages
	 * @param settings the model's settings
	 * @param intraOpThreads threads ONNX Runtime uses within one run
	 * @param maxBatchSize the largest number of inputs in one session run
	 * @return the encoder
	 * @throws LocalModelException naming the path if anything cannot be read or loaded
	 */
	static SentenceEncoder load(String name, LocalModelSettings settings, int intraOpThreads, int maxBatchSize) {
		ModelFiles files = ModelFiles.resolve(settings.source());
		OrtEnvironment environment = environment();
		byte[] onnxBytes = (files.onnxFile() != null) ? null : files.onnxBytes();
		int runSize = perInput(name, settings.batching(), files, onnxBytes) ? 1 : maxBatchSize;
		OrtSession session = createSession(name, files, onnxBytes, environment, intraOpThreads);
		HuggingFaceTokenizer tokenizer = null;
		try {
			tokenizer = createTokenizer(name, files);
			return new SentenceEncoder(name, files, settings, environment, session, tokenizer, runSize);
		}
		catch (OrtException | RuntimeException ex) {
			closeQuietly(session);
			if (tokenizer != null) {
				tokenizer.close();
			}
			if (ex instanceof LocalModelException modelException) {
				throw modelException;
			}
			throw new LocalModelException(
					"Cannot load local model '" + name + "' from " + files.description() + ": " + ex.getMessage(), ex);
		}
	}

	private static OrtEnvironment environment() {
		try {
			return OrtEnvironment.getEnvironment();
		}
		catch (LinkageError ex) {
			throw new LocalModelException("ONNX Runtime's native library cannot be loaded on " + platform() + ": "
					+ ex.getMessage(), ex);
		}
	}

	private static String platform() {
		return System.getProperty("os.name") + " " + System.getProperty("os.arch");
	}

	private static boolean perInput(String name, @Nullable LocalBatching batching, ModelFiles files,
			byte @Nullable [] onnxBytes) {
		if (batching == LocalBatching.PER_INPUT || batching == LocalBatching.PADDED) {
			return batching == LocalBatching.PER_INPUT;
		}
		Path onnxFile = files.onnxFile();
		try (InputStream onnx = (onnxBytes != null) ? new ByteArrayInputStream(onnxBytes)
				: Files.newInputStream(Objects.requireNonNull(onnxFile))) {
			return ModelFiles.quantizesDynamically(onnx);
		}
		catch (IOException ex) {
			throw new LocalModelException("Cannot read local model '" + name + "' from " + files.description() + ": "
					+ ex.getMessage(), ex);
		}
	}

	private static OrtSession createSession(String name, ModelFiles files, byte @Nullable [] onnxBytes,
			OrtEnvironment environment, int intraOpThreads) {
		try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
			options.setIntraOpNumThreads(intraOpThreads);
			options.setInterOpNumThreads(1);
			options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			return (onnxBytes != null) ? environment.createSession(onnxBytes, options)
					: environment.createSession(Objects.requireNonNull(files.onnxFile()).toString(), options);
		}
		catch (OrtException | RuntimeException ex) {
			if (ex instanceof LocalModelException modelException) {
				throw modelException;
			}
			throw new LocalModelException("ONNX Runtime cannot load local model '" + name + "' from "
					+ files.description() + ": " + ex.getMessage(), ex);
		}
	}

	private static HuggingFaceTokenizer createTokenizer(String name, ModelFiles files) {
		// Truncation and padding are done here, not by the tokenizer, so that both truncation
		// directions work and tokenizer.json's own padding settings are ignored.
		Map<String, String> options = Map.of("addSpecialTokens", "true", "truncation", "false", "padding", "false");
		Path tokenizerFile = files.tokenizerFile();
		try {
			if (tokenizerFile != null) {
				return HuggingFaceTokenizer.newInstance(tokenizerFile, options);
			}
			try (InputStream input = files.tokenizerStream()) {
				return HuggingFaceTokenizer.newInstance(input, options);
			}
		}
		catch (LinkageError ex) {
			throw new LocalModelException("The Hugging Face tokenizers' native library cannot be loaded on " + platform()
					+ ": " + ex.getMessage(), ex);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof LocalModelException modelException) {
				throw modelException;
			}
			throw new LocalModelException("Cannot load the tokenizer of local model '" + name + "' from "
					+ ((tokenizerFile != null) ? tokenizerFile.toAbsolutePath() : files.description()) + ": "
					+ ex.getMessage(), ex);
		}
	}

	private void checkInputs() {
		if (!this.inputNames.contains(INPUT_IDS)) {
			throw new LocalModelException("Local model '" + this.name + "' (" + this.description + ") has no "
					+ INPUT_IDS + " input; its inputs are " + this.inputNames);
		}
		for (String input : this.inputNames) {
			if (!input.equals(INPUT_IDS) && !input.equals(ATTENTION_MASK) && !input.equals(TOKEN_TYPE_IDS)) {
				throw new LocalModelException("Local model '" + this.name + "' (" + this.description
						+ ") needs input '" + input + "'; the local provider feeds only " + INPUT_IDS + ", "
						+ ATTENTION_MASK + " and " + TOKEN_TYPE_IDS);
			}
		}
	}

	private Map.Entry<String, Boolean> chooseOutput(Map<String, NodeInfo> outputs) {
		for (String candidate : TOKEN_OUTPUTS) {
			if (rank(outputs.get(candidate)) == 3) {
				return Map.entry(candidate, false);
			}
		}
		for (String candidate : POOLED_OUTPUTS) {
			if (rank(outputs.get(candidate)) == 2) {
				return Map.entry(candidate, true);
			}
		}
		for (NodeInfo output : outputs.values()) {
			int rank = rank(output);
			if (rank == 3 || rank == 2) {
				return Map.entry(output.getName(), rank == 2);
			}
		}
		throw new LocalModelException("Local model '" + this.name + "' (" + this.description
				+ ") has no output of token vectors [batch, tokens, dims] or sentence vectors [batch, dims]: "
				+ outputs.values());
	}

	private static int rank(@Nullable NodeInfo output) {
		return (output != null && output.getInfo() instanceof TensorInfo info) ? info.getShape().length : -1;
	}

	private static int countRun(long[] mask, boolean fromStart) {
		int count = 0;
		for (int i = 0; i < mask.length; i++) {
			if (mask[fromStart ? i : mask.length - 1 - i] != 1) {
				break;
			}
			count++;
		}
		return count;
	}

	/** The maximum number of tokens per input, special tokens included. */
	int maxSequenceLength() {
		return this.maxSequenceLength;
	}

	/** The largest number of inputs in one session run (1 when running per input). */
	int runSize() {
		return this.runSize;
	}

	/** Whether embeddings are normalised when a call does not say. */
	boolean normalizeByDefault() {
		return this.normalizeByDefault;
	}

	/** Where the model was loaded from. */
	String description() {
		return this.description;
	}

	/**
	 * Embeds texts, in input order.
	 * @param texts the texts
	 * @param parameters the feature-extraction options, or null for the defaults
	 * @return one vector per text
	 * @throws LocalInputException if an option cannot be honoured or an input is too long
	 * with {@code truncate=false}
	 */
	float[][] embed(List<String> texts, FeatureExtraction.@Nullable Parameters parameters) {
		Options options = options(parameters);
		if (texts.isEmpty()) {
			return new float[0][];
		}
		List<Tokens> sequences = tokenize(texts, options);
		Integer[] order = new Integer[sequences.size()];
		Arrays.setAll(order, (i) -> i);
		Arrays.sort(order, Comparator.comparingInt((Integer i) -> sequences.get(i).length()).reversed());
		float[][] embeddings = new float[texts.size()][];
		for (int start = 0; start < order.length; start += this.runSize) {
			List<Integer> batch = Arrays.asList(order).subList(start, Math.min(order.length, start + this.runSize));
			float[][] vectors = run(batch.stream().map(sequences::get).toList());
			for (int i = 0; i < batch.size(); i++) {
				embeddings[batch.get(i)] = options.normalize() ? normalize(vectors[i]) : vectors[i];
			}
		}
		return embeddings;
	}

	private Options options(FeatureExtraction.@Nullable Parameters parameters) {
		boolean normalize = this.normalizeByDefault;
		boolean truncate = true;
		FeatureExtraction.TruncationDirection direction = FeatureExtraction.TruncationDirection.RIGHT;
		String promptName = this.config.defaultPromptName();
		if (parameters != null) {
			normalize = (parameters.normalize() != null) ? parameters.normalize() : normalize;
			truncate = (parameters.truncate() != null) ? parameters.truncate() : truncate;
			direction = (parameters.truncationDirection() != null) ? parameters.truncationDirection() : direction;
			promptName = (parameters.promptName() != null) ? parameters.promptName() : promptName;
		}
		String prompt = null;
		if (promptName != null) {
			prompt = this.config.prompts().get(promptName);
			if (prompt == null) {
				throw new LocalInputException("Local model '" + this.name + "' has no prompt named '" + promptName
						+ "' (feature-extraction parameter promptName); its prompts are "
						+ (this.config.prompts().isEmpty() ? "none" : this.config.prompts().keySet()));
			}
			if (!this.config.includePrompt() && !prompt.isEmpty()) {
				throw new LocalInputException("Local model '" + this.name + "' excludes prompt tokens from pooling "
						+ "(include_prompt=false), which the local provider does not support; promptName '"
						+ promptName + "' cannot be used");
			}
		}
		return new Options(normalize, truncate, direction, prompt);
	}

	private List<Tokens> tokenize(List<String> texts, Options options) {
		List<String> inputs = new ArrayList<>(texts.size());
		for (int i = 0; i < texts.size(); i++) {
			String text = texts.get(i);
			if (text == null) {
				throw new LocalInputException("Input " + i + " for local model '" + this.name + "' is null");
			}
			inputs.add((options.prompt() != null) ? options.prompt() + text : text);
		}
		Encoding[] encodings = this.tokenizer.batchEncode(inputs, true, false);
		List<Tokens> sequences = new ArrayList<>(encodings.length);
		for (int i = 0; i < encodings.length; i++) {
			Tokens tokens = new Tokens(encodings[i].getIds(), encodings[i].getTypeIds());
			if (tokens.length() > this.maxSequenceLength) {
				if (!options.truncate()) {
					throw new LocalInputException("Input " + i + " for local model '" + this.name + "' has "
							+ tokens.length() + " tokens, more than the model's maximum of " + this.maxSequenceLength
							+ "; pass truncate=true (feature-extraction parameter) or shorten it");
				}
				tokens = tokens.truncate(this.maxSequenceLength, this.leadingSpecialTokens, this.trailingSpecialTokens,
						options.direction());
			}
			sequences.add(tokens);
		}
		return sequences;
	}

	private float[][] run(List<Tokens> batch) {
		int rows = batch.size();
		int columns = batch.stream().mapToInt(Tokens::length).max().orElse(0);
		long[] shape = { rows, columns };
		LongBuffer ids = LongBuffer.allocate(rows * columns);
		LongBuffer types = LongBuffer.allocate(rows * columns);
		LongBuffer mask = LongBuffer.allocate(rows * columns);
		for (int row = 0; row < rows; row++) {
			Tokens tokens = batch.get(row);
			int offset = row * columns;
			ids.put(offset, tokens.ids());
			types.put(offset, tokens.typeIds());
			for (int column = 0; column < tokens.length(); column++) {
				mask.put(offset + column, 1);
			}
		}
		Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
		try {
			inputs.put(INPUT_IDS, OnnxTensor.createTensor(this.environment, ids, shape));
			if (this.inputNames.contains(ATTENTION_MASK)) {
				inputs.put(ATTENTION_MASK, OnnxTensor.createTensor(this.environment, mask, shape));
			}
			if (this.inputNames.contains(TOKEN_TYPE_IDS)) {
				inputs.put(TOKEN_TYPE_IDS, OnnxTensor.createTensor(this.environment, types, shape));
			}
			try (OrtSession.Result result = this.session.run(inputs, Set.of(this.outputName))) {
				OnnxValue value = result.get(this.outputName)
					.orElseThrow(() -> new LocalModelException("Local model '" + this.name + "' returned no "
							+ this.outputName));
				OnnxTensor tensor = (OnnxTensor) value;
				long[] outputShape = tensor.getInfo().getShape();
				int dims = (int) outputShape[outputShape.length - 1];
				FloatBuffer output = tensor.getFloatBuffer();
				return this.pooledOutput ? rows(output, rows, dims) : pool(output, batch, columns, dims);
			}
		}
		catch (OrtException ex) {
			throw new LocalModelException("ONNX Runtime failed running local model '" + this.name + "' ("
					+ this.description + ") on a batch of " + rows + ": " + ex.getMessage(), ex);
		}
		finally {
			inputs.values().forEach(OnnxTensor::close);
		}
	}

	private static float[][] rows(FloatBuffer output, int rows, int dims) {
		float[][] vectors = new float[rows][dims];
		for (int row = 0; row < rows; row++) {
			output.get(row * dims, vectors[row]);
		}
		return vectors;
	}

	private float[][] pool(FloatBuffer hidden, List<Tokens> batch, int columns, int dims) {
		float[][] vectors = new float[batch.size()][dims];
		for (int row = 0; row < batch.size(); row++) {
			int base = row * columns * dims;
			if (this.config.pooling() == Pooling.CLS) {
				hidden.get(base, vectors[row]);
				continue;
			}
			int length = batch.get(row).length();
			double[] sum = new double[dims];
			for (int token = 0; token < length; token++) {
				int offset = base + token * dims;
				for (int d = 0; d < dims; d++) {
					sum[d] += hidden.get(offset + d);
				}
			}
			double count = Math.max(length, 1e-9);
			for (int d = 0; d < dims; d++) {
				vectors[row][d] = (float) (sum[d] / count);
			}
		}
		return vectors;
	}

	private static float[] normalize(float[] vector) {
		double squares = 0;
		for (float value : vector) {
			squares += (double) value * value;
		}
		double norm = Math.max(Math.sqrt(squares), 1e-12);
		float[] normalized = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			normalized[i] = (float) (vector[i] / norm);
		}
		return normalized;
	}

	@Override
	public void close() {
		closeQuietly(this.session);
		this.tokenizer.close();
	}

	private static void closeQuietly(OrtSession session) {
		try {
			session.close();
		}
		catch (OrtException ex) {
			// Nothing more can be done with a session that fails to close.
		}
	}

	private record Options(boolean normalize, boolean truncate, FeatureExtraction.TruncationDirection direction,
			@Nullable String prompt) {
	}

	/**
	 * One tokenized input, without padding (every token is attended to).
	 */
	private record Tokens(long[] ids, long[] typeIds) {

		int length() {
			return this.ids.length;
		}

		/**
		 * Keeps the special tokens around the text and drops text tokens from one side, as
		 * the Hugging Face tokenizers do.
		 */
		Tokens truncate(int maxLength, int leading, int trailing, FeatureExtraction.TruncationDirection direction) {
			int keep = maxLength - leading - trailing;
			int textEnd = length() - trailing;
			int from = (direction == FeatureExtraction.TruncationDirection.LEFT) ? textEnd - keep : leading;
			return new Tokens(cut(this.ids, leading, from, keep, trailing),
					cut(this.typeIds, leading, from, keep, trailing));
		}

		private static long[] cut(long[] values, int leading, int from, int keep, int trailing) {
			long[] result = new long[leading + keep + trailing];
			System.arraycopy(values, 0, result, 0, leading);
			System.arraycopy(values, from, result, leading, keep);
			System.arraycopy(values, values.length - trailing, result, leading + keep, trailing);
			return result;
		}

	}

}
