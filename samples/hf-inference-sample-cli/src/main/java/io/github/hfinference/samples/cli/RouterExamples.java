package io.github.hfinference.samples.cli;

import java.time.Duration;

import reactor.core.publisher.Flux;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.catalog.ModelCatalog;
import io.github.hfinference.core.declarative.HfModel;
import io.github.hfinference.core.declarative.InferenceTask;
import io.github.hfinference.core.task.BinaryOutput;
import io.github.hfinference.core.task.TextToImage;
import io.github.hfinference.core.task.responses.ResponseOutput;
import io.github.hfinference.core.task.responses.Responses;

/**
 * The README's examples of named providers, the router's model catalogue and the
 * Responses API, compiled so that they stay true (the README's snippets are checked
 * against the samples' sources). Not run by the CLI.
 */
final class RouterExamples {

	private RouterExamples() {
	}

	static BinaryOutput namedProvider(HfInferenceClient client) {
		BinaryOutput image = client.call(TextToImage.TASK, ModelDefinition.of("black-forest-labs/FLUX.1-dev", "fal-ai"),
				"An astronaut riding a horse", null).block(Duration.ofMinutes(2));
		return image;
	}

	static void catalogue(HfInferenceClient client) {
		ModelCatalog.Model model = client.catalog().model("openai/gpt-oss-120b").block(Duration.ofSeconds(30));
		for (ModelCatalog.ProviderEntry provider : model.providers()) {
			System.out.println(provider.provider() + " " + provider.status() + " tools=" + provider.supportsTools()
					+ " structured=" + provider.supportsStructuredOutput() + " price=" + provider.pricing()
					+ " tokens/s=" + provider.throughput());
		}
	}

	static String responses(HfInferenceClient client) {
		ResponseOutput answer = client.call(Responses.TASK, ModelDefinition.of("openai/gpt-oss-120b"),
				Responses.Input.text("What is the capital of France?"),
				Responses.Parameters.instructions("Answer in one word.")).block(Duration.ofSeconds(60));
		ResponseOutput next = client.call(Responses.TASK, ModelDefinition.of("openai/gpt-oss-120b"),
				Responses.Input.text("And of Italy?"),
				Responses.Parameters.instructions("Answer in one word.").withPreviousResponseId(answer.id()))
			.block(Duration.ofSeconds(60));
		return next.outputText();
	}

	static Flux<String> streamedResponse(HfInferenceClient client) {
		Flux<String> text = Responses.STREAM.texts(client.stream(Responses.STREAM,
				ModelDefinition.of("openai/gpt-oss-120b", "cerebras"), Responses.Input.text("Tell me a joke"), null));
		return text;
	}

	@HfModel("assistant")
	interface Assistant {

		@InferenceTask("responses")
		String ask(String question);

		@InferenceTask("responses")
		Flux<String> tell(String question);

	}

}
