package io.github.hfinference.core.task;

import java.util.Base64;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code image-segmentation}: segments of an image, each with its label and a PNG mask
 * (sent by the server as base64 and decoded to bytes).
 */
public final class ImageSegmentation {

	/** The task definition. */
	public static final Task<BinaryInput, Parameters, List<Output>> TASK = TaskDefinitions
		.list("image-segmentation", BinaryInput.class, Parameters.class, Output.class, Encoders.binary())
		.build();

	private ImageSegmentation() {
	}

	/**
	 * Parameters of image segmentation.
	 *
	 * @param maskThreshold threshold used to turn predicted masks into binary values
	 * @param overlapMaskAreaThreshold mask overlap threshold to eliminate small, disconnected segments
	 * @param subtask the kind of segmentation
	 * @param threshold probability threshold to filter out predicted masks
	 */
	public record Parameters(@Nullable Double maskThreshold, @Nullable Double overlapMaskAreaThreshold,
			@Nullable Subtask subtask, @Nullable Double threshold) {

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().maskThreshold(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable Double maskThreshold;

			private @Nullable Double overlapMaskAreaThreshold;

			private @Nullable Subtask subtask;

			private @Nullable Double threshold;

			private Builder() {
			}

			/**
			 * Sets {@code maskThreshold}.
			 * @param maskThreshold threshold used to turn predicted masks into binary values
			 * @return this builder
			 */
			public Builder maskThreshold(@Nullable Double maskThreshold) {
				this.maskThreshold = maskThreshold;
				return this;
			}

			/**
			 * Sets {@code overlapMaskAreaThreshold}.
			 * @param overlapMaskAreaThreshold mask overlap threshold to eliminate small, disconnected segments
			 * @return this builder
			 */
			public Builder overlapMaskAreaThreshold(@Nullable Double overlapMaskAreaThreshold) {
				this.overlapMaskAreaThreshold = overlapMaskAreaThreshold;
				return this;
			}

			/**
			 * Sets {@code subtask}.
			 * @param subtask the kind of segmentation
			 * @return this builder
			 */
			public Builder subtask(@Nullable Subtask subtask) {
				this.subtask = subtask;
				return this;
			}

			/**
			 * Sets {@code threshold}.
			 * @param threshold probability threshold to filter out predicted masks
			 * @return this builder
			 */
			public Builder threshold(@Nullable Double threshold) {
				this.threshold = threshold;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.maskThreshold, this.overlapMaskAreaThreshold, this.subtask, this.threshold);
			}

		}

	}

	/** The kind of segmentation. */
	public enum Subtask {

		/** One segment per object instance. */
		INSTANCE("instance"),
		/** Instances and background regions. */
		PANOPTIC("panoptic"),
		/** One segment per class. */
		SEMANTIC("semantic");

		private final String value;

		Subtask(String value) {
			this.value = value;
		}

		/** The wire value. */
		@JsonValue
		public String value() {
			return this.value;
		}

	}

	/**
	 * One segment.
	 *
	 * @param label the segment's label
	 * @param score its probability, if the model reports one
	 * @param mask the mask as a PNG image
	 */
	public record Output(String label, @Nullable Double score, BinaryOutput mask) {

		public Output {
			Objects.requireNonNull(label, "label");
			Objects.requireNonNull(mask, "mask");
		}

		@JsonCreator
		static Output fromWire(@JsonProperty("label") String label, @JsonProperty("score") @Nullable Double score,
				@JsonProperty("mask") String mask) {
			Objects.requireNonNull(mask, "image-segmentation output without a 'mask'");
			return new Output(label, score, new BinaryOutput(Base64.getMimeDecoder().decode(mask),
					MediaType.IMAGE_PNG_VALUE));
		}

	}

}
