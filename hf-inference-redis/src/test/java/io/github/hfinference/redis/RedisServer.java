package io.github.hfinference.redis;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisURI;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} of the test's own, on a free loopback port, with
 * persistence off; stopped (and started again on the same port) by the test. Without
 * {@code redis-server} on the PATH the test fails, unless {@code -Dhf.redis-tests.skip=true}
 * (a flag CI never passes) is given. Registered as a static extension of a test class: it
 * starts before the class's tests and stops after them.
 */
final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private Path executable;

	private int port;

	private Path directory;

	private Process process;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.executable = find();
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.port = socket.getLocalPort();
		}
		this.directory = Files.createTempDirectory("redis-test");
		restart();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.process != null) {
			kill();
		}
	}

	private static Path find() {
		String path = System.getenv("PATH");
		for (String directory : (path != null) ? path.split(File.pathSeparator) : new String[0]) {
			Path candidate = Path.of(directory, "redis-server");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		Assumptions.assumeFalse(Boolean.getBoolean("hf.redis-tests.skip"),
				"redis-server is not installed and -Dhf.redis-tests.skip=true was given");
		throw new IllegalStateException("These tests need a real redis-server on the PATH (Debian: "
				+ "apt-get install -y redis-server); only -Dhf.redis-tests.skip=true skips them");
	}

	/** Starts the server (again) on its port and waits until it accepts connections. */
	void restart() {
		try {
			this.process = new ProcessBuilder(List.of(this.executable.toString(), "--port", Integer.toString(this.port),
					"--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", this.directory.toString()))
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("redis.log").toFile())
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start redis-server", ex);
		}
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(this::accepts);
	}

	/** Kills the server at once, as a crash would. */
	void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stops the server without closing its connections ({@code SIGSTOP}): every command hangs. */
	void freeze() {
		signal("-STOP");
	}

	/** Lets a frozen server go on ({@code SIGCONT}). */
	void thaw() {
		signal("-CONT");
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", signal, Long.toString(this.process.pid())).start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill " + signal + " failed");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot signal redis-server", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	int port() {
		return this.port;
	}

	RedisURI uri() {
		return RedisURI.create("127.0.0.1", this.port);
	}

	String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	private boolean accepts() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
