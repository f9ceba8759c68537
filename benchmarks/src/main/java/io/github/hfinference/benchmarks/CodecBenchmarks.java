package io.github.hfinference.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import io.github.hfinference.core.json.JsonCodec;
import io.github.hfinference.core.task.BinaryInput;
import io.github.hfinference.core.task.FeatureExtraction;
import io.github.hfinference.core.task.FillMask;
import io.github.hfinference.core.task.ImageClassification;
import io.github.hfinference.core.task.QuestionAnswering;
import io.github.hfinference.core.task.RawResponse;
import io.github.hfinference.core.task.SentenceSimilarity;
import io.github.hfinference.core.task.Summarization;
import io.github.hfinference.core.task.Task;
import io.github.hfinference.core.task.Task.RequestPayload;
import io.github.hfinference.core.task.TextClassification;
import io.github.hfinference.core.task.TextGeneration;
import io.github.hfinference.core.task.TokenClassification;
import io.github.hfinference.core.task.ZeroShotClassification;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatMessage;

/**
 * Time and allocation of building a task's request body (encoder plus serialisation, as
 * the request path does) and of decoding its typical response, per task.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class CodecBenchmarks {

	@Param({ "text-classification", "feature-extraction", "token-classification", "question-answering",
			"zero-shot-classification", "fill-mask", "sentence-similarity", "summarization", "text-generation",
			"chat-completion", "image-classification" })
	public String task;

	private Sample<?, ?, ?> sample;

	@Setup
	public void setUp() {
		this.sample = Sample.of(this.task);
	}

	/** Encodes the input and writes the body bytes. */
	@Benchmark
	public byte[] buildRequest() {
		return this.sample.encode();
	}

	/** Decodes the typical response into the typed result. */
	@Benchmark
	public Object parseResponse() {
		return this.sample.decode();
	}

	/** A task, a typical input and a typical response. */
	record Sample<I, P, R>(Task<I, P, R> task, I input, RawResponse response) {

		private static final HttpHeaders JSON = headers();

		byte[] encode() {
			RequestPayload payload = this.task.encoder().encode(this.input, null, JsonCodec.get());
			return (payload instanceof RequestPayload.Json json) ? json.bytes(JsonCodec.get())
					: ((RequestPayload.Binary) payload).bytes();
		}

		R decode() {
			return this.task.decoder().decode(this.response, JsonCodec.get());
		}

		static Sample<?, ?, ?> of(String task) {
			return switch (task) {
				case "text-classification" -> sample(TextClassification.TASK, Clients.TEXT, StubServer.TEXT_CLASSIFICATION);
				case "feature-extraction" -> sample(FeatureExtraction.TASK, Clients.TEXT, StubServer.FEATURE_EXTRACTION);
				case "token-classification" -> sample(TokenClassification.TASK, "My name is Sarah and I live in London",
						"[{\"entity_group\":\"PER\",\"score\":0.9985,\"word\":\"Sarah\",\"start\":11,\"end\":16},"
								+ "{\"entity_group\":\"LOC\",\"score\":0.9996,\"word\":\"London\",\"start\":31,\"end\":37}]");
				case "question-answering" -> sample(QuestionAnswering.TASK,
						new QuestionAnswering.Input("What is my name?", "My name is Clara and I live in Berkeley."),
						"{\"score\":0.9326,\"start\":11,\"end\":16,\"answer\":\"Clara\"}");
				case "zero-shot-classification" -> sample(ZeroShotClassification.TASK,
						new ZeroShotClassification.Input("I have a problem with my iphone that needs to be resolved asap!",
								List.of("urgent", "not urgent", "phone", "tablet", "computer")),
						"[{\"label\":\"urgent\",\"score\":0.5},{\"label\":\"phone\",\"score\":0.46},"
								+ "{\"label\":\"computer\",\"score\":0.03},{\"label\":\"not urgent\",\"score\":0.005},"
								+ "{\"label\":\"tablet\",\"score\":0.004}]");
				case "fill-mask" -> sample(FillMask.TASK, "The goal of life is [MASK].",
						"[{\"score\":0.1,\"token\":1,\"token_str\":\"happiness\",\"sequence\":\"the goal of life is happiness.\"},"
								+ "{\"score\":0.05,\"token\":2,\"token_str\":\"survival\",\"sequence\":\"the goal of life is survival.\"},"
								+ "{\"score\":0.04,\"token\":3,\"token_str\":\"love\",\"sequence\":\"the goal of life is love.\"}]");
				case "sentence-similarity" -> sample(SentenceSimilarity.TASK,
						new SentenceSimilarity.Input("That is a happy person",
								List.of("That is a happy dog", "That is a very happy person", "Today is a sunny day")),
						"[0.6945773363113403,0.9429150819778442,0.2568760812282562]");
				case "summarization" -> sample(Summarization.TASK,
						"The tower is 324 metres (1,063 ft) tall, about the same height as an 81-storey building, "
								+ "and the tallest structure in Paris.",
						"[{\"summary_text\":\"The tower is 324 metres tall, the tallest structure in Paris.\"}]");
				case "text-generation" -> sample(TextGeneration.TASK, "The answer to the universe is",
						"[{\"generated_text\":\"The answer to the universe is 42, and the question is unknown.\"}]");
				case "chat-completion" -> sample(ChatCompletion.TASK,
						List.of(ChatMessage.system("You are helpful."), ChatMessage.user("What is the capital of France?")),
						"{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1732000000,\"model\":\"m\","
								+ "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
								+ "\"content\":\"The capital of France is Paris.\"},\"finish_reason\":\"stop\"}],"
								+ "\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":8,\"total_tokens\":28}}");
				case "image-classification" -> sample(ImageClassification.TASK,
						new BinaryInput(new byte[16 * 1024], "image/jpeg"),
						"[{\"label\":\"tabby, tabby cat\",\"score\":0.83},{\"label\":\"tiger cat\",\"score\":0.12},"
								+ "{\"label\":\"Egyptian cat\",\"score\":0.04}]");
				default -> throw new IllegalArgumentException(task);
			};
		}

		private static <I, P, R> Sample<I, P, R> sample(Task<I, P, R> task, I input, String body) {
			return new Sample<>(task, input, new RawResponse(200, JSON, body.getBytes(StandardCharsets.UTF_8)));
		}

		private static HttpHeaders headers() {
			HttpHeaders headers = new HttpHeaders();
			headers.setContentType(MediaType.APPLICATION_JSON);
			return HttpHeaders.readOnlyHttpHeaders(headers);
		}

	}

}
