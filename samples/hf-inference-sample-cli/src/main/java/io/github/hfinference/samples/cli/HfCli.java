package io.github.hfinference.samples.cli;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.github.hfinference.core.BlockingHfInferenceClient;
import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.error.HfInferenceException;
import io.github.hfinference.core.task.ClassificationOutput;
import io.github.hfinference.core.task.Embedding;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ChatStreams;

/**
 * A command-line client of Hugging Face inference built on {@link HfInferenceClient}
 * alone. The token is looked up as everywhere in this library ({@code HF_TOKEN},
 * {@code HUGGING_FACE_HUB_TOKEN}, the Hugging Face CLI's token file); the base URL can
 * be changed with {@code HF_INFERENCE_BASE_URL}.
 *
 * <pre>
 * sentiment &lt;text&gt;   classify a text (distilbert SST-2 on hf-inference)
 * embed &lt;text&gt;       embed a text (all-MiniLM-L6-v2 on hf-inference)
 * chat &lt;message&gt;    stream a chat answer (Llama 3.1 8B Instruct, provider auto)
 * </pre>
 */
public final class HfCli {

	static final ModelDefinition SENTIMENT = ModelDefinition.builder("sentiment")
		.id("distilbert/distilbert-base-uncased-finetuned-sst-2-english")
		.target(new InferenceTarget.Router("hf-inference"))
		.build();

	static final ModelDefinition EMBEDDINGS = ModelDefinition.builder("embeddings")
		.id("sentence-transformers/all-MiniLM-L6-v2")
		.target(new InferenceTarget.Router("hf-inference"))
		.build();

	static final ModelDefinition CHAT = ModelDefinition.builder("chat")
		.id("meta-llama/Llama-3.1-8B-Instruct")
		.target(InferenceTarget.Router.AUTO)
		.build();

	private static final String USAGE = "usage: hf-cli (sentiment|embed|chat) <text>";

	private final HfInferenceClient client;

	private final PrintStream out;

	private final PrintStream err;

	/**
	 * Creates the command line over a client.
	 * @param client the inference client
	 * @param out where results are printed
	 * @param err where usage and errors are printed
	 */
	public HfCli(HfInferenceClient client, PrintStream out, PrintStream err) {
		this.client = client;
		this.out = out;
		this.err = err;
	}

	/**
	 * Runs one command and exits with its status.
	 * @param args the command and its text
	 */
	public static void main(String[] args) {
		// Bounds every call and every wait of the chat stream (for its first event, then between two),
		// so the blocking calls and blockLast() cannot hang; a long answer that keeps coming is never cut.
		HfInferenceClient.Builder builder = HfInferenceClient.builder().timeout(Duration.ofSeconds(120));
		String baseUrl = System.getenv("HF_INFERENCE_BASE_URL");
		if (baseUrl != null && !baseUrl.isBlank()) {
			builder.baseUrl(URI.create(baseUrl));
		}
		System.exit(new HfCli(builder.build(), System.out, System.err).run(args));
	}

	/**
	 * Runs one command.
	 * @param args the command and its text
	 * @return the exit status: 0 on success, 1 when the call failed, 2 on bad usage
	 */
	public int run(String[] args) {
		if (args.length < 2) {
			this.err.println(USAGE);
			return 2;
		}
		String text = String.join(" ", Arrays.asList(args).subList(1, args.length));
		BlockingHfInferenceClient blocking = this.client.blocking();
		try {
			switch (args[0]) {
				case "sentiment" -> {
					List<ClassificationOutput> labels = blocking.call(TextClassification.TASK, SENTIMENT, text, null);
					labels.forEach((label) -> this.out.printf("%-10s %.4f%n", label.label(), label.score()));
				}
				case "embed" -> {
					Embedding embedding = blocking.call(FeatureExtraction.TASK, EMBEDDINGS, text, null);
					float[] vector = embedding.vector();
					this.out.printf("%d dimensions: %s ...%n", embedding.dimensions(),
							Arrays.toString(Arrays.copyOf(vector, Math.min(4, vector.length))));
				}
				case "chat" -> {
					ChatStreams
						.textDeltas(this.client.stream(ChatCompletion.STREAM, CHAT, List.of(ChatMessage.user(text)),
								ChatCompletion.Parameters.builder().maxTokens(256).build()))
						.doOnNext(this.out::print)
						.blockLast();
					this.out.println();
				}
				default -> {
					this.err.println(USAGE);
					return 2;
				}
			}
			return 0;
		}
		catch (HfInferenceException ex) {
			this.err.println(ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return 1;
		}
	}

}
