package io.github.hfinference.core.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code gen_ai.client.operation} observation and its keys, following the
 * OpenTelemetry GenAI semantic conventions used by Spring AI and LangChain4j.
 */
public enum InferenceObservationDocumentation implements ObservationDocumentation {

	/** One inference call, across all its attempts. */
	INFERENCE_CALL {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultInferenceObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeys.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeys.values();
		}

	};

	/** Low-cardinality keys: they become metric tags. */
	public enum LowCardinalityKeys implements KeyName {

		/**
		 * The OpenTelemetry GenAI operation ({@code chat}, {@code embeddings},
		 * {@code text_completion}, {@code generate_content}), see {@link GenAiOperations}.
		 */
		OPERATION_NAME {
			@Override
			public String asString() {
				return "gen_ai.operation.name";
			}
		},

		/** The Hugging Face task ({@code text-classification}, {@code chat-completion}, ...). */
		TASK {
			@Override
			public String asString() {
				return "hf.task";
			}
		},

		/** The Hugging Face model id requested. */
		REQUEST_MODEL {
			@Override
			public String asString() {
				return "gen_ai.request.model";
			}
		},

		/** Always {@code hugging_face}. */
		SYSTEM {
			@Override
			public String asString() {
				return "gen_ai.system";
			}
		},

		/** The application's alias of the model. */
		MODEL_ALIAS {
			@Override
			public String asString() {
				return "hf.model";
			}
		},

		/** The provider that served the call: the router's provider or the endpoint's name. */
		PROVIDER_NAME {
			@Override
			public String asString() {
				return "gen_ai.provider.name";
			}
		},

		/** The target (provider or endpoint) that served the call. */
		PROVIDER {
			@Override
			public String asString() {
				return "hf.provider";
			}
		},

		/**
		 * {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code RATE_LIMITED}, {@code TIMEOUT},
		 * {@code DECODE}, {@code CONNECTION}, {@code CIRCUIT_OPEN}, {@code REJECTED}, {@code REVISION_MISMATCH},
		 * {@code JOB_FAILED}, {@code UNKNOWN} (a failure that is not an {@code HfInferenceException}).
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The exception's simple class name, or {@code none}. */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		}

	}

	/** High-cardinality keys: traces only. */
	public enum HighCardinalityKeys implements KeyName {

		/** The server's request id. */
		REQUEST_ID {
			@Override
			public String asString() {
				return "hf.request.id";
			}
		},

		/** The model revision actually served ({@code x-sha}). */
		SERVED_REVISION {
			@Override
			public String asString() {
				return "hf.revision";
			}
		}

	}

}
