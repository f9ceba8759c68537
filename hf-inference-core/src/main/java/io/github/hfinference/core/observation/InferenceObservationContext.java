package io.github.hfinference.core.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.ResponseMetadata;

/**
 * What an observation of one inference call knows: the model, the task, and, once the
 * call has completed, the target that served it and the response metadata (tokens,
 * compute time, served revision, request id).
 */
public class InferenceObservationContext extends Observation.Context {

	private final String modelAlias;

	private final String modelId;

	private final String task;

	private @Nullable ResponseMetadata metadata;

	private @Nullable String servedBy;

	private boolean streaming;

	/**
	 * Creates a context.
	 * @param modelAlias the application's name for the model
	 * @param modelId the Hugging Face model id (or the alias of an endpoint-only model)
	 * @param task the task id
	 */
	public InferenceObservationContext(String modelAlias, String modelId, String task) {
		this.modelAlias = modelAlias;
		this.modelId = modelId;
		this.task = task;
	}

	/** The application's name for the model. */
	public String getModelAlias() {
		return this.modelAlias;
	}

	/** The Hugging Face model id. */
	public String getModelId() {
		return this.modelId;
	}

	/** The task id. */
	public String getTask() {
		return this.task;
	}

	/** The response metadata, once the call succeeded. */
	public @Nullable ResponseMetadata getMetadata() {
		return this.metadata;
	}

	/**
	 * Records the response metadata of a successful call.
	 * @param metadata the metadata
	 */
	public void setMetadata(@Nullable ResponseMetadata metadata) {
		this.metadata = metadata;
		if (metadata != null) {
			this.servedBy = metadata.target();
		}
	}

	/** The target that served (or last failed) the call, if known. */
	public @Nullable String getServedBy() {
		return this.servedBy;
	}

	/**
	 * Records the target that last handled the call.
	 * @param target the target name
	 */
	public void setServedBy(@Nullable String target) {
		this.servedBy = target;
	}

	/** Whether the call streams its result. */
	public boolean isStreaming() {
		return this.streaming;
	}

	/**
	 * Marks the call as streaming.
	 * @param streaming whether it streams
	 */
	public void setStreaming(boolean streaming) {
		this.streaming = streaming;
	}

}
