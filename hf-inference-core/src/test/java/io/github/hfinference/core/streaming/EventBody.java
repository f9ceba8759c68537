package io.github.hfinference.core.streaming;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A chunked {@code text/event-stream} body written step by step by the mock server's
 * thread, so that a test can hold a stream open, slow it down, and see on the server side
 * when the client closes the connection.
 */
final class EventBody implements MockResponseBody {

	private final List<Step> steps = new ArrayList<>();

	private final CountDownLatch disconnected = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	private EventBody() {
	}

	/** A body that writes nothing yet. */
	static EventBody create() {
		return new EventBody();
	}

	/**
	 * Writes text (one or more events) and flushes it.
	 * @param text the raw text
	 * @return this body
	 */
	EventBody write(String text) {
		this.steps.add(new Step(text, null, false, null));
		return this;
	}

	/**
	 * Waits on the server side before the next step.
	 * @param pause the pause
	 * @return this body
	 */
	EventBody pause(Duration pause) {
		this.steps.add(new Step(null, pause, false, null));
		return this;
	}

	/**
	 * Sends a keep-alive comment at every interval until the client disconnects (the body
	 * then never ends normally).
	 * @param interval time between two comments
	 * @return this body
	 */
	EventBody pingUntilDisconnected(Duration interval) {
		this.steps.add(new Step(null, null, false, interval));
		return this;
	}

	/**
	 * Sends nothing more until the test releases the body (at most 30 seconds).
	 * @return this body
	 */
	EventBody stall() {
		this.steps.add(new Step(null, null, true, null));
		return this;
	}

	/** The response carrying this body. */
	MockResponse response() {
		return new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "text/event-stream")
			.addHeader("x-request-id", "req-stream")
			.body(this)
			.removeHeader("Content-Length")
			.addHeader("Transfer-Encoding", "chunked")
			.build();
	}

	/**
	 * Waits until the server noticed that the client closed the connection.
	 * @param timeout the longest wait
	 * @return true if it did
	 */
	boolean awaitDisconnect(Duration timeout) throws InterruptedException {
		return this.disconnected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Whether the server noticed the client closing the connection. */
	boolean disconnected() {
		return this.disconnected.getCount() == 0;
	}

	/** Lets a stalled body end. */
	void release() {
		this.released.countDown();
	}

	@Override
	public long getContentLength() {
		return -1;
	}

	@Override
	public void writeTo(BufferedSink sink) throws IOException {
		try {
			for (Step step : this.steps) {
				if (step.text != null) {
					chunk(sink, step.text);
				}
				else if (step.pause != null) {
					Thread.sleep(step.pause.toMillis());
				}
				else if (step.ping != null) {
					while (true) {
						chunk(sink, ": ping\n\n");
						Thread.sleep(step.ping.toMillis());
					}
				}
				else if (step.stall) {
					this.released.await(30, TimeUnit.SECONDS);
				}
			}
			sink.writeUtf8("0\r\n");
			sink.flush();
		}
		catch (IOException ex) {
			this.disconnected.countDown();
			throw ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static void chunk(BufferedSink sink, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
		sink.flush();
	}

	private record Step(String text, Duration pause, boolean stall, Duration ping) {
	}

}
