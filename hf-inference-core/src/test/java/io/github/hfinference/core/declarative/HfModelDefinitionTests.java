package io.github.hfinference.core.declarative;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.hfinference.core.CallOptions;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceResponse;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.ClassificationParameters;
import io.github.hfinference.core.task.Embedding;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Startup diagnostics: every mistake in an {@code @HfModel} interface is reported with
 * the interface, the method and the problem.
 */
class HfModelDefinitionTests {

	private final HfModelProxyFactory factory = HfModelProxyFactory
		.builder(HfInferenceClient.builder().noTokenLookup().build())
		.modelResolver(new ModelResolver() {

			@Override
			public java.util.Optional<ConfiguredModel> resolve(String alias) {
				return java.util.Optional.ofNullable(MODELS.get(alias));
			}

			@Override
			public java.util.Set<String> aliases() {
				return MODELS.keySet();
			}

			@Override
			public String source() {
				return "hf.inference.models";
			}

		})
		.build();

	private static final Map<String, ConfiguredModel> MODELS = Map.of("m",
			ConfiguredModel.of(ModelDefinition.of("org/model")));

	@Test
	void modelIdClimbingOutOfItsPathIsRefusedWhenTheProxyIsBuilt() {
		assertThatExceptionOfType(HfModelDefinitionException.class)
			.isThrownBy(() -> this.factory.createClient(ClimbingId.class))
			.withMessageContaining("ClimbingId")
			.withMessageContaining("malformed model id 'org/../../_stats'");
	}

	@HfModel(id = "org/../../_stats")
	interface ClimbingId {

		List<ClassificationOutput> classify(String text);

	}

	@Test
	void noInputParameter() {
		assertFails(NoInput.class, "classify()", "has no input parameter; a method takes exactly one input, "
				+ "optionally the task's parameters object and optionally a CallOptions");
	}

	@Test
	void onlyCallOptionsIsNoInput() {
		assertFails(OnlyOptions.class, "classify(CallOptions)", "has no input parameter; a method takes exactly "
				+ "one input, optionally the task's parameters object and optionally a CallOptions");
	}

	@Test
	void twoInputParameters() {
		assertFails(TwoInputs.class, "classify(String, String)",
				"has two input parameters (parameter #1 (String) and parameter #2 (String)); a method takes exactly "
						+ "one input, optionally the task's parameters object and optionally a CallOptions");
	}

	@Test
	void twoCallOptions() {
		assertFails(TwoOptions.class, "classify(String, CallOptions, CallOptions)",
				"parameter #3 (CallOptions) is a second CallOptions");
	}

	@Test
	void parametersOfAnotherTask() {
		assertFails(WrongParameters.class, "classify(String, TextGeneration.Parameters)",
				"has two input parameters (parameter #1 (String) and parameter #2 (TextGeneration.Parameters)), "
						+ "but task text-classification takes one input (String), optionally its parameters "
						+ "(ClassificationParameters) and a CallOptions (task named by "
						+ "@InferenceTask(\"text-classification\"))");
	}

	@Test
	void unknownTaskName() {
		assertFails(UnknownTask.class, "classify(String)",
				"names the unknown task 'text-clasification' in @InferenceTask; known tasks: ");
	}

	@Test
	void resultTypeOfAnotherTask() {
		assertFails(WrongResult.class, "classify(String)", "returns Embedding, but task text-classification "
				+ "returns List<ClassificationOutput> (task named by @InferenceTask(\"text-classification\"))");
	}

	@Test
	void inputTypeOfAnotherTask() {
		assertFails(WrongInput.class, "classify(Integer)", "parameter #1 (Integer) is not an input of task "
				+ "text-classification, which takes String (task named by @InferenceTask(\"text-classification\"))");
	}

	@Test
	void ambiguousResultType() {
		assertFails(Ambiguous.class, "anything(String)",
				"cannot infer its task, several tasks take (String) and return Object: chat-completion "
						+ "(List<ChatMessage> -> ChatCompletionOutput), feature-extraction (String -> Embedding)");
	}

	@Test
	void noTaskMatches() {
		assertFails(NoMatch.class, "count(String)", "cannot infer its task: no task takes (String) and returns "
				+ "Integer; name the task with @InferenceTask or configure a task for model 'm'. Tasks taking "
				+ "(String): feature-extraction (String -> Embedding), fill-mask (String -> List<FillMask.Output>)");
	}

	@Test
	void voidReturnType() {
		assertFails(Void.class, "classify(String)", "returns void, but an inference method returns its result: "
				+ "R, Mono<R>, CompletableFuture<R>, InferenceResponse<R>, Mono<InferenceResponse<R>> or Flux<C>");
	}

	@Test
	void unsupportedReturnType() {
		assertFails(FutureResult.class, "classify(String)",
				"has the unsupported return type Future<List<ClassificationOutput>>");
	}

	@Test
	void rawMono() {
		assertFails(RawMono.class, "classify(String)", "returns a raw Mono; declare its value type");
	}

	@Test
	void rawInferenceResponse() {
		assertFails(RawResponse.class, "classify(String)", "returns a raw InferenceResponse; declare its value type");
	}

	@Test
	void fluxOfStringWithoutATaskIsAmbiguousBetweenTheStreamingTasks() {
		assertFails(Streaming.class, "chat(String)",
				"cannot infer its task, several tasks take (String) and stream String: chat-completion "
						+ "(List<ChatMessage> -> ChatCompletionChunk chunks), text-generation "
						+ "(String -> TextGeneration.StreamOutput chunks); name one with @InferenceTask or configure "
						+ "a task for model 'm'");
	}

	@Test
	void fluxOfATaskThatCannotStream() {
		assertFails(StreamingClassification.class, "classify(String)",
				"streams List<ClassificationOutput>, but task text-classification cannot stream; streaming tasks: "
						+ "chat-completion (List<ChatMessage> -> ChatCompletionChunk chunks), "
						+ "text-generation (String -> TextGeneration.StreamOutput chunks), "
						+ "responses (Responses.Input -> ResponseEvent chunks) (task named by "
						+ "@InferenceTask(\"text-classification\"))");
	}

	@Test
	void fluxOfAnotherChunkType() {
		assertFails(StreamingWrongChunk.class, "chat(String)", "streams Embedding, but task chat-completion streams "
				+ "ChatCompletionChunk (or their text as String); a typed (structured output) chat answer cannot stream, "
				+ "it is read once complete: return Mono<Embedding> or Embedding (task named by "
				+ "@InferenceTask(\"chat-completion\"))");
	}

	@Test
	void fluxOfResponsesIsRejected() {
		assertFails(StreamingResponses.class, "chat(String)", "streams InferenceResponse<String>, but a streaming "
				+ "method returns its chunks (Flux<ChatCompletionChunk>, Flux<TextGeneration.StreamOutput>) or their "
				+ "text (Flux<String>); use HfInferenceClient.executeStream for the response metadata");
	}

	@Test
	void rawFlux() {
		assertFails(RawFlux.class, "chat(String)", "returns a raw Flux; declare its value type");
	}

	@Test
	void notAnInterface() {
		assertThatExceptionOfType(HfModelDefinitionException.class)
			.isThrownBy(() -> this.factory.createClient(NotAnInterface.class))
			.withMessage("HfModel interface " + NotAnInterface.class.getName()
					+ " is not an interface; @HfModel clients are interfaces");
	}

	@Test
	void missingAnnotation() {
		assertThatExceptionOfType(HfModelDefinitionException.class)
			.isThrownBy(() -> this.factory.createClient(NotAnnotated.class))
			.withMessage("HfModel interface " + NotAnnotated.class.getName() + " is not annotated with @HfModel");
	}

	@Test
	void aliasAndIdBothSet() {
		assertThatExceptionOfType(HfModelDefinitionException.class)
			.isThrownBy(() -> this.factory.createClient(Both.class))
			.withMessage("HfModel interface " + Both.class.getName() + " must set exactly one of @HfModel's value "
					+ "(a configured model alias) and id (a model id), not both");
	}

	@Test
	void unknownModelAlias() {
		assertThatExceptionOfType(HfModelDefinitionException.class)
			.isThrownBy(() -> this.factory.createClient(UnknownModel.class))
			.withMessage("HfModel interface " + UnknownModel.class.getName() + " references model 'foo', which is "
					+ "not configured under hf.inference.models (configured models: m)");
	}

	private void assertFails(Class<?> type, String method, String problem) {
		assertThatExceptionOfType(HfModelDefinitionException.class).isThrownBy(() -> this.factory.createClient(type))
			.withMessageStartingWith("HfModel interface " + type.getName() + ", method " + method + ": " + problem);
	}

	@HfModel("m")
	interface NoInput {

		List<ClassificationOutput> classify();

	}

	@HfModel("m")
	interface OnlyOptions {

		List<ClassificationOutput> classify(CallOptions options);

	}

	@HfModel("m")
	interface TwoInputs {

		List<ClassificationOutput> classify(String text, String other);

	}

	@HfModel("m")
	interface TwoOptions {

		List<ClassificationOutput> classify(String text, CallOptions options, CallOptions more);

	}

	@HfModel("m")
	interface WrongParameters {

		@InferenceTask("text-classification")
		List<ClassificationOutput> classify(String text,
				io.github.hfinference.core.task.TextGeneration.Parameters parameters);

	}

	@HfModel("m")
	interface UnknownTask {

		@InferenceTask("text-clasification")
		List<ClassificationOutput> classify(String text);

	}

	@HfModel("m")
	interface WrongResult {

		@InferenceTask("text-classification")
		Embedding classify(String text);

	}

	@HfModel("m")
	interface WrongInput {

		@InferenceTask("text-classification")
		List<ClassificationOutput> classify(Integer text);

	}

	@HfModel("m")
	interface Ambiguous {

		Object anything(String text);

	}

	@HfModel("m")
	interface NoMatch {

		Integer count(String text);

	}

	@HfModel("m")
	interface Void {

		void classify(String text);

	}

	@HfModel("m")
	interface FutureResult {

		Future<List<ClassificationOutput>> classify(String text);

	}

	@HfModel("m")
	interface RawMono {

		@SuppressWarnings("rawtypes")
		Mono classify(String text);

	}

	@HfModel("m")
	interface RawResponse {

		@SuppressWarnings("rawtypes")
		InferenceResponse classify(String text);

	}

	@HfModel("m")
	interface Streaming {

		Flux<String> chat(String text);

	}

	@HfModel("m")
	interface StreamingClassification {

		@InferenceTask("text-classification")
		Flux<List<ClassificationOutput>> classify(String text);

	}

	@HfModel("m")
	interface StreamingWrongChunk {

		@InferenceTask("chat-completion")
		Flux<Embedding> chat(String text);

	}

	@HfModel("m")
	interface StreamingResponses {

		Flux<InferenceResponse<String>> chat(String text);

	}

	@HfModel("m")
	interface RawFlux {

		@SuppressWarnings("rawtypes")
		Flux chat(String text);

	}

	@HfModel("m")
	abstract static class NotAnInterface {

	}

	interface NotAnnotated {

		List<ClassificationOutput> classify(String text);

	}

	@HfModel(value = "m", id = "org/model")
	interface Both {

	}

	@HfModel("foo")
	interface UnknownModel {

		List<ClassificationOutput> classify(String text, ClassificationParameters parameters);

	}

}
