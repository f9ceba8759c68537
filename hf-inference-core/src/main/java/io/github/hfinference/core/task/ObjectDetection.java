package io.github.hfinference.core.task;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Encoders;

/**
 * {@code object-detection}: objects found in an image, each with a label, a score and a
 * bounding box in pixels.
 */
public final class ObjectDetection {

	/** The task definition. */
	public static final Task<BinaryInput, Parameters, List<Output>> TASK = TaskDefinitions
		.list("object-detection", BinaryInput.class, Parameters.class, Output.class, Encoders.binary())
		.build();

	private ObjectDetection() {
	}

	/**
	 * Parameters of object detection.
	 *
	 * @param threshold minimum probability of a detection
	 */
	public record Parameters(@Nullable Double threshold) {

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().threshold(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable Double threshold;

			private Builder() {
			}

			/**
			 * Sets {@code threshold}.
			 * @param threshold minimum probability of a detection
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
				return new Parameters(this.threshold);
			}

		}

	}

	/**
	 * One detected object.
	 *
	 * @param label its label
	 * @param score its probability
	 * @param box where it is
	 */
	public record Output(String label, double score, BoundingBox box) {

	}

	/**
	 * A box in image coordinates (pixels).
	 *
	 * @param xmin left edge
	 * @param ymin top edge
	 * @param xmax right edge
	 * @param ymax bottom edge
	 */
	public record BoundingBox(int xmin, int ymin, int xmax, int ymax) {

	}

}
