package io.github.hfinference.core.streaming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import io.github.hfinference.core.HfInferenceClient;
import io.github.hfinference.core.error.HfConnectionException;
import io.github.hfinference.core.error.HfResponseException;
import io.github.hfinference.core.error.HfServerException;
import io.github.hfinference.core.ResiliencePolicy.CircuitBreakerSettings;
import io.github.hfinference.core.ResiliencePolicy;
import io.github.hfinference.core.ResiliencePolicy.RetrySettings;
import io.github.hfinference.core.InferenceTarget;
import io.github.hfinference.core.ModelDefinition;
import io.github.hfinference.core.task.chat.ChatCompletion;
import io.github.hfinference.core.task.chat.ChatCompletionChunk;
import io.github.hfinference.core.task.chat.ChatMessage;
import io.github.hfinference.core.task.chat.ChatStreams;

import static io.github.hfinference.core.streaming.StreamingConnectionTests.chunk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream the server cuts off is a failure, never a shorter answer: the connection closed
 * in the middle of the chunked body (with or without half an event) fails the chunks
 * after those delivered, and so does a body that ends cleanly in the middle of an event's
 * JSON. Served by a bare socket, which can close the connection at any byte.
 */
class TruncatedStreamTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final List<ChatMessage> HELLO = List.of(ChatMessage.user("Hello"));

	private ServerSocket server;

	private Thread serving;

	@AfterEach
	void stop() throws Exception {
		if (this.server != null) {
			this.server.close();
		}
		if (this.serving != null) {
			this.serving.join(WAIT.toMillis());
		}
	}

	@Test
	void connectionClosedInTheMiddleOfAnEventFailsAfterTheCompleteChunks() throws IOException {
		Served served = serve(chunked(chunk("Hel") + chunk("lo")) + chunked("data: {\"id\":\"c1\",\"cho"), false);

		StepVerifier.create(ChatStreams.textDeltas(stream(served)))
			.expectNext("Hel", "lo")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfConnectionException.class))
			.verify(WAIT);
	}

	@Test
	void connectionClosedBetweenEventsWithoutDoneFails() throws IOException {
		Served served = serve(chunked(chunk("Hel") + chunk("lo")), false);

		StepVerifier.create(ChatStreams.textDeltas(stream(served)))
			.expectNext("Hel", "lo")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfConnectionException.class))
			.verify(WAIT);
	}

	@Test
	void bodyEndingCleanlyInTheMiddleOfAnEventIsAResponseError() throws IOException {
		Served served = serve(chunked(chunk("Hel") + "data: {\"id\":\"c1\",\"cho"), true);

		StepVerifier.create(ChatStreams.textDeltas(stream(served)))
			.expectNext("Hel")
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(HfResponseException.class)
				.hasMessageContaining("is not JSON"))
			.verify(WAIT);
	}

	@Test
	void errorEventAfterChunksIsTheTypedExceptionWhateverTheBufferBoundaries() throws IOException {
		// the error event arrives in three HTTP chunks, cut inside "error"
		Served served = serve(chunked(chunk("Hel")) + chunked("data: {\"err") + chunked("or\":\"Incomplete ")
				+ chunked("generation\",\"error_type\":\"incomplete_generation\"}\n\n"), true);

		StepVerifier.create(ChatStreams.textDeltas(stream(served)))
			.expectNext("Hel")
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(HfServerException.class))
			.verify(WAIT);
	}

	private static Flux<ChatCompletionChunk> stream(Served served) {
		return served.client().stream(ChatCompletion.STREAM, served.model(), HELLO, null);
	}

	/**
	 * Answers one request with a chunked event stream: the given chunks, then the closing
	 * empty chunk if {@code end}, else the connection is closed there.
	 */
	private Served serve(String chunks, boolean end) throws IOException {
		this.server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
		ServerSocket socket = this.server;
		this.serving = new Thread(() -> {
			try (Socket connection = socket.accept()) {
				readHead(connection.getInputStream());
				OutputStream out = connection.getOutputStream();
				out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
						+ "Connection: close\r\n\r\n" + chunks + (end ? "0\r\n\r\n" : ""))
					.getBytes(StandardCharsets.UTF_8));
				out.flush();
				if (end) {
					// let the client read the whole body before the close
					connection.getInputStream().read();
				}
			}
			catch (IOException ex) {
				// the client went away or the test ended
			}
		}, "truncated-stream-server");
		this.serving.start();
		URI url = URI.create("http://127.0.0.1:" + socket.getLocalPort());
		HfInferenceClient client = HfInferenceClient.builder().token("hf_test").baseUrl(url).hubUrl(url).build();
		ModelDefinition model = ModelDefinition.builder("tgi")
			.id("tgi")
			.target(InferenceTarget.Endpoint.of(url))
			// one attempt: a failed attempt before the first chunk would otherwise be retried
			.policy(ResiliencePolicy.defaults()
				.withRetry(RetrySettings.disabled())
				.withCircuitBreaker(CircuitBreakerSettings.disabled()))
			.build();
		return new Served(client, model);
	}

	/** Reads the request head and its body (Content-Length). */
	private static void readHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				return;
			}
			head.append((char) b);
		}
		String lower = head.toString().toLowerCase(java.util.Locale.ROOT);
		int at = lower.indexOf("content-length:");
		if (at >= 0) {
			int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).strip());
			in.readNBytes(length);
		}
	}

	private record Served(HfInferenceClient client, ModelDefinition model) {
	}

	private static String chunked(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return Integer.toHexString(bytes.length) + "\r\n" + text + "\r\n";
	}

}
