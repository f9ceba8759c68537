package io.github.hfinference.local;

/**
 * How the {@code local} provider runs a batch of inputs through a model.
 */
public enum LocalBatching {

	/**
	 * {@link #PER_INPUT} for a model whose ONNX graph quantizes activations dynamically
	 * (it contains {@code DynamicQuantizeLinear}, as the bundled quantized
	 * all-MiniLM-L6-v2 does), {@link #PADDED} otherwise.
	 */
	AUTO,

	/**
	 * One session run per batch of up to {@code maxBatchSize} inputs of similar length,
	 * right-padded, with an attention mask. Fastest; exact for float models, but with a
	 * dynamically quantized model each input's embedding then depends slightly on the other
	 * inputs of its batch, because the quantization scale is computed over the whole batch
	 * tensor.
	 */
	PADDED,

	/**
	 * One session run per input: an input's embedding never depends on the rest of its
	 * batch.
	 */
	PER_INPUT

}
