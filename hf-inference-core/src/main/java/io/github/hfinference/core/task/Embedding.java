package io.github.hfinference.core.task;

import java.util.Arrays;
import java.util.Objects;

/**
 * A feature-extraction result: a sentence embedding ({@code [dims]}) or, for plain
 * transformer models, one vector per token ({@code [tokens, dims]}).
 *
 * @param shape the tensor shape: {@code [dims]} or {@code [tokens, dims]}
 * @param values the values in row-major order
 */
public record Embedding(int[] shape, float[] values) {

	public Embedding {
		Objects.requireNonNull(shape, "shape");
		Objects.requireNonNull(values, "values");
		if (Arrays.stream(shape).reduce(1, Math::multiplyExact) != values.length) {
			throw new IllegalArgumentException(
					"Shape " + Arrays.toString(shape) + " does not match " + values.length + " values");
		}
	}

	/**
	 * A sentence embedding.
	 * @param vector the vector
	 * @return the embedding
	 */
	public static Embedding of(float[] vector) {
		return new Embedding(new int[] { vector.length }, vector);
	}

	/** Whether this is one vector per token rather than one pooled vector. */
	public boolean isTokenLevel() {
		return this.shape.length == 2;
	}

	/** The number of dimensions of each vector. */
	public int dimensions() {
		return this.shape[this.shape.length - 1];
	}

	/**
	 * The sentence vector.
	 * @return the vector
	 * @throws IllegalStateException if the model returned token-level vectors (use
	 * {@link #tokenVectors()})
	 */
	public float[] vector() {
		if (isTokenLevel()) {
			throw new IllegalStateException("The model returned one vector per token (shape "
					+ Arrays.toString(this.shape) + "), not a sentence embedding; use tokenVectors()");
		}
		return this.values;
	}

	/** One vector per token (a sentence embedding is returned as a single row). */
	public float[][] tokenVectors() {
		int rows = isTokenLevel() ? this.shape[0] : 1;
		int dims = dimensions();
		float[][] matrix = new float[rows][];
		for (int row = 0; row < rows; row++) {
			matrix[row] = Arrays.copyOfRange(this.values, row * dims, (row + 1) * dims);
		}
		return matrix;
	}

	/**
	 * Cosine similarity with another sentence embedding.
	 * @param other the other embedding
	 * @return the cosine of the angle between both vectors
	 */
	public double cosine(Embedding other) {
		float[] a = vector();
		float[] b = other.vector();
		if (a.length != b.length) {
			throw new IllegalArgumentException("Dimensions differ: " + a.length + " vs " + b.length);
		}
		double dot = 0;
		double normA = 0;
		double normB = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
			normA += a[i] * a[i];
			normB += b[i] * b[i];
		}
		return dot / (Math.sqrt(normA) * Math.sqrt(normB));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Embedding that && Arrays.equals(this.shape, that.shape)
				&& Arrays.equals(this.values, that.values);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(this.shape) + Arrays.hashCode(this.values);
	}

	@Override
	public String toString() {
		return "Embedding" + Arrays.toString(this.shape);
	}

}
