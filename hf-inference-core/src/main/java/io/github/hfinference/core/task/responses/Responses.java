package io.github.hfinference.core.task.responses;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

import io.github.hfinference.core.internal.task.Decoders;
import io.github.hfinference.core.internal.task.Encoders;
import io.github.hfinference.core.task.StreamingTask;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Task.TaskRoute;

/**
 * {@code responses}: the router's OpenAI-compatible Responses API ({@code POST
 * /v1/responses}, beta). The request's {@code model} is set by routing: the Hugging Face id,
 * with {@code :provider} for an explicit provider or {@code :fastest}/{@code :cheapest} for
 * a policy. Plain and streamed calls go through the same retry, failover and observation
 * as chat.
 */
public final class Responses {

	/** A response. */
	public static final Task<Input, Parameters, ResponseOutput> TASK = Task
		.<Input, Parameters, ResponseOutput>builder("responses", TaskRoute.RESPONSES)
		.input(Input.class)
		.parameters(Parameters.class)
		.result(ResponseOutput.class)
		.encoder(Encoders.withRootParameters("input"))
		.decoder(Decoders.json(ResponseOutput.class))
		.build();

	/**
	 * A streamed response ({@code "stream": true}): typed events, ending with
	 * {@link ResponseEvent.Completed} (or {@link ResponseEvent.Failed}); an {@code error}
	 * event becomes the typed exception a plain call would raise.
	 */
	public static final StreamingTask<Input, Parameters, ResponseEvent> STREAM = StreamingTask
		.builder(TASK, ResponseEvent.class)
		.decoder(ResponseEvent::read)
		.text((event) -> (event instanceof ResponseEvent.OutputTextDelta delta) ? delta.delta() : null)
		.build();

	private Responses() {
	}

	/**
	 * The input: a text, or a list of items (messages, function call outputs...).
	 */
	public static final class Input {

		private final Object value;

		private Input(Object value) {
			this.value = value;
		}

		/**
		 * A text input.
		 * @param text the text
		 * @return the input
		 */
		public static Input text(String text) {
			return new Input(text);
		}

		/**
		 * Input items.
		 * @param items the items
		 * @return the input
		 */
		public static Input items(List<InputItem> items) {
			return new Input(List.copyOf(items));
		}

		/** The text or the item list, as sent. */
		@JsonValue
		public Object value() {
			return this.value;
		}

		@Override
		public String toString() {
			return "Input[" + ((this.value instanceof String) ? "text" : ((List<?>) this.value).size() + " items")
					+ "]";
		}

	}

	/**
	 * One input item: a message ({@code role} and {@code content}), or, with {@code type}
	 * {@code function_call_output}, the output of a tool call.
	 *
	 * @param type the item type ({@code message} when null)
	 * @param role {@code user}, {@code assistant}, {@code system} or {@code developer}
	 * @param content the message text
	 * @param callId the tool call answered
	 * @param output the tool's output
	 */
	public record InputItem(@Nullable String type, @Nullable String role, @Nullable String content,
			@Nullable String callId, @Nullable String output) {

		/**
		 * A message.
		 * @param role the role
		 * @param content the text
		 * @return the item
		 */
		public static InputItem message(String role, String content) {
			return new InputItem(null, role, content, null, null);
		}

		/**
		 * A tool call's output.
		 * @param callId the call's id
		 * @param output the output
		 * @return the item
		 */
		public static InputItem functionCallOutput(String callId, String output) {
			return new InputItem("function_call_output", null, null, callId, output);
		}

	}

	/**
	 * Responses API parameters (OpenAI names); {@code extraBody} fields are merged at the
	 * body root.
	 *
	 * @param instructions the system instructions
	 * @param maxOutputTokens the maximum tokens to generate
	 * @param temperature sampling temperature
	 * @param topP nucleus sampling
	 * @param tools the tools the model may call
	 * @param toolChoice {@code auto}, {@code none}, {@code required} or a tool object
	 * @param text the output format ({@code text.format}: text, json_object or json_schema)
	 * @param reasoning reasoning effort and summary
	 * @param previousResponseId the response this one continues
	 * @param extraBody provider-specific fields, passed through
	 */
	public record Parameters(@Nullable String instructions, @Nullable Integer maxOutputTokens,
			@Nullable Double temperature, @Nullable Double topP, @Nullable List<FunctionTool> tools,
			@Nullable Object toolChoice, @Nullable TextConfig text, @Nullable Reasoning reasoning,
			@Nullable String previousResponseId, @JsonIgnore @Nullable Map<String, Object> extraBody) {

		/**
		 * Only instructions.
		 * @param instructions the instructions
		 * @return the parameters
		 */
		public static Parameters instructions(String instructions) {
			return new Parameters(instructions, null, null, null, null, null, null, null, null, null);
		}

		/**
		 * A builder with every parameter unset.
		 * @return a new builder
		 */
		public static Builder builder() {
			return new Builder();
		}

		/** Builds {@link Parameters} by name; what is not set stays unset (null). */
		public static final class Builder {

			private @Nullable String instructions;

			private @Nullable Integer maxOutputTokens;

			private @Nullable Double temperature;

			private @Nullable Double topP;

			private @Nullable List<FunctionTool> tools;

			private @Nullable Object toolChoice;

			private @Nullable TextConfig text;

			private @Nullable Reasoning reasoning;

			private @Nullable String previousResponseId;

			private @Nullable Map<String, Object> extraBody;

			private Builder() {
			}

			/**
			 * @param instructions the instructions
			 * @return this builder
			 */
			public Builder instructions(@Nullable String instructions) {
				this.instructions = instructions;
				return this;
			}

			/**
			 * @param maxOutputTokens the maximum number of output tokens
			 * @return this builder
			 */
			public Builder maxOutputTokens(@Nullable Integer maxOutputTokens) {
				this.maxOutputTokens = maxOutputTokens;
				return this;
			}

			/**
			 * @param temperature the sampling temperature
			 * @return this builder
			 */
			public Builder temperature(@Nullable Double temperature) {
				this.temperature = temperature;
				return this;
			}

			/**
			 * @param topP the nucleus sampling mass
			 * @return this builder
			 */
			public Builder topP(@Nullable Double topP) {
				this.topP = topP;
				return this;
			}

			/**
			 * @param tools the function tools the model may call
			 * @return this builder
			 */
			public Builder tools(@Nullable List<FunctionTool> tools) {
				this.tools = tools;
				return this;
			}

			/**
			 * @param toolChoice which tool the model must or may call
			 * @return this builder
			 */
			public Builder toolChoice(@Nullable Object toolChoice) {
				this.toolChoice = toolChoice;
				return this;
			}

			/**
			 * @param text the text output format
			 * @return this builder
			 */
			public Builder text(@Nullable TextConfig text) {
				this.text = text;
				return this;
			}

			/**
			 * @param reasoning the reasoning settings
			 * @return this builder
			 */
			public Builder reasoning(@Nullable Reasoning reasoning) {
				this.reasoning = reasoning;
				return this;
			}

			/**
			 * @param previousResponseId the response this one continues
			 * @return this builder
			 */
			public Builder previousResponseId(@Nullable String previousResponseId) {
				this.previousResponseId = previousResponseId;
				return this;
			}

			/**
			 * @param extraBody fields passed through verbatim
			 * @return this builder
			 */
			public Builder extraBody(@Nullable Map<String, Object> extraBody) {
				this.extraBody = extraBody;
				return this;
			}

			/** @return the parameters */
			public Parameters build() {
				return new Parameters(this.instructions, this.maxOutputTokens, this.temperature, this.topP, this.tools, this.toolChoice, this.text, this.reasoning, this.previousResponseId, this.extraBody);
			}

		}

		/**
		 * These parameters continuing an earlier response.
		 * @param responseId the earlier response's id
		 * @return the parameters
		 */
		public Parameters withPreviousResponseId(String responseId) {
			return new Parameters(this.instructions, this.maxOutputTokens, this.temperature, this.topP, this.tools,
					this.toolChoice, this.text, this.reasoning, responseId, this.extraBody);
		}

		/** The pass-through fields, serialised next to the others. */
		@JsonAnyGetter
		public Map<String, Object> extraFields() {
			return (this.extraBody != null) ? this.extraBody : Map.of();
		}

	}

	/**
	 * A function the model may call ({@code {"type": "function", "name", "description",
	 * "parameters", "strict"}}).
	 *
	 * @param type always {@code function}
	 * @param name the function's name
	 * @param description what it does
	 * @param parameters its JSON schema
	 * @param strict whether the arguments must follow the schema exactly
	 */
	public record FunctionTool(String type, String name, @Nullable String description,
			@Nullable Map<String, Object> parameters, @Nullable Boolean strict) {

		/**
		 * A function tool.
		 * @param name the name
		 * @param description what it does
		 * @param parameters its JSON schema
		 * @return the tool
		 */
		public static FunctionTool function(String name, String description, Map<String, Object> parameters) {
			return new FunctionTool("function", name, description, parameters, null);
		}

	}

	/**
	 * The {@code text} option.
	 *
	 * @param format the output format
	 */
	public record TextConfig(Format format) {

		/**
		 * Output following a JSON schema ({@code {"type": "json_schema", "name", "schema",
		 * "strict": true}}).
		 * @param name the schema's name
		 * @param schema the JSON schema
		 * @return the option
		 */
		public static TextConfig jsonSchema(String name, Map<String, Object> schema) {
			return new TextConfig(new Format("json_schema", name, schema, true));
		}

	}

	/**
	 * An output format.
	 *
	 * @param type {@code text}, {@code json_object} or {@code json_schema}
	 * @param name the schema's name (json_schema)
	 * @param schema the JSON schema (json_schema)
	 * @param strict whether the output must follow the schema exactly
	 */
	public record Format(String type, @Nullable String name, @Nullable Map<String, Object> schema,
			@Nullable Boolean strict) {
	}

	/**
	 * Reasoning options.
	 *
	 * @param effort {@code low}, {@code medium} or {@code high}
	 * @param summary {@code auto}, {@code concise} or {@code detailed}
	 */
	public record Reasoning(@Nullable String effort, @Nullable String summary) {
	}

}
