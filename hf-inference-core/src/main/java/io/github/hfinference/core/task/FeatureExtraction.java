package io.github.hfinference.core.task;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code feature-extraction}: embeddings of one text ({@link #TASK}) or of a batch of
 * texts in one request ({@link #BATCH}). Options go at the body root, and the response may
 * be 1-D (sentence embedding), 2-D (a batch, or token vectors of one text) or 3-D (token
 * vectors of a batch).
 */
public final class FeatureExtraction {

	/** Embedding of one text. */
	public static final Task<String, Parameters, Embedding> TASK = Task
		.<String, Parameters, Embedding>builder("feature-extraction", TaskRoute.PIPELINE)
		.input(String.class)
		.parameters(Parameters.class)
		.result(Embedding.class)
		.encoder(Encoders.inputsWithRootParameters())
		.decoder((response, codec) -> {
			Embedding embedding = streamed(response.body(), codec);
			return (embedding != null) ? embedding : single(codec.parse(response.body()));
		})
		.build();

	/** Embeddings of several texts, in one request, in input order. */
	public static final Task<List<String>, Parameters, List<Embedding>> BATCH = Task
		.<List<String>, Parameters, List<Embedding>>builder("feature-extraction", TaskRoute.PIPELINE)
		.input(new ParameterizedTypeReference<>() {
		})
		.parameters(Parameters.class)
		.result(new ParameterizedTypeReference<>() {
		})
		.encoder(Encoders.inputsWithRootParameters())
		.decoder((response, codec) -> batch(codec.parse(response.body())))
		.build();

	private FeatureExtraction() {
	}

	/**
	 * Reads the response to a single text: {@code [d]}, {@code [[d]]} (one row),
	 * {@code [[t,d]]} token vectors, or {@code [[[t,d]]]} (token vectors of a batch of one).
	 * @param node the parsed response
	 * @return the embedding
	 */
	static Embedding single(JsonNode node) {
		int depth = depth(node);
		return switch (depth) {
			case 1 -> tensor(node);
			case 2 -> (node.size() == 1) ? tensor(node.get(0)) : tensor(node);
			case 3 -> {
				requireSize(node, 1);
				yield tensor(node.get(0));
			}
			default -> throw malformed(node);
		};
	}

	/**
	 * Reads the common answers to a single text ({@code [d]}, {@code [[d]]}, {@code [[t,d]]},
	 * {@code [[[t,d]]]}) straight from the bytes, without building a tree of one node per
	 * number; the values and shapes are the same as {@link #single(JsonNode)} gives.
	 * @param body the response body
	 * @param codec the codec
	 * @return the embedding, or null for anything else (other shapes, ragged rows,
	 * non-numbers, malformed JSON), which the tree-based reading then handles or reports
	 */
	static @Nullable Embedding streamed(byte[] body, JsonCodec codec) {
		try (JsonParser parser = codec.mapper().createParser(body)) {
			float[] values = new float[512];
			int count = 0;
			int depth = 0;
			int numberDepth = -1;
			int topLevel = 0;
			int innerLength = -1;
			int currentLength = 0;
			int rows = 0;
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				switch (token) {
					case START_ARRAY -> {
						if (depth == 1) {
							topLevel++;
						}
						if (++depth > 3 || (numberDepth > 0 && depth > numberDepth)) {
							return null;
						}
						currentLength = 0;
					}
					case END_ARRAY -> {
						if (depth == numberDepth) {
							if (innerLength < 0) {
								innerLength = currentLength;
							}
							else if (currentLength != innerLength) {
								return null;
							}
							rows++;
						}
						depth--;
					}
					case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
						if (numberDepth < 0) {
							numberDepth = depth;
						}
						else if (depth != numberDepth) {
							return null;
						}
						if (depth == 1) {
							topLevel++;
						}
						if (count == values.length) {
							values = Arrays.copyOf(values, values.length * 2);
						}
						values[count++] = (float) parser.getDoubleValue();
						currentLength++;
					}
					default -> {
						return null;
					}
				}
			}
			if (numberDepth < 1 || innerLength <= 0 || (numberDepth == 3 && topLevel != 1)) {
				return null;
			}
			float[] exact = (count == values.length) ? values : Arrays.copyOf(values, count);
			return (numberDepth == 1 || (numberDepth == 2 && rows == 1)) ? new Embedding(new int[] { innerLength }, exact)
					: new Embedding(new int[] { rows, innerLength }, exact);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Reads the response to a batch: {@code [[d]...]} (sentence embeddings),
	 * {@code [[t,d]...]} (token vectors) or {@code [[[t,d]]...]} (token vectors, each wrapped
	 * in a batch of one, as recorded from hf-inference; {@code t} may differ per text).
	 * @param node the parsed response
	 * @return one embedding per input
	 */
	static List<Embedding> batch(JsonNode node) {
		int depth = depth(node);
		if (depth < 2 || depth > 4) {
			throw malformed(node);
		}
		List<Embedding> embeddings = new ArrayList<>(node.size());
		for (JsonNode element : node) {
			embeddings.add((depth == 4) ? single(element) : tensor(element));
		}
		return embeddings;
	}

	private static Embedding tensor(JsonNode node) {
		if (depth(node) == 1) {
			return new Embedding(new int[] { node.size() }, floats(node, new float[node.size()], 0));
		}
		int rows = node.size();
		int dims = rows == 0 ? 0 : node.get(0).size();
		float[] values = new float[rows * dims];
		for (int row = 0; row < rows; row++) {
			JsonNode vector = node.get(row);
			if (vector.size() != dims) {
				throw new HfResponseException("Ragged feature-extraction response: row " + row + " has "
						+ vector.size() + " values, expected " + dims, null);
			}
			floats(vector, values, row * dims);
		}
		return new Embedding(new int[] { rows, dims }, values);
	}

	private static float[] floats(JsonNode vector, float[] target, int offset) {
		for (int i = 0; i < vector.size(); i++) {
			JsonNode value = vector.get(i);
			if (!value.isNumber()) {
				throw new HfResponseException("Feature-extraction response holds a non-number: " + value, null);
			}
			target[offset + i] = value.floatValue();
		}
		return target;
	}

	private static int depth(JsonNode node) {
		int depth = 0;
		JsonNode current = node;
		while (current.isArray()) {
			depth++;
			if (current.isEmpty()) {
				break;
			}
			current = current.get(0);
		}
		return depth;
	}

	private static void requireSize(JsonNode node, int size) {
		if (node.size() != size) {
			throw malformed(node);
		}
	}

	private static HfResponseException malformed(JsonNode node) {
		return new HfResponseException("Malformed feature-extraction response: expected an array of numbers "
				+ "nested one to four levels deep, got " + (node.isArray() ? "depth " + depth(node) : node.getNodeType()),
				null);
	}

	/**
	 * Feature-extraction options, sent at the body root.
	 *
	 * @param normalize whether to L2-normalise the embeddings
	 * @param promptName name of a prompt configured in the model (sentence-transformers)
	 * @param truncate whether to truncate inputs longer than the model's maximum
	 * @param truncationDirection which side to truncate
	 */
	public record Parameters(@Nullable Boolean normalize, @Nullable String promptName, @Nullable Boolean truncate,
			@Nullable TruncationDirection truncationDirection) {

		/** Normalised embeddings. */
		public static Parameters normalized() {
			return new Parameters(true, null, null, null);
		}

		/**
		 * A builder with every parameter unset: {@code Parameters.builder().normalize(..).build()}.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable Boolean normalize;

			private @Nullable String promptName;

			private @Nullable Boolean truncate;

			private @Nullable TruncationDirection truncationDirection;

			private Builder() {
			}

			/**
			 * Sets {@code normalize}.
			 * @param normalize whether to L2-normalise the embeddings
			 * @return this builder
			 */
			public Builder normalize(@Nullable Boolean normalize) {
				this.normalize = normalize;
				return this;
			}

			/**
			 * Sets {@code promptName}.
			 * @param promptName name of a prompt configured in the model (sentence-transformers)
			 * @return this builder
			 */
			public Builder promptName(@Nullable String promptName) {
				this.promptName = promptName;
				return this;
			}

			/**
			 * Sets {@code truncate}.
			 * @param truncate whether to truncate inputs longer than the model's maximum
			 * @return this builder
			 */
			public Builder truncate(@Nullable Boolean truncate) {
				this.truncate = truncate;
				return this;
			}

			/**
			 * Sets {@code truncationDirection}.
			 * @param truncationDirection which side to truncate
			 * @return this builder
			 */
			public Builder truncationDirection(@Nullable TruncationDirection truncationDirection) {
				this.truncationDirection = truncationDirection;
				return this;
			}

			/**
			 * Builds the parameters.
			 * @return the parameters
			 */
			public Parameters build() {
				return new Parameters(this.normalize, this.promptName, this.truncate, this.truncationDirection);
			}

		}

	}

	/** Side from which over-long inputs are truncated. */
	public enum TruncationDirection {

		/** Drop tokens at the start. */
		LEFT("left"),
		/** Drop tokens at the end. */
		RIGHT("right");

		private final String value;

		TruncationDirection(String value) {
			this.value = value;
		}

		/** The wire value. */
		@JsonValue
		public String value() {
			return this.value;
		}

	}

}
