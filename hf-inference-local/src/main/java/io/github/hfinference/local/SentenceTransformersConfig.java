package io.github.hfinference.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sentence-transformers files beside a model say about how to turn token
 * vectors into a sentence embedding: the pooling, whether a {@code Normalize} module
 * follows it, the maximum sequence length and the named prompts.
 *
 * @param pooling how token vectors are pooled
 * @param normalize whether the model's pipeline ends with L2 normalisation
 * @param maxSequenceLength the model's maximum number of tokens per input, or null if
 * unknown
 * @param prompts named prompts prepended to inputs ({@code prompt_name})
 * @param defaultPromptName the prompt applied when a call names none, or null
 * @param includePrompt whether prompt tokens take part in pooling (false is not supported
 * when a prompt is applied)
 */
record SentenceTransformersConfig(Pooling pooling, boolean normalize, @Nullable Integer maxSequenceLength,
		Map<String, String> prompts, @Nullable String defaultPromptName, boolean includePrompt) {

	/** Tokens per input when nothing in the model directory says otherwise. */
	static final int FALLBACK_MAX_SEQUENCE_LENGTH = 512;

	/** all-MiniLM-L6-v2: Transformer, mean Pooling, Normalize; 256 tokens; no prompts. */
	static final SentenceTransformersConfig BUNDLED = new SentenceTransformersConfig(Pooling.MEAN, true, 256,
			Map.of(), null, true);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	SentenceTransformersConfig {
		prompts = Map.copyOf(prompts);
	}

	/** How token vectors become one sentence vector. */
	enum Pooling {

		/** Mean of the token vectors the attention mask keeps. */
		MEAN,
		/** The first token's vector ({@code [CLS]}). */
		CLS

	}

	/**
	 * Reads the optional sentence-transformers files of a model directory. A directory
	 * without them is taken as a plain transformer: mean pooling, no normalisation.
	 * @param directory the model directory
	 * @return the configuration
	 * @throws LocalModelException if the files ask for a module or pooling this provider
	 * cannot run
	 */
	static SentenceTransformersConfig read(Path directory) {
		JsonNode modules = json(directory.resolve("modules.json"));
		boolean normalize = false;
		String poolingPath = "1_Pooling";
		if (modules != null) {
			List<String> unsupported = new ArrayList<>();
			for (JsonNode module : modules) {
				String type = module.path("type").asString("");
				String simpleName = type.substring(type.lastIndexOf('.') + 1);
				switch (simpleName) {
					case "Transformer" -> {
					}
					case "Normalize" -> normalize = true;
					case "Pooling" -> poolingPath = module.path("path").asString(poolingPath);
					default -> unsupported.add(type);
				}
			}
			if (!unsupported.isEmpty()) {
				throw new LocalModelException("Local model " + directory.toAbsolutePath() + " uses sentence-transformers "
						+ "modules the local provider cannot run: " + unsupported + " (supported: Transformer, "
						+ "Pooling with mean or cls tokens, Normalize)");
			}
		}
		Path poolingConfig = directory.resolve(poolingPath).resolve("config.json");
		JsonNode poolingNode = json(poolingConfig);
		Pooling pooling = pooling(directory, poolingConfig, poolingNode);
		boolean includePrompt = poolingNode == null || poolingNode.path("include_prompt").asBoolean(true);
		JsonNode sentenceBert = json(directory.resolve("sentence_bert_config.json"));
		Integer maxLength = positive(sentenceBert, "max_seq_length");
		if (maxLength == null) {
			maxLength = positive(json(directory.resolve("tokenizer_config.json")), "model_max_length");
			if (maxLength != null && maxLength > 1_000_000) {
				maxLength = null;
			}
		}
		JsonNode stConfig = json(directory.resolve("config_sentence_transformers.json"));
		Map<String, String> prompts = new LinkedHashMap<>();
		String defaultPrompt = null;
		if (stConfig != null) {
			stConfig.path("prompts").properties().forEach((entry) -> prompts.put(entry.getKey(), entry.getValue().asString()));
			JsonNode defaultName = stConfig.path("default_prompt_name");
			defaultPrompt = defaultName.isString() ? defaultName.stringValue() : null;
		}
		return new SentenceTransformersConfig(pooling, normalize, maxLength, prompts, defaultPrompt,
				includePrompt);
	}

	private static Pooling pooling(Path directory, Path config, @Nullable JsonNode node) {
		if (node == null) {
			return Pooling.MEAN;
		}
		List<String> modes = new ArrayList<>();
		node.properties().forEach((entry) -> {
			if (entry.getKey().startsWith("pooling_mode_") && entry.getValue().asBoolean(false)) {
				modes.add(entry.getKey());
			}
		});
		if (modes.equals(List.of("pooling_mode_mean_tokens"))) {
			return Pooling.MEAN;
		}
		if (modes.equals(List.of("pooling_mode_cls_token"))) {
			return Pooling.CLS;
		}
		throw new LocalModelException("Local model " + directory.toAbsolutePath() + ": " + config.toAbsolutePath()
				+ " asks for pooling " + modes + "; the local provider supports exactly one of "
				+ "pooling_mode_mean_tokens or pooling_mode_cls_token");
	}

	private static @Nullable Integer positive(@Nullable JsonNode node, String field) {
		if (node == null || !node.path(field).isNumber()) {
			return null;
		}
		long value = node.path(field).asLong();
		return (value > 0 && value <= Integer.MAX_VALUE) ? (int) value : null;
	}

	private static @Nullable JsonNode json(Path file) {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			return JSON.readTree(file.toFile());
		}
		catch (JacksonException ex) {
			throw new LocalModelException("Local model file " + file.toAbsolutePath() + " is not valid JSON: "
					+ ex.getOriginalMessage(), ex);
		}
	}

}
