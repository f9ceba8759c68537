package io.github.hfinference.local;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.error.HfConfigurationException;

/**
 * One model the {@code local} provider serves: where its files are and what to change in
 * the model's own configuration.
 *
 * @param source where the model's files are
 * @param maxSequenceLength tokens per input, overriding the model's own maximum (from
 * {@code sentence_bert_config.json}); null to keep it
 * @param normalize whether embeddings are L2-normalised when a call does not say, overriding
 * the model's own pipeline (a {@code Normalize} module in {@code modules.json}); null to
 * keep it
 * @param batching how batches run through the model; null for {@link LocalBatching#AUTO}
 */
public record LocalModelSettings(LocalModelSource source, @Nullable Integer maxSequenceLength,
		@Nullable Boolean normalize, @Nullable LocalBatching batching) {

	public LocalModelSettings {
		Objects.requireNonNull(source, "source");
		if (maxSequenceLength != null && maxSequenceLength < 2) {
			throw new HfConfigurationException("Local model " + source.describe()
					+ ": maxSequenceLength must be at least 2 (room for the special tokens), got " + maxSequenceLength);
		}
	}

	/**
	 * A model used as its files describe it.
	 * @param source where the files are
	 * @return the settings
	 */
	public static LocalModelSettings of(LocalModelSource source) {
		return new LocalModelSettings(source, null, null, null);
	}

	/**
	 * The same settings with another maximum sequence length.
	 * @param maxSequenceLength tokens per input, or null for the model's own
	 * @return new settings
	 */
	public LocalModelSettings withMaxSequenceLength(@Nullable Integer maxSequenceLength) {
		return new LocalModelSettings(this.source, maxSequenceLength, this.normalize, this.batching);
	}

	/**
	 * The same settings with another default for normalisation.
	 * @param normalize whether to normalise when a call does not say, or null for the
	 * model's own pipeline
	 * @return new settings
	 */
	public LocalModelSettings withNormalize(@Nullable Boolean normalize) {
		return new LocalModelSettings(this.source, this.maxSequenceLength, normalize, this.batching);
	}

	/**
	 * The same settings with another batching mode.
	 * @param batching how batches run, or null for {@link LocalBatching#AUTO}
	 * @return new settings
	 */
	public LocalModelSettings withBatching(@Nullable LocalBatching batching) {
		return new LocalModelSettings(this.source, this.maxSequenceLength, this.normalize, batching);
	}

}
