package io.github.hfinference.test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import io.github.hfinference.core.error.HfConfigurationException;
import io.github.hfinference.test.internal.HfInferenceStubContextCustomizerFactory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A test context whose annotation asks for a port that is taken fails to start with a
 * message naming the port.
 */
class StubPortTakenTests {

	// below Linux's ephemeral range (32768-60999), so no outgoing connection holds it
	private static final int PORT = 23517;

	@Test
	void aContextAskingForATakenPortFailsNamingIt() throws Exception {
		try (ServerSocket taken = new ServerSocket(PORT, 1, InetAddress.getByName("localhost"));
				GenericApplicationContext context = new GenericApplicationContext()) {
			ContextCustomizer customizer = new HfInferenceStubContextCustomizerFactory()
				.createContextCustomizer(OnTakenPort.class, List.of());
			assertThatThrownBy(() -> customizer.customizeContext(context, null))
				.isInstanceOf(HfConfigurationException.class)
				.hasMessageContaining("HfInferenceStub cannot listen on port " + PORT + ": it is already in use")
				.hasMessageContaining("use port 0");
		}
	}

	@AutoConfigureHfInferenceStub(port = PORT)
	static class OnTakenPort {

	}

}
